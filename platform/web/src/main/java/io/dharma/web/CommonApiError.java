package io.dharma.web;

import org.springframework.http.HttpStatus;

/** Errors any Dharma API can answer with, whatever the service. */
public enum CommonApiError implements ApiError {
    NOT_FOUND("request.not-found", HttpStatus.NOT_FOUND, "No such resource"),
    METHOD_NOT_ALLOWED("request.method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE("request.unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    BAD_REQUEST("request.malformed", HttpStatus.BAD_REQUEST, "Malformed request"),
    INVALID_TENANT("request.invalid-tenant", HttpStatus.BAD_REQUEST, "Invalid tenant"),
    INVALID_USER("request.invalid-user", HttpStatus.BAD_REQUEST, "Invalid user"),
    SERVICE_UNAVAILABLE("service.unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable"),
    INTERNAL("service.internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final String code;
    private final HttpStatus status;
    private final String title;

    CommonApiError(String code, HttpStatus status, String title) {
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
