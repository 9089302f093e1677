package io.dharma.orchestrator.api;

import io.dharma.web.ApiError;
import io.dharma.web.ProblemType;
import org.springframework.http.HttpStatus;

/** The orchestrator's own API errors; common ones are in {@code io.dharma.web.CommonApiError}. */
public final class OrchestratorApiError {

    public static final ApiError DEPLOYMENT_NOT_FOUND = new ProblemType("deployment.not-found", HttpStatus.NOT_FOUND, "No such deployment");
    public static final ApiError BLUEPRINT_NOT_FOUND = new ProblemType("blueprint.not-found", HttpStatus.NOT_FOUND, "No such blueprint");
    public static final ApiError NOT_AWAITING_APPROVAL = new ProblemType("deployment.not-awaiting-approval", HttpStatus.CONFLICT, "The deployment is not awaiting approval");
    public static final ApiError NOT_FAILED = new ProblemType("deployment.not-failed", HttpStatus.CONFLICT, "Only a failed deployment can be retried");
    public static final ApiError SUPERSEDED = new ProblemType("deployment.superseded", HttpStatus.CONFLICT, "A newer deployment of the blueprint exists");
    public static final ApiError NOT_DEPLOYED = new ProblemType("blueprint.not-deployed", HttpStatus.CONFLICT, "The blueprint has nothing deployed");
    public static final ApiError FOUR_EYES = new ProblemType("deployment.four-eyes", HttpStatus.FORBIDDEN, "Four-eyes approval required");
    public static final ApiError INVALID_COMMENT = new ProblemType("deployment.invalid-comment", HttpStatus.BAD_REQUEST, "Invalid comment");
    public static final ApiError ON_BEHALF_NOT_ALLOWED = new ProblemType("deployment.on-behalf-not-allowed", HttpStatus.FORBIDDEN, "Only an API key may decide on behalf of an external approver");

    private OrchestratorApiError() {
    }
}
