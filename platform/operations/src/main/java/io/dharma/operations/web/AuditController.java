package io.dharma.operations.web;

import java.util.List;
import java.util.concurrent.Semaphore;

import io.dharma.operations.AuditEntry;
import io.dharma.operations.AuditPage;
import io.dharma.operations.AuditPosition;
import io.dharma.operations.AuditTimeline;
import io.dharma.operations.BlueprintAudit;
import io.dharma.operations.OperationException;
import io.dharma.web.ApiException;
import io.dharma.web.Caller;
import io.dharma.web.CommonApiError;
import io.dharma.web.PageCursor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A blueprint's audit timeline, read from the topics on each request (the topics are the
 * record; no store can disagree with them), a page at a time. Another tenant's blueprint answers
 * 404, as if it did not exist. Each read opens a consumer on seven partitions, so at most
 * {@code dharma.operations.audit.max-concurrent-reads} run at once per instance; one more is
 * answered 503 with Retry-After rather than queued behind them.
 */
@RestController
class AuditController {

    static final int DEFAULT_PAGE = 200;
    static final int MAX_PAGE = 1_000;

    /** A page of the timeline as JSON, without the tenant, which is the caller's; {@code nextCursor} null at the end. */
    record TimelineResponse(String blueprintId, List<Entry> entries, String nextCursor) {
    }

    record Entry(String time, String topic, int partition, long offset, String eventType, String eventId,
                 String causationId, Integer version, String trackingId, String deploymentId, String summary) {

        static Entry of(AuditEntry e) {
            return new Entry(e.time().toString(), e.topic(), e.partition(), e.offset(), e.eventType(), e.eventId(),
                    e.causationId(), e.version(), e.trackingId(), e.deploymentId(), e.summary());
        }
    }

    private final BlueprintAudit audit;
    private final Semaphore reads;

    AuditController(BlueprintAudit audit, @Value("${dharma.operations.audit.max-concurrent-reads:4}") int maxConcurrentReads) {
        this.audit = audit;
        this.reads = new Semaphore(maxConcurrentReads);
    }

    @GetMapping("/api/v1/audit/blueprints/{blueprintId}")
    TimelineResponse timeline(Caller caller, @PathVariable String blueprintId,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "" + DEFAULT_PAGE) int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ApiException(OperationsApiError.INVALID_QUERY, "limit must be between 1 and " + MAX_PAGE);
        }
        AuditPosition after = cursor == null ? null
                : AuditPosition.parse(PageCursor.decode(cursor, OperationsApiError.INVALID_QUERY))
                        .orElseThrow(() -> PageCursor.invalid(OperationsApiError.INVALID_QUERY));
        AuditPage page = read(blueprintId, after, limit);
        AuditTimeline timeline = page.timeline();
        boolean nothingAtAll = after == null && timeline.entries().isEmpty();
        if (nothingAtAll || !timeline.entries().isEmpty() && !timeline.belongsTo(caller.tenant())) {
            throw new ApiException(OperationsApiError.BLUEPRINT_NOT_FOUND, "No events for blueprint " + blueprintId);
        }
        return new TimelineResponse(blueprintId, timeline.entries().stream().map(Entry::of).toList(),
                page.next().map(next -> PageCursor.encode(next.text())).orElse(null));
    }

    private AuditPage read(String blueprintId, AuditPosition after, int limit) {
        if (!reads.tryAcquire()) {
            throw new ApiException(OperationsApiError.BUSY, "Too many audit reads are running on this instance; retry shortly");
        }
        try {
            return audit.page(blueprintId, after, limit);
        } catch (OperationException e) {
            throw new ApiException(CommonApiError.SERVICE_UNAVAILABLE, "The event log cannot be read right now");
        } finally {
            reads.release();
        }
    }
}
