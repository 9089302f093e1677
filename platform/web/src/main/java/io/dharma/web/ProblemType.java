package io.dharma.web;

import org.springframework.http.HttpStatus;

/**
 * One kind of problem an API answers with. Each API lists its own as constants
 * ({@code public static final ApiError TRACKING_NOT_FOUND = new ProblemType(...)}).
 */
public record ProblemType(String code, HttpStatus status, String title) implements ApiError {
}
