package io.dharma.intake.api;

import io.dharma.blueprint.validation.Problem;
import io.dharma.blueprint.validation.ProblemCode;
import io.dharma.blueprint.validation.ValidationResult;
import io.dharma.intake.IntakeProperties;
import io.dharma.intake.submission.BlueprintRejectedException;
import io.dharma.intake.submission.IdempotencyKeyReusedException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error leaves as RFC 9457 {@code application/problem+json} with a stable {@code code};
 * invalid blueprints list every problem in {@code errors} ({@code code}, {@code pointer},
 * {@code message}). A database that cannot be reached is a 503 with {@code Retry-After}, never a
 * 500; no stack trace ever leaves the server.
 */
@RestControllerAdvice
class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final String TYPE_BASE = "https://dharma.io/problems/";

    private final IntakeProperties properties;

    ProblemResponses(IntakeProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(BlueprintRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(BlueprintRejectedException e) {
        return switch (e.result()) {
            case ValidationResult.Unreadable unreadable -> unreadable(unreadable.problem());
            case ValidationResult.Invalid invalid -> {
                ProblemDetail problem = problem(ApiError.BLUEPRINT_INVALID,
                        invalid.problems().size() + " problem(s) in the blueprint; see errors");
                problem.setProperty("errors", invalid.problems().stream().map(ProblemResponses::error).toList());
                yield respond(problem);
            }
            case ValidationResult.Valid valid -> throw new IllegalStateException("a valid blueprint was rejected");
        };
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException e) {
        return respond(problem(ApiError.IDEMPOTENCY_KEY_REUSED, e.getMessage()));
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return respond(problem(e.error(), e.getMessage()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException e) {
        return respond(problem(ApiError.NOT_FOUND, "no such path"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(problem(ApiError.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return respond(problem(ApiError.BAD_REQUEST, "'" + e.getName() + "' has an invalid value"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (isDatabaseUnavailable(e)) {
            log.warn("database unavailable: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfter().toSeconds()))
                    .body(problem(ApiError.SERVICE_UNAVAILABLE, "the blueprint store is unavailable; retry later"));
        }
        log.error("unexpected error", e);
        return respond(problem(ApiError.INTERNAL, "an unexpected error occurred"));
    }

    /**
     * Connection failures, whichever layer reports them (pool, transaction manager, jOOQ, driver).
     * A failed commit or rollback ({@link TransactionSystemException}) means the connection broke.
     */
    static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionSystemException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true; // connection exception class / operator intervention (server shutting down)
            }
        }
        return false;
    }

    private ResponseEntity<ProblemDetail> unreadable(Problem cause) {
        HttpStatus status = switch (cause.code()) {
            case DOCUMENT_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case DOCUMENT_UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            default -> HttpStatus.BAD_REQUEST;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, cause.message());
        problem.setType(URI.create(TYPE_BASE + cause.code().id()));
        problem.setTitle(title(cause.code()));
        problem.setProperty("code", cause.code().id());
        problem.setProperty("errors", List.of(error(cause)));
        return respond(problem);
    }

    private static String title(ProblemCode code) {
        return switch (code) {
            case DOCUMENT_TOO_LARGE -> "The document is too large";
            case DOCUMENT_UNSUPPORTED_MEDIA_TYPE -> "Unsupported media type";
            default -> "The document cannot be read";
        };
    }

    private static Map<String, String> error(Problem problem) {
        return Map.of("code", problem.code().id(), "pointer", problem.pointer(), "message", problem.message());
    }

    private static ProblemDetail problem(ApiError error, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(error.status(), detail);
        problem.setType(URI.create(TYPE_BASE + error.code()));
        problem.setTitle(error.title());
        problem.setProperty("code", error.code());
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
