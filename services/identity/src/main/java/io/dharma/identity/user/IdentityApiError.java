package io.dharma.identity.user;

import io.dharma.web.ApiError;
import io.dharma.web.ProblemType;
import org.springframework.http.HttpStatus;

/** The identity service's own API errors; common ones are in {@code io.dharma.web.CommonApiError}. */
public final class IdentityApiError {

    public static final ApiError USER_EXISTS = new ProblemType("identity.user-exists", HttpStatus.CONFLICT, "The user exists");
    public static final ApiError USER_NOT_FOUND = new ProblemType("identity.user-not-found", HttpStatus.NOT_FOUND, "No such user");
    public static final ApiError INVALID_USER = new ProblemType("identity.invalid-user", HttpStatus.BAD_REQUEST, "Invalid user");
    public static final ApiError FORBIDDEN = new ProblemType("identity.forbidden", HttpStatus.FORBIDDEN, "Not allowed");

    private IdentityApiError() {
    }
}
