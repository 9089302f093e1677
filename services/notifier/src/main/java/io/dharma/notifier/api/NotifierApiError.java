package io.dharma.notifier.api;

import io.dharma.web.ApiError;
import io.dharma.web.ProblemType;
import org.springframework.http.HttpStatus;

/** Errors of the subscriptions API. Codes are stable: clients switch on them; never rename one. */
public final class NotifierApiError {

    public static final ApiError SUBSCRIPTION_NOT_FOUND =
            new ProblemType("subscription.not-found", HttpStatus.NOT_FOUND, "No such subscription");
    public static final ApiError INVALID_SUBSCRIPTION =
            new ProblemType("subscription.invalid", HttpStatus.UNPROCESSABLE_CONTENT, "Invalid subscription");
    public static final ApiError TARGET_NOT_ALLOWED =
            new ProblemType("subscription.target-not-allowed", HttpStatus.UNPROCESSABLE_CONTENT, "Target address not allowed");
    public static final ApiError TOO_MANY_SUBSCRIPTIONS =
            new ProblemType("subscription.limit-reached", HttpStatus.CONFLICT, "Subscription limit reached");

    private NotifierApiError() {
    }
}
