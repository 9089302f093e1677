package io.dharma.operations.web;

import io.dharma.web.ApiError;
import org.springframework.http.HttpStatus;

enum OperationsApiError implements ApiError {
    BLUEPRINT_NOT_FOUND("audit.blueprint-not-found", HttpStatus.NOT_FOUND, "No events for this blueprint");

    private final String code;
    private final HttpStatus status;
    private final String title;

    OperationsApiError(String code, HttpStatus status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
