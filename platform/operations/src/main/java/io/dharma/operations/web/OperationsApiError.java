package io.dharma.operations.web;

import io.dharma.web.ApiError;
import io.dharma.web.ProblemType;
import org.springframework.http.HttpStatus;

final class OperationsApiError {

    static final ApiError BLUEPRINT_NOT_FOUND = new ProblemType("audit.blueprint-not-found", HttpStatus.NOT_FOUND, "No events for this blueprint");

    private OperationsApiError() {
    }
}
