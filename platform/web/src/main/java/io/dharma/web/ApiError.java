package io.dharma.web;

import org.springframework.http.HttpStatus;

/**
 * An error a Dharma API answers with: a stable {@code code} clients can switch on, its HTTP
 * status and a short title. Each service keeps its own codes in an enum implementing this.
 */
public interface ApiError {

    String code();

    HttpStatus status();

    String title();
}
