package io.dharma.streams.query;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dharma.streams.views.Stage;
import io.dharma.streams.views.TrackingStatus;
import io.dharma.streams.views.TrackingView;

/**
 * Where a submission stands: every stage so far in order, the current status and links to the
 * detailed views. {@code status} is {@value #ACCEPTED} while the submission is stored but not yet in
 * the state.
 */
public record TrackingResponse(String trackingId, String blueprintId, int version, String status,
        String deploymentId, Instant updatedAt, List<StageResponse> stages, Map<String, String> links) {

    public static final String ACCEPTED = "ACCEPTED";

    /** Statuses after which nothing more happens to a submission (until a new command, such as retry). */
    public static final List<String> TERMINAL = List.of(TrackingStatus.SUCCEEDED.name(),
            TrackingStatus.FAILED.name(), TrackingStatus.BLOCKED.name(), TrackingStatus.REJECTED.name(),
            TrackingStatus.DESTROYED.name());

    /** One stage: what happened, when, and its outcome details. */
    public record StageResponse(String kind, String status, Instant occurredAt, String eventId,
            Map<String, String> detail) {

        static StageResponse of(Stage stage) {
            return new StageResponse(stage.getKind().name(), stage.getStatus().name(), stage.getOccurredAt(),
                    stage.getEventId(), Map.copyOf(stage.getDetail()));
        }
    }

    static TrackingResponse of(TrackingView view) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("blueprint", "/api/v1/blueprints/" + view.getBlueprintId() + "/status");
        if (view.getDeploymentId() != null) {
            links.put("deployment", "/api/v1/deployments/" + view.getDeploymentId());
            links.put("plan", ResultPaths.plan(view.getDeploymentId()));
        }
        links.put("events", "/api/v1/tracking/" + view.getTrackingId() + "/events");
        resultLinks(links, view.getBlueprintId(), view.getBlueprintVersion());
        return new TrackingResponse(view.getTrackingId(), view.getBlueprintId(), view.getBlueprintVersion(),
                view.getStatus().name(), view.getDeploymentId(), view.getUpdatedAt(),
                view.getStages().stream().map(StageResponse::of).toList(), links);
    }

    /** The intake's ACCEPTED answer for a submission the state has not folded yet, if it is the tenant's. */
    static Optional<TrackingResponse> accepted(AcceptedSubmission.Lookup submissions, String trackingId, String tenant,
            String authorization) {
        return submissions.find(trackingId, tenant, authorization).filter(submission -> submission.tenantId().equals(tenant))
                .map(TrackingResponse::accepted);
    }

    private static TrackingResponse accepted(AcceptedSubmission submission) {
        return new TrackingResponse(submission.trackingId(), submission.blueprintId(), submission.version(), ACCEPTED,
                null, submission.submittedAt(), List.of(), resultLinks(new LinkedHashMap<>(Map.of(
                        "blueprint", "/api/v1/blueprints/" + submission.blueprintId() + "/status",
                        "events", "/api/v1/tracking/" + submission.trackingId() + "/events")),
                        submission.blueprintId(), submission.version()));
    }

    /** The version's results (ADR 0025); each answers 404 with a "not ... yet" code until its event is in. */
    private static Map<String, String> resultLinks(Map<String, String> links, String blueprintId, int version) {
        links.put("iac", ResultPaths.iac(blueprintId, version));
        links.put("cost", ResultPaths.cost(blueprintId, version));
        links.put("verdict", ResultPaths.verdict(blueprintId, version));
        return links;
    }

    public boolean terminal() {
        return TERMINAL.contains(status);
    }
}
