package io.dharma.intake.api;

import io.dharma.web.ApiException;
import io.dharma.web.Caller;
import io.dharma.intake.store.BlueprintStore;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The receipt of a submission, from intake's own store: {@code ACCEPTED} once durable,
 * {@code PUBLISHED} once its event is on {@code dharma.blueprints.v1}. The tracking URL
 * ({@code /api/v1/tracking/{id}}, the streams application's) asks this for a submission its state
 * has not folded yet, so it answers from the moment of the 202 wherever the two run (ADR 0025).
 */
@RestController
public class SubmissionsController {

    private final BlueprintStore store;

    SubmissionsController(BlueprintStore store) {
        this.store = store;
    }

    @GetMapping("/api/v1/submissions/{trackingId}")
    ApiResponses.Submission submission(Caller caller, @PathVariable String trackingId) {
        UUID id = ApiResponses.uuid(trackingId, IntakeApiError.TRACKING_NOT_FOUND);
        return store.findByTrackingId(id)
                .filter(version -> version.tenantId().equals(caller.tenant()))
                .map(ApiResponses.Submission::of)
                .orElseThrow(() -> new ApiException(IntakeApiError.TRACKING_NOT_FOUND, "no submission " + trackingId + " for this tenant"));
    }
}
