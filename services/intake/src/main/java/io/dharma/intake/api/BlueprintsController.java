package io.dharma.intake.api;

import io.dharma.web.ApiException;
import io.dharma.web.Caller;
import io.dharma.blueprint.validation.BlueprintLimits;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.Problem;
import io.dharma.blueprint.validation.ProblemCode;
import io.dharma.blueprint.validation.ValidationResult;
import io.dharma.intake.IntakeProperties;
import io.dharma.intake.plan.PlanService;
import io.dharma.intake.plan.PlanView;
import io.dharma.intake.store.BlueprintStore;
import io.dharma.intake.store.BlueprintSummary;
import io.dharma.intake.store.Page;
import io.dharma.intake.store.StoredDocument;
import io.dharma.intake.store.TrackedVersion;
import io.dharma.intake.submission.BlueprintRejectedException;
import io.dharma.intake.submission.Submission;
import io.dharma.intake.submission.SubmissionService;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Submitting blueprints and reading them back, always within the authenticated caller's tenant:
 * another tenant's blueprint answers 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1/blueprints")
public class BlueprintsController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");

    private final SubmissionService submissions;
    private final BlueprintStore store;
    private final IntakeProperties properties;
    private final int maxDocumentBytes = BlueprintLimits.DEFAULT.maxDocumentBytes();

    private final PlanService plans;

    BlueprintsController(SubmissionService submissions, BlueprintStore store, IntakeProperties properties, PlanService plans) {
        this.submissions = submissions;
        this.store = store;
        this.properties = properties;
        this.plans = plans;
    }

    /**
     * Accepts a blueprint (YAML or JSON) and answers 202 once it is durable, with the tracking id.
     * The body is read only up to the size limit, so an oversized upload costs no memory.
     */
    @PostMapping
    ResponseEntity<ApiResponses.SubmissionAccepted> submit(Caller caller, HttpServletRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) throws IOException {
        String mediaType = request.getContentType();
        DocumentFormat format = DocumentFormat.fromMediaType(mediaType).orElseThrow(() -> unreadable(
                ProblemCode.DOCUMENT_UNSUPPORTED_MEDIA_TYPE,
                "send the blueprint as application/yaml or application/json, not " + (mediaType == null ? "nothing" : mediaType)));
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw new ApiException(IntakeApiError.INVALID_IDEMPOTENCY_KEY, "an Idempotency-Key is 1-255 visible ASCII characters");
        }
        byte[] document = readBody(request);

        Submission submission = submissions.submit(caller.tenant(), caller.user(), document, format,
                MediaType.parseMediaType(mediaType).toString(), Optional.ofNullable(idempotencyKey));

        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/tracking/" + submission.trackingId()))
                .body(new ApiResponses.SubmissionAccepted(submission.trackingId().toString(),
                        submission.blueprintId().toString(), submission.version()));
    }

    /**
     * The dry run (ADR 0026): what submitting the blueprint would give (Terraform, verdict, cost)
     * and change, with nothing stored or published. Read and refused exactly as a submission is.
     */
    @PostMapping("/plan")
    PlanView plan(Caller caller, HttpServletRequest request,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) throws IOException {
        String mediaType = request.getContentType();
        DocumentFormat format = DocumentFormat.fromMediaType(mediaType).orElseThrow(() -> unreadable(
                ProblemCode.DOCUMENT_UNSUPPORTED_MEDIA_TYPE,
                "send the blueprint as application/yaml or application/json, not " + (mediaType == null ? "nothing" : mediaType)));
        return plans.plan(caller.tenant(), authorization, readBody(request), format,
                MediaType.parseMediaType(mediaType).toString());
    }

    @GetMapping
    ApiResponses.PageView<ApiResponses.BlueprintView> list(Caller caller,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        checkPage(page, size);
        Page<BlueprintSummary> result = store.listBlueprints(caller.tenant(), page, size);
        return ApiResponses.PageView.of(result.items().stream().map(ApiResponses.BlueprintView::of).toList(),
                page, size, result.totalItems());
    }

    @GetMapping("/{blueprintId}")
    ApiResponses.BlueprintView get(Caller caller, @PathVariable String blueprintId) {
        return ApiResponses.BlueprintView.of(blueprint(caller, blueprintId));
    }

    @GetMapping("/{blueprintId}/versions")
    ApiResponses.PageView<ApiResponses.VersionView> versions(Caller caller,
            @PathVariable String blueprintId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        checkPage(page, size);
        BlueprintSummary blueprint = blueprint(caller, blueprintId);
        Page<TrackedVersion> result = store.listVersions(blueprint.blueprintId(), page, size);
        return ApiResponses.PageView.of(result.items().stream().map(ApiResponses.VersionView::of).toList(),
                page, size, result.totalItems());
    }

    /** The version's document exactly as it was submitted, with its original media type. */
    @GetMapping("/{blueprintId}/versions/{version}")
    ResponseEntity<String> document(Caller caller, @PathVariable String blueprintId,
            @PathVariable int version) {
        BlueprintSummary blueprint = blueprint(caller, blueprintId);
        StoredDocument document = store.findDocument(blueprint.blueprintId(), version).orElseThrow(() ->
                new ApiException(IntakeApiError.VERSION_NOT_FOUND,
                        "blueprint " + blueprintId + " has versions 1 to " + blueprint.latestVersion()));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(document.mediaType())).body(document.document());
    }

    private BlueprintSummary blueprint(Caller caller, String blueprintId) {
        UUID id = ApiResponses.uuid(blueprintId, IntakeApiError.BLUEPRINT_NOT_FOUND);
        return store.findBlueprint(caller.tenant(), id).orElseThrow(() ->
                new ApiException(IntakeApiError.BLUEPRINT_NOT_FOUND, "no blueprint " + blueprintId + " for this tenant"));
    }

    private void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > properties.maxPageSize()) {
            throw new ApiException(IntakeApiError.INVALID_PAGE,
                    "page must be 0 or more and size between 1 and " + properties.maxPageSize());
        }
    }

    private byte[] readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxDocumentBytes) {
            throw tooLarge(request.getContentLengthLong());
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxDocumentBytes + 1);
            if (body.length > maxDocumentBytes) {
                throw tooLarge(-1);
            }
            return body;
        }
    }

    private BlueprintRejectedException tooLarge(long length) {
        return unreadable(ProblemCode.DOCUMENT_TOO_LARGE, "the document "
                + (length >= 0 ? "has " + length + " bytes" : "is larger than that") + "; the limit is " + maxDocumentBytes);
    }

    private static BlueprintRejectedException unreadable(ProblemCode code, String message) {
        return new BlueprintRejectedException(new ValidationResult.Unreadable(new Problem(code, "", message)));
    }
}
