package io.dharma.sandbox.api;

import io.dharma.web.ApiError;
import org.springframework.http.HttpStatus;

/** The sandbox API's own errors; common ones ({@code request.*}, {@code service.*}) are in {@code io.dharma.web.CommonApiError}. */
public enum SandboxApiError implements ApiError {
    RESOURCE_NOT_FOUND("sandbox.resource-not-found", HttpStatus.NOT_FOUND, "No such sandbox resource"),
    INVALID_CHANGE("sandbox.invalid-change", HttpStatus.BAD_REQUEST, "Invalid out-of-band change"),
    INVALID_ATTRIBUTES("sandbox.invalid-attributes", HttpStatus.UNPROCESSABLE_CONTENT, "Attributes not valid for the resource's type"),
    INVALID_FAULTS("sandbox.invalid-faults", HttpStatus.UNPROCESSABLE_CONTENT, "Invalid fault settings");

    private final String code;
    private final HttpStatus status;
    private final String title;

    SandboxApiError(String code, HttpStatus status, String title) {
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
