package io.dharma.streams.query;

import java.time.Duration;

import io.dharma.streams.runtime.StateUnavailableException;
import io.dharma.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** While the state restores or rebalances, the query API answers 503 with {@code Retry-After}. */
@RestControllerAdvice(basePackageClasses = StateUnavailableResponses.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StateUnavailableResponses {

    private static final Logger log = LoggerFactory.getLogger(StateUnavailableResponses.class);

    private final Duration retryAfter;

    public StateUnavailableResponses(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    @ExceptionHandler(StateUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(StateUnavailableException e) {
        log.debug("state unavailable: {}", e.getMessage());
        return ResponseEntity.status(QueryApiError.STATE_UNAVAILABLE.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                .body(Problems.of(QueryApiError.STATE_UNAVAILABLE, e.getMessage()));
    }
}
