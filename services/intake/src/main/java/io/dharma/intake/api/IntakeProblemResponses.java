package io.dharma.intake.api;

import io.dharma.blueprint.validation.Problem;
import io.dharma.blueprint.validation.ValidationResult;
import io.dharma.intake.plan.StageRefusedException;
import io.dharma.intake.plan.StageUnavailableException;
import io.dharma.intake.submission.BlueprintRejectedException;
import io.dharma.intake.submission.IdempotencyKeyReusedException;
import io.dharma.kafka.outbox.EventTooLargeException;
import io.dharma.web.Problems;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem responses for intake's own failures: a rejected document (400/413/415 when it cannot be
 * read, 422 with every problem in {@code errors} as {@code {code, pointer, message}}), a valid
 * blueprint whose event would be larger than its topic accepts (413 with {@code size} and
 * {@code limit} in bytes), a reused Idempotency-Key (409), and a dry run whose stage is unavailable
 * (503 {@code plan.stage-unavailable} with {@code stage}) or refused it (the stage's own problem). Everything else, including a 503 for an unreachable database, is
 * {@code io.dharma.web.PlatformProblemHandler}'s.
 */
@RestControllerAdvice(assignableTypes = {BlueprintsController.class, SubmissionsController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IntakeProblemResponses {

    @ExceptionHandler(BlueprintRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(BlueprintRejectedException e) {
        return switch (e.result()) {
            case ValidationResult.Unreadable unreadable -> unreadable(unreadable.problem());
            case ValidationResult.Invalid invalid -> Problems.respond(Problems.of(IntakeApiError.BLUEPRINT_INVALID,
                    invalid.problems().size() + " problem(s) in the blueprint; see errors",
                    Map.of("errors", invalid.problems().stream().map(IntakeProblemResponses::error).toList())));
            case ValidationResult.Valid valid -> throw new IllegalStateException("a valid blueprint was rejected");
        };
    }

    @ExceptionHandler(EventTooLargeException.class)
    ResponseEntity<ProblemDetail> eventTooLarge(EventTooLargeException e) {
        return Problems.respond(Problems.of(IntakeApiError.BLUEPRINT_EVENT_TOO_LARGE,
                "the blueprint's BlueprintSubmitted event would be " + e.size() + " bytes; " + e.topic() + " takes at most "
                        + e.limit() + " bytes per event (YAML aliases count once per use)",
                Map.of("size", e.size(), "limit", e.limit())));
    }

    @ExceptionHandler(StageUnavailableException.class)
    ResponseEntity<ProblemDetail> stageUnavailable(StageUnavailableException e) {
        return Problems.respond(Problems.of(IntakeApiError.PLAN_STAGE_UNAVAILABLE, e.getMessage(), Map.of("stage", e.stage())));
    }

    /** The stage's own problem (a role it requires, a rate limit), as it answered it. */
    @ExceptionHandler(StageRefusedException.class)
    ResponseEntity<String> stageRefused(StageRefusedException e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(e.body());
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException e) {
        return Problems.respond(Problems.of(IntakeApiError.IDEMPOTENCY_KEY_REUSED, e.getMessage()));
    }

    /** The document's own code (document.*) is the problem's code, so clients need one list of codes. */
    private static ResponseEntity<ProblemDetail> unreadable(Problem cause) {
        HttpStatus status = switch (cause.code()) {
            case DOCUMENT_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case DOCUMENT_UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            default -> HttpStatus.BAD_REQUEST;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, cause.message());
        problem.setType(URI.create(Problems.TYPE_BASE + cause.code().id()));
        problem.setTitle(switch (cause.code()) {
            case DOCUMENT_TOO_LARGE -> "The document is too large";
            case DOCUMENT_UNSUPPORTED_MEDIA_TYPE -> "Unsupported media type";
            default -> "The document cannot be read";
        });
        problem.setProperty("code", cause.code().id());
        problem.setProperty("errors", List.of(error(cause)));
        return Problems.respond(problem);
    }

    private static Map<String, String> error(Problem problem) {
        return Map.of("code", problem.code().id(), "pointer", problem.pointer(), "message", problem.message());
    }
}
