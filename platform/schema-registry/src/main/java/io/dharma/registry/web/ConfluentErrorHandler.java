package io.dharma.registry.web;

import io.dharma.registry.core.RegistryException;
import io.dharma.registry.web.ApiTypes.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every failure leaves as Confluent's error body {@code {"error_code":..,"message":..}} (the API
 * contract Confluent clients parse), never as a stack trace.
 */
@RestControllerAdvice
class ConfluentErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ConfluentErrorHandler.class);

    @ExceptionHandler(RegistryException.class)
    ResponseEntity<ErrorResponse> registry(RegistryException e) {
        if (e.httpStatus() >= 500) {
            LOG.error("Schema registry request failed", e);
        }
        return error(e.httpStatus(), e.errorCode(), e.getMessage());
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ErrorResponse> notFound(Exception e) {
        return error(404, 404, "HTTP 404 Not Found");
    }

    /** A path segment of the wrong type (e.g. a non-numeric id) names no resource, as in Confluent. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorResponse> typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return error(404, 404, "HTTP 404 Not Found");
        }
        return error(400, 400, "Invalid value for parameter '%s'".formatted(e.getName()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorResponse> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return error(405, 405, "HTTP 405 Method Not Allowed");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorResponse> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return error(415, 415, "HTTP 415 Unsupported Media Type");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorResponse> unexpected(Exception e) {
        LOG.error("Unexpected schema registry failure", e);
        return error(500, 500, "Internal server error");
    }

    private static ResponseEntity<ErrorResponse> error(int status, int code, String message) {
        return ResponseEntity.status(status).body(new ErrorResponse(code, message));
    }
}
