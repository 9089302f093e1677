package io.dharma.guardrails.api;

import io.dharma.web.ApiError;
import org.springframework.http.HttpStatus;

/** Errors of the policies API. Codes are stable: clients switch on them; never rename one. */
public enum GuardrailsApiError implements ApiError {
    POLICY_NOT_FOUND("policy.not-found", HttpStatus.NOT_FOUND, "No such policy"),
    POLICY_ALREADY_EXISTS("policy.already-exists", HttpStatus.CONFLICT, "Policy already exists"),
    BUILTIN_POLICY_READ_ONLY("policy.builtin-read-only", HttpStatus.CONFLICT, "Built-in policies cannot be changed"),
    INVALID_POLICY("policy.invalid", HttpStatus.UNPROCESSABLE_CONTENT, "Invalid policy"),
    INVALID_EXPRESSION("policy.invalid-expression", HttpStatus.UNPROCESSABLE_CONTENT, "Policy expression does not compile"),
    TOO_MANY_POLICIES("policy.limit-reached", HttpStatus.UNPROCESSABLE_CONTENT, "Too many policies");

    private final String code;
    private final HttpStatus status;
    private final String title;

    GuardrailsApiError(String code, HttpStatus status, String title) {
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
