package io.dharma.intake.api;

import io.dharma.web.ApiError;
import org.springframework.http.HttpStatus;

/**
 * Intake's own API errors; common ones ({@code request.*}, {@code service.*}) are in
 * {@code io.dharma.web.CommonApiError}, document problems in
 * {@code io.dharma.blueprint.validation.ProblemCode}.
 */
public enum IntakeApiError implements ApiError {
    BLUEPRINT_INVALID("blueprint.invalid", HttpStatus.UNPROCESSABLE_CONTENT, "The blueprint is not valid"),
    BLUEPRINT_NOT_FOUND("blueprint.not-found", HttpStatus.NOT_FOUND, "No such blueprint"),
    VERSION_NOT_FOUND("blueprint.version-not-found", HttpStatus.NOT_FOUND, "No such blueprint version"),
    TRACKING_NOT_FOUND("tracking.not-found", HttpStatus.NOT_FOUND, "No such tracking id"),
    IDEMPOTENCY_KEY_REUSED("idempotency.key-reused", HttpStatus.CONFLICT, "Idempotency-Key already used for another request"),
    INVALID_IDEMPOTENCY_KEY("idempotency.invalid-key", HttpStatus.BAD_REQUEST, "Invalid Idempotency-Key"),
    INVALID_PAGE("request.invalid-page", HttpStatus.BAD_REQUEST, "Invalid page request");

    private final String code;
    private final HttpStatus status;
    private final String title;

    IntakeApiError(String code, HttpStatus status, String title) {
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
