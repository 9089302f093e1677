package io.dharma.intake.api;

import org.springframework.http.HttpStatus;

/**
 * Errors of the HTTP API that are not about the blueprint document itself (those use
 * {@code io.dharma.blueprint.validation.ProblemCode}). Each is a stable {@code code} in an
 * RFC 9457 problem response.
 */
public enum ApiError {
    BLUEPRINT_INVALID("blueprint.invalid", HttpStatus.UNPROCESSABLE_CONTENT, "The blueprint is not valid"),
    BLUEPRINT_NOT_FOUND("blueprint.not-found", HttpStatus.NOT_FOUND, "No such blueprint"),
    VERSION_NOT_FOUND("blueprint.version-not-found", HttpStatus.NOT_FOUND, "No such blueprint version"),
    TRACKING_NOT_FOUND("tracking.not-found", HttpStatus.NOT_FOUND, "No such tracking id"),
    IDEMPOTENCY_KEY_REUSED("idempotency.key-reused", HttpStatus.CONFLICT, "Idempotency-Key already used for another request"),
    INVALID_IDEMPOTENCY_KEY("idempotency.invalid-key", HttpStatus.BAD_REQUEST, "Invalid Idempotency-Key"),
    INVALID_TENANT("request.invalid-tenant", HttpStatus.BAD_REQUEST, "Invalid tenant"),
    INVALID_PAGE("request.invalid-page", HttpStatus.BAD_REQUEST, "Invalid page request"),
    NOT_FOUND("request.not-found", HttpStatus.NOT_FOUND, "No such resource"),
    METHOD_NOT_ALLOWED("request.method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    BAD_REQUEST("request.malformed", HttpStatus.BAD_REQUEST, "Malformed request"),
    SERVICE_UNAVAILABLE("service.unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable"),
    INTERNAL("service.internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final String code;
    private final HttpStatus status;
    private final String title;

    ApiError(String code, HttpStatus status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
