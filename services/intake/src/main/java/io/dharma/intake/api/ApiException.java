package io.dharma.intake.api;

/** An API error to answer with; see {@link ApiError}. */
public class ApiException extends RuntimeException {

    private final ApiError error;

    public ApiException(ApiError error, String detail) {
        super(detail);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
