package io.dharma.operations.web;

import io.dharma.web.ApiError;
import io.dharma.web.ProblemType;
import org.springframework.http.HttpStatus;

final class OperationsApiError {

    static final ApiError BLUEPRINT_NOT_FOUND = new ProblemType("audit.blueprint-not-found", HttpStatus.NOT_FOUND, "No events for this blueprint");
    static final ApiError INVALID_QUERY = new ProblemType("query.invalid-parameter", HttpStatus.BAD_REQUEST, "Invalid query parameter");
    static final ApiError BUSY = new ProblemType("audit.busy", HttpStatus.SERVICE_UNAVAILABLE, "Too many audit reads at once");

    private OperationsApiError() {
    }
}
