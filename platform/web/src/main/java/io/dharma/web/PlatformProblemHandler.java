package io.dharma.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The last word on errors for every Dharma API in the JVM: each leaves as RFC 9457
 * {@code application/problem+json} with a stable {@code code}; an unreachable database is a 503
 * with {@code Retry-After}, never a 500; no stack trace leaves the server. Services add their own
 * advice (ordered before this one) only for their own exception types.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class PlatformProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(PlatformProblemHandler.class);

    private final Duration retryAfter;

    public PlatformProblemHandler(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ProblemDetail problem = Problems.of(e.error(), e.getMessage(), e.properties());
        if (e.error().status() == HttpStatus.SERVICE_UNAVAILABLE) {
            return ResponseEntity.status(problem.getStatus())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds())).body(problem);
        }
        return Problems.respond(problem);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(CommonApiError.NOT_ACCEPTABLE, "this resource is available as " + e.getSupportedMediaTypes()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException e) {
        return Problems.respond(Problems.of(CommonApiError.NOT_FOUND, "no such path"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return Problems.respond(Problems.of(CommonApiError.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.respond(Problems.of(CommonApiError.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type " + e.getContentType() + " is not supported; use one of " + e.getSupportedMediaTypes()));
    }

    /** No operation takes multipart bodies; a multipart Content-Type (without a boundary, say) never reaches one. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        return Problems.respond(Problems.of(CommonApiError.UNSUPPORTED_MEDIA_TYPE,
                "multipart request bodies are not accepted by this API"));
    }

    /** A Content-Type header that is not a media type at all (an unknown charset, a broken parameter). */
    @ExceptionHandler(InvalidMediaTypeException.class)
    ResponseEntity<ProblemDetail> invalidMediaType(InvalidMediaTypeException e) {
        return Problems.respond(Problems.of(CommonApiError.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type is not a valid media type: " + e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RequestBodyLimit.TooLargeException tooLarge) {
                return api(RequestBodyLimit.tooLarge(tooLarge.maxBytes()));
            }
        }
        return Problems.respond(Problems.of(CommonApiError.BAD_REQUEST, "the request body cannot be read"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return Problems.respond(Problems.of(CommonApiError.BAD_REQUEST, "'" + e.getName() + "' has an invalid value"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return Problems.respond(Problems.of(CommonApiError.BAD_REQUEST, "parameter '" + e.getParameterName() + "' is required"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return Problems.respond(Problems.of(CommonApiError.BAD_REQUEST, "header '" + e.getHeaderName() + "' is required"));
    }

    /** A query string or form body that is not valid percent-encoded UTF-8: Tomcat will not decode it. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameters(InvalidParameterException e) {
        return Problems.respond(Problems.of(CommonApiError.BAD_REQUEST,
                "the query string or form is not valid percent-encoded UTF-8"));
    }

    /**
     * Spring refuses a wildcard Content-Type ({@code application/*}) only when a handler reads the
     * request's headers, and then as a bare IllegalArgumentException; anything else is unexpected.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e, HttpServletRequest request) {
        if (isWildcard(request.getContentType())) {
            return Problems.respond(Problems.of(CommonApiError.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must name one media type, not a wildcard (" + request.getContentType() + ")"));
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseFailures.isUnstorableText(e)) {
            return Problems.respond(Problems.of(CommonApiError.BAD_REQUEST,
                    "the request holds text the database cannot store (a NUL character or an invalid byte sequence)"));
        }
        if (DatabaseFailures.isUnavailable(e)) {
            log.warn("database unavailable: {}", e.toString());
            return ResponseEntity.status(CommonApiError.SERVICE_UNAVAILABLE.status())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()))
                    .body(Problems.of(CommonApiError.SERVICE_UNAVAILABLE, "the database is unavailable; retry later"));
        }
        log.error("unexpected error", e);
        return Problems.respond(Problems.of(CommonApiError.INTERNAL, "an unexpected error occurred"));
    }

    private static boolean isWildcard(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
