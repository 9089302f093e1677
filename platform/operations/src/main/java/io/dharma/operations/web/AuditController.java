package io.dharma.operations.web;

import java.util.List;

import io.dharma.operations.AuditEntry;
import io.dharma.operations.AuditTimeline;
import io.dharma.operations.BlueprintAudit;
import io.dharma.operations.OperationException;
import io.dharma.web.ApiException;
import io.dharma.web.Caller;
import io.dharma.web.CommonApiError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A blueprint's audit timeline, read from the topics on each request (the topics are the
 * record; no store can disagree with them). Another tenant's blueprint answers 404, as if it did
 * not exist.
 */
@RestController
class AuditController {

    /** The timeline as JSON: {@code {"blueprintId", "entries": [...]}} without the tenant, which is the caller's. */
    record TimelineResponse(String blueprintId, List<Entry> entries) {
    }

    record Entry(String time, String topic, int partition, long offset, String eventType, String eventId,
                 String causationId, Integer version, String trackingId, String deploymentId, String summary) {

        static Entry of(AuditEntry e) {
            return new Entry(e.time().toString(), e.topic(), e.partition(), e.offset(), e.eventType(), e.eventId(),
                    e.causationId(), e.version(), e.trackingId(), e.deploymentId(), e.summary());
        }
    }

    private final BlueprintAudit audit;

    AuditController(BlueprintAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit/blueprints/{blueprintId}")
    TimelineResponse timeline(Caller caller, @PathVariable String blueprintId) {
        String tenant = caller.tenant();
        AuditTimeline timeline;
        try {
            timeline = audit.timeline(blueprintId);
        } catch (OperationException e) {
            throw new ApiException(CommonApiError.SERVICE_UNAVAILABLE, "The event log cannot be read right now");
        }
        if (!timeline.belongsTo(tenant)) {
            throw new ApiException(OperationsApiError.BLUEPRINT_NOT_FOUND, "No events for blueprint " + blueprintId);
        }
        return new TimelineResponse(blueprintId, timeline.entries().stream().map(Entry::of).toList());
    }
}
