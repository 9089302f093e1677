package io.dharma.streams.query;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import io.dharma.streams.DharmaTopology;
import io.dharma.streams.runtime.StateUnavailableException;
import io.dharma.streams.views.TrackingView;
import io.dharma.web.ApiException;
import io.dharma.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/tracking/{id}/events}: each stage of a submission as a Server-Sent Event
 * ({@code event: stage}, {@code id:} the stage's eventId), the stages so far first (after
 * {@code Last-Event-ID} when given), then live ones; after a terminal status an {@code end} event
 * with the whole tracking, and the stream closes.
 */
@RestController
public class TrackingEventsController {

    private final StateQueries queries;
    private final InstanceForwarding forwarding;
    private final TrackingChangeFeed feed;
    private final AcceptedSubmission.Lookup accepted;
    private final JsonMapper json;
    private final long timeoutMillis;
    private final OpenStreams openStreams;

    public TrackingEventsController(StateQueries queries, InstanceForwarding forwarding, TrackingChangeFeed feed,
            AcceptedSubmission.Lookup accepted, JsonMapper json, long timeoutMillis, OpenStreams openStreams) {
        this.queries = queries;
        this.forwarding = forwarding;
        this.feed = feed;
        this.accepted = accepted;
        this.json = json;
        this.timeoutMillis = timeoutMillis;
        this.openStreams = openStreams;
    }

    @GetMapping(path = "/api/v1/tracking/{trackingId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Caller caller, HttpServletRequest request, @PathVariable String trackingId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) throws Exception {
        String tenant = caller.tenant();
        OpenStreams.Slot slot = openStreams.open(tenant);
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        StageStream stream = new StageStream(emitter, lastEventId);
        AutoCloseable subscription;
        try {
            subscription = feed.subscribe(trackingId, view -> {
                if (tenant.equals(view.getTenantId())) {
                    stream.show(TrackingResponse.of(view));
                }
            });
        } catch (RuntimeException e) {
            slot.close();
            throw e;
        }
        emitter.onCompletion(() -> end(subscription, slot));
        emitter.onTimeout(() -> end(subscription, slot));
        emitter.onError(error -> end(subscription, slot));
        try {
            TrackingResponse current = current(request, trackingId, tenant).orElseThrow(() ->
                    new ApiException(QueryApiError.TRACKING_NOT_FOUND, "no submission " + trackingId + " for this tenant"));
            stream.show(current);
            return emitter;
        } catch (RuntimeException e) {
            end(subscription, slot);
            throw e;
        }
    }

    /** The tracking as it is now, from wherever it is hosted; ACCEPTED when only the intake has it. */
    private Optional<TrackingResponse> current(HttpServletRequest request, String trackingId, String tenant) {
        Optional<TrackingResponse> fromState = switch (queries.<TrackingView>find(DharmaTopology.TRACKING_STORE, trackingId)) {
            case StateQueries.Located.Here<TrackingView> here -> Optional.ofNullable(here.value())
                    .filter(view -> tenant.equals(view.getTenantId())).map(TrackingResponse::of);
            case StateQueries.Located.Elsewhere<TrackingView> elsewhere -> {
                HttpResponse<byte[]> response = forwarding.get(elsewhere.host(), "/api/v1/tracking/" + trackingId, request);
                if (response.statusCode() == 404) {
                    yield Optional.empty();
                }
                if (response.statusCode() != 200) {
                    throw new StateUnavailableException("instance " + elsewhere.host() + " answered " + response.statusCode());
                }
                yield Optional.of(json.readValue(response.body(), TrackingResponse.class));
            }
        };
        return fromState.or(() -> TrackingResponse.accepted(accepted, trackingId, tenant,
                request.getHeader(HttpHeaders.AUTHORIZATION)));
    }

    private static void end(AutoCloseable subscription, OpenStreams.Slot slot) {
        slot.close();
        closeQuietly(subscription);
    }

    private static void closeQuietly(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception ignored) {
            // unsubscribing cannot fail in a way the client could act on
        }
    }

    /** Sends each stage once, in the order the tracking lists them, and ends after a terminal status. */
    private static final class StageStream {

        private final SseEmitter emitter;
        private final Set<String> sent = new HashSet<>();
        private String resumeAfter;
        private boolean ended;

        StageStream(SseEmitter emitter, String lastEventId) {
            this.emitter = emitter;
            this.resumeAfter = lastEventId;
        }

        synchronized void show(TrackingResponse tracking) {
            if (ended) {
                return;
            }
            try {
                if (resumeAfter != null) {
                    skipUpTo(tracking, resumeAfter);
                    resumeAfter = null;
                }
                for (TrackingResponse.StageResponse stage : tracking.stages()) {
                    if (sent.add(stage.eventId())) {
                        emitter.send(SseEmitter.event().name("stage").id(stage.eventId()).data(stage, MediaType.APPLICATION_JSON));
                    }
                }
                if (tracking.terminal()) {
                    ended = true;
                    emitter.send(SseEmitter.event().name("end").data(tracking, MediaType.APPLICATION_JSON));
                    emitter.complete();
                }
            } catch (IOException | IllegalStateException e) {
                ended = true;
                emitter.completeWithError(e);
            }
        }

        private void skipUpTo(TrackingResponse tracking, String lastEventId) {
            boolean seen = tracking.stages().stream().anyMatch(stage -> stage.eventId().equals(lastEventId));
            if (!seen) {
                return;
            }
            for (TrackingResponse.StageResponse stage : tracking.stages()) {
                sent.add(stage.eventId());
                if (stage.eventId().equals(lastEventId)) {
                    return;
                }
            }
        }
    }
}
