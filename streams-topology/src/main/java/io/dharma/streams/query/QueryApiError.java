package io.dharma.streams.query;

import io.dharma.web.ApiError;
import org.springframework.http.HttpStatus;

/** Errors of the state query API. */
public enum QueryApiError implements ApiError {
    TRACKING_NOT_FOUND("tracking.not-found", HttpStatus.NOT_FOUND, "No such submission"),
    BLUEPRINT_NOT_FOUND("blueprint.not-found", HttpStatus.NOT_FOUND, "No such blueprint"),
    DEPLOYMENT_NOT_FOUND("deployment.not-found", HttpStatus.NOT_FOUND, "No such deployment"),
    INVALID_QUERY("query.invalid-parameter", HttpStatus.BAD_REQUEST, "Invalid query parameter"),
    STATE_UNAVAILABLE("state.unavailable", HttpStatus.SERVICE_UNAVAILABLE, "State temporarily unavailable");

    private final String code;
    private final HttpStatus status;
    private final String title;

    QueryApiError(String code, HttpStatus status, String title) {
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
