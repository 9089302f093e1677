package io.dharma.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds RFC 9457 problem responses the one Dharma way: type URI, title, detail and {@code code}. */
public final class Problems {

    public static final String TYPE_BASE = "https://dharma.io/problems/";

    private Problems() {
    }

    public static ProblemDetail of(ApiError error, String detail) {
        return of(error, detail, Map.of());
    }

    public static ProblemDetail of(ApiError error, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(error.status(), detail);
        problem.setType(URI.create(TYPE_BASE + error.code()));
        problem.setTitle(error.title());
        problem.setProperty("code", error.code());
        properties.forEach(problem::setProperty);
        return problem;
    }

    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
