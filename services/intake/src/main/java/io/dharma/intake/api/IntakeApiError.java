package io.dharma.intake.api;

import io.dharma.web.ApiError;
import io.dharma.web.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * Intake's own API errors; common ones ({@code request.*}, {@code service.*}) are in
 * {@code io.dharma.web.CommonApiError}, document problems in
 * {@code io.dharma.blueprint.validation.ProblemCode}.
 */
public final class IntakeApiError {

    public static final ApiError BLUEPRINT_INVALID = new ProblemType("blueprint.invalid", HttpStatus.UNPROCESSABLE_CONTENT, "The blueprint is not valid");
    public static final ApiError BLUEPRINT_EVENT_TOO_LARGE = new ProblemType("blueprint.event-too-large", HttpStatus.CONTENT_TOO_LARGE, "The blueprint's event is too large");
    public static final ApiError BLUEPRINT_NOT_FOUND = new ProblemType("blueprint.not-found", HttpStatus.NOT_FOUND, "No such blueprint");
    public static final ApiError VERSION_NOT_FOUND = new ProblemType("blueprint.version-not-found", HttpStatus.NOT_FOUND, "No such blueprint version");
    public static final ApiError TRACKING_NOT_FOUND = new ProblemType("tracking.not-found", HttpStatus.NOT_FOUND, "No such tracking id");
    public static final ApiError IDEMPOTENCY_KEY_REUSED = new ProblemType("idempotency.key-reused", HttpStatus.CONFLICT, "Idempotency-Key already used for another request");
    public static final ApiError INVALID_IDEMPOTENCY_KEY = new ProblemType("idempotency.invalid-key", HttpStatus.BAD_REQUEST, "Invalid Idempotency-Key");
    public static final ApiError PLAN_STAGE_UNAVAILABLE = new ProblemType("plan.stage-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "A stage the plan needs is unavailable");
    public static final ApiError INVALID_PAGE = new ProblemType("request.invalid-page", HttpStatus.BAD_REQUEST, "Invalid page request");

    private IntakeApiError() {
    }
}
