package io.dharma.guardrails.policy;

/** A policy field that is missing or has a value that is not allowed. */
public record FieldError(String field, String message) {
}
