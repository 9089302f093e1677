package io.dharma.security;

import io.dharma.web.CommonApiError;
import io.dharma.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Spring Security's firewall checks parameter names only when something reads them, so a form body
 * with a name it refuses (a line break, say) fails inside a handler: a malformed request, 400, not a
 * server error. Before the platform's catch-all.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class RejectedRequestProblems {

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return Problems.respond(Problems.of(CommonApiError.BAD_REQUEST,
                "the request holds a parameter name or value the server does not accept"));
    }
}
