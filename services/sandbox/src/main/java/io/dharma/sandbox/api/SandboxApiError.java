package io.dharma.sandbox.api;

import io.dharma.web.ApiError;
import io.dharma.web.ProblemType;
import org.springframework.http.HttpStatus;

/** The sandbox API's own errors; common ones ({@code request.*}, {@code service.*}) are in {@code io.dharma.web.CommonApiError}. */
public final class SandboxApiError {

    public static final ApiError RESOURCE_NOT_FOUND = new ProblemType("sandbox.resource-not-found", HttpStatus.NOT_FOUND, "No such sandbox resource");
    public static final ApiError INVALID_CHANGE = new ProblemType("sandbox.invalid-change", HttpStatus.BAD_REQUEST, "Invalid out-of-band change");
    public static final ApiError INVALID_ATTRIBUTES = new ProblemType("sandbox.invalid-attributes", HttpStatus.UNPROCESSABLE_CONTENT, "Attributes not valid for the resource's type");
    public static final ApiError INVALID_FAULTS = new ProblemType("sandbox.invalid-faults", HttpStatus.UNPROCESSABLE_CONTENT, "Invalid fault settings");

    private SandboxApiError() {
    }
}
