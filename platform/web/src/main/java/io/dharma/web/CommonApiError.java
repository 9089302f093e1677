package io.dharma.web;

import org.springframework.http.HttpStatus;

/** Errors any Dharma API can answer with, whatever the service. */
public final class CommonApiError {

    public static final ApiError NOT_FOUND = new ProblemType("request.not-found", HttpStatus.NOT_FOUND, "No such resource");
    public static final ApiError METHOD_NOT_ALLOWED = new ProblemType("request.method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed");
    public static final ApiError NOT_ACCEPTABLE = new ProblemType("request.not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable");
    public static final ApiError UNSUPPORTED_MEDIA_TYPE = new ProblemType("request.unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type");
    public static final ApiError BODY_TOO_LARGE = new ProblemType("request.too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large");
    public static final ApiError BAD_REQUEST = new ProblemType("request.malformed", HttpStatus.BAD_REQUEST, "Malformed request");
    public static final ApiError UNAUTHENTICATED = new ProblemType("auth.unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication required");
    public static final ApiError FORBIDDEN = new ProblemType("auth.forbidden", HttpStatus.FORBIDDEN, "Not allowed");
    public static final ApiError SERVICE_UNAVAILABLE = new ProblemType("service.unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable");
    public static final ApiError INTERNAL = new ProblemType("service.internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private CommonApiError() {
    }
}
