package io.dharma.guardrails.api;

import io.dharma.web.ApiError;
import io.dharma.web.ProblemType;
import org.springframework.http.HttpStatus;

/** Errors of the policies API. Codes are stable: clients switch on them; never rename one. */
public final class GuardrailsApiError {

    public static final ApiError POLICY_NOT_FOUND = new ProblemType("policy.not-found", HttpStatus.NOT_FOUND, "No such policy");
    public static final ApiError POLICY_ALREADY_EXISTS = new ProblemType("policy.already-exists", HttpStatus.CONFLICT, "Policy already exists");
    public static final ApiError BUILTIN_POLICY_READ_ONLY = new ProblemType("policy.builtin-read-only", HttpStatus.CONFLICT, "Built-in policies cannot be changed");
    public static final ApiError POLICY_MANDATORY = new ProblemType("policy.mandatory", HttpStatus.CONFLICT, "Mandatory policies cannot be disabled or changed");
    public static final ApiError INVALID_POLICY = new ProblemType("policy.invalid", HttpStatus.UNPROCESSABLE_CONTENT, "Invalid policy");
    public static final ApiError INVALID_EXPRESSION = new ProblemType("policy.invalid-expression", HttpStatus.UNPROCESSABLE_CONTENT, "Policy expression does not compile");
    public static final ApiError POLICY_TOO_COSTLY = new ProblemType("policy.too-costly", HttpStatus.UNPROCESSABLE_CONTENT, "Policy too costly to evaluate");

    private GuardrailsApiError() {
    }
}
