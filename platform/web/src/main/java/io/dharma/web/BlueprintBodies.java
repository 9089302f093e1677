package io.dharma.web;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.validation.BlueprintLimits;
import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.Problem;
import io.dharma.blueprint.validation.ProblemCode;
import io.dharma.blueprint.validation.ValidationResult;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The blueprint of a request body, for the stages' synchronous endpoints (the dry run's preview,
 * evaluation and estimate): validated by the same {@link BlueprintValidator} as a submission, and
 * refused with the same codes ({@code document.*}, and {@code blueprint.invalid} with every problem
 * in {@code errors} as {@code {code, pointer, message}}). Intake's submission keeps its own reader,
 * which streams the body up to the document limit.
 */
public final class BlueprintBodies {

    public static final ApiError BLUEPRINT_INVALID = new ProblemType("blueprint.invalid", HttpStatus.UNPROCESSABLE_CONTENT,
            "The blueprint is not valid");

    private static final BlueprintValidator VALIDATOR = new BlueprintValidator();

    private BlueprintBodies() {
    }

    /** The valid blueprint in {@code body}, sent as {@code mediaType}; else an {@link ApiException} with its problems. */
    public static Blueprint validBlueprint(byte[] body, String mediaType) {
        DocumentFormat format = DocumentFormat.fromMediaType(mediaType).orElseThrow(() -> unreadable(new Problem(
                ProblemCode.DOCUMENT_UNSUPPORTED_MEDIA_TYPE, "",
                "send the blueprint as application/yaml or application/json, not " + (mediaType == null ? "nothing" : mediaType))));
        if (body.length > BlueprintLimits.DEFAULT.maxDocumentBytes()) {
            throw unreadable(new Problem(ProblemCode.DOCUMENT_TOO_LARGE, "", "the document has " + body.length
                    + " bytes; the limit is " + BlueprintLimits.DEFAULT.maxDocumentBytes()));
        }
        return switch (VALIDATOR.validate(body, format)) {
            case ValidationResult.Valid valid -> valid.blueprint();
            case ValidationResult.Unreadable unreadable -> throw unreadable(unreadable.problem());
            case ValidationResult.Invalid invalid -> throw new ApiException(BLUEPRINT_INVALID,
                    invalid.problems().size() + " problem(s) in the blueprint; see errors",
                    Map.of("errors", invalid.problems().stream().map(BlueprintBodies::error).toList()));
        };
    }

    private static ApiException unreadable(Problem problem) {
        HttpStatus status = switch (problem.code()) {
            case DOCUMENT_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case DOCUMENT_UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            default -> HttpStatus.BAD_REQUEST;
        };
        return new ApiException(new ProblemType(problem.code().id(), status, "The document cannot be read"), problem.message(),
                Map.of("errors", List.of(error(problem))));
    }

    private static Map<String, String> error(Problem problem) {
        return Map.of("code", problem.code().id(), "pointer", problem.pointer(), "message", problem.message());
    }
}
