package io.dharma.streams.query;

import io.dharma.web.ApiError;
import io.dharma.web.ProblemType;
import org.springframework.http.HttpStatus;

/** Errors of the streams application's query API. */
public final class QueryApiError {

    public static final ApiError TRACKING_NOT_FOUND = new ProblemType("tracking.not-found", HttpStatus.NOT_FOUND, "No such submission");
    public static final ApiError BLUEPRINT_NOT_FOUND = new ProblemType("blueprint.not-found", HttpStatus.NOT_FOUND, "No such blueprint");
    public static final ApiError DEPLOYMENT_NOT_FOUND = new ProblemType("deployment.not-found", HttpStatus.NOT_FOUND, "No such deployment");
    public static final ApiError IAC_NOT_GENERATED_YET = new ProblemType("iac.not-generated-yet", HttpStatus.NOT_FOUND, "Terraform not generated yet");
    public static final ApiError IAC_GENERATION_FAILED = new ProblemType("iac.generation-failed", HttpStatus.NOT_FOUND, "Terraform generation failed");
    public static final ApiError IAC_FILE_NOT_FOUND = new ProblemType("iac.file-not-found", HttpStatus.NOT_FOUND, "No such Terraform file");
    public static final ApiError COST_NOT_ESTIMATED_YET = new ProblemType("cost.not-estimated-yet", HttpStatus.NOT_FOUND, "Cost not estimated yet");
    public static final ApiError VERDICT_NOT_EVALUATED_YET = new ProblemType("verdict.not-evaluated-yet", HttpStatus.NOT_FOUND, "Guardrails not evaluated yet");
    public static final ApiError PLAN_NOT_PLANNED_YET = new ProblemType("plan.not-planned-yet", HttpStatus.NOT_FOUND, "Deployment not planned yet");
    public static final ApiError INVALID_QUERY = new ProblemType("query.invalid-parameter", HttpStatus.BAD_REQUEST, "Invalid query parameter");
    public static final ApiError TOO_MANY_STREAMS = new ProblemType("tracking.too-many-streams", HttpStatus.SERVICE_UNAVAILABLE, "Too many open event streams");
    public static final ApiError STATE_UNAVAILABLE = new ProblemType("state.unavailable", HttpStatus.SERVICE_UNAVAILABLE, "State temporarily unavailable");

    private QueryApiError() {
    }
}
