package io.dharma.orchestrator.api;

import io.dharma.web.ApiError;
import org.springframework.http.HttpStatus;

/** The orchestrator's own API errors; common ones are in {@code io.dharma.web.CommonApiError}. */
public enum OrchestratorApiError implements ApiError {
    DEPLOYMENT_NOT_FOUND("deployment.not-found", HttpStatus.NOT_FOUND, "No such deployment"),
    BLUEPRINT_NOT_FOUND("blueprint.not-found", HttpStatus.NOT_FOUND, "No such blueprint"),
    NOT_AWAITING_APPROVAL("deployment.not-awaiting-approval", HttpStatus.CONFLICT, "The deployment is not awaiting approval"),
    NOT_FAILED("deployment.not-failed", HttpStatus.CONFLICT, "Only a failed deployment can be retried"),
    SUPERSEDED("deployment.superseded", HttpStatus.CONFLICT, "A newer deployment of the blueprint exists"),
    NOT_DEPLOYED("blueprint.not-deployed", HttpStatus.CONFLICT, "The blueprint has nothing deployed"),
    INVALID_COMMENT("deployment.invalid-comment", HttpStatus.BAD_REQUEST, "Invalid comment");

    private final String code;
    private final HttpStatus status;
    private final String title;

    OrchestratorApiError(String code, HttpStatus status, String title) {
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
