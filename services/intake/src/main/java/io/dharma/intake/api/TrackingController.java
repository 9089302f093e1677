package io.dharma.intake.api;

import io.dharma.web.ApiException;
import io.dharma.web.Caller;
import io.dharma.intake.store.BlueprintStore;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a submission stands: {@code ACCEPTED} once durable, {@code PUBLISHED} once its event is on
 * {@code dharma.blueprints.v1}. The Kafka Streams tracking view takes over this URL and shape later.
 */
@RestController
public class TrackingController {

    private final BlueprintStore store;

    TrackingController(BlueprintStore store) {
        this.store = store;
    }

    @GetMapping("/api/v1/tracking/{trackingId}")
    ApiResponses.Tracking tracking(Caller caller, @PathVariable String trackingId) {
        UUID id = ApiResponses.uuid(trackingId, IntakeApiError.TRACKING_NOT_FOUND);
        return store.findByTrackingId(id)
                .filter(version -> version.tenantId().equals(caller.tenant()))
                .map(ApiResponses.Tracking::of)
                .orElseThrow(() -> new ApiException(IntakeApiError.TRACKING_NOT_FOUND, "no submission " + trackingId + " for this tenant"));
    }
}
