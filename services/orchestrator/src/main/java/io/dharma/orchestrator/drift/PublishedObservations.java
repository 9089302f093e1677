package io.dharma.orchestrator.drift;

import static io.dharma.orchestrator.db.Tables.PUBLISHED_OBSERVATION;

import io.dharma.events.ResourceObserved;
import io.dharma.orchestrator.db.tables.records.PublishedObservationRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * What the drift observer last published per resource: a digest of the observation and when
 * (ADR 0019). A scheduled round publishes a resource's observation only when it says something new
 * or its last publication is older than the heartbeat, so an unchanged stack costs
 * {@code dharma.observations.v1} one record per resource per heartbeat, not per round. Run inside a
 * transaction.
 */
final class PublishedObservations {

    private final DSLContext db;
    private final Duration heartbeat;

    PublishedObservations(DSLContext db, Duration heartbeat) {
        this.db = db;
        this.heartbeat = heartbeat;
    }

    /**
     * Those of {@code observed} to publish at {@code now}: never published, different from the last
     * publication, or last published a heartbeat ago or more.
     *
     * @param deploymentId the stack's latest succeeded deployment: after a new one, everything is
     *        published once more, so the streams application measures it against the new desired state
     */
    List<ResourceObserved> due(String blueprintId, String deploymentId, List<ResourceObserved> observed, Instant now) {
        Map<String, PublishedObservationRecord> last = db.selectFrom(PUBLISHED_OBSERVATION)
                .where(PUBLISHED_OBSERVATION.BLUEPRINT_ID.eq(blueprintId))
                .fetchMap(PUBLISHED_OBSERVATION.ADDRESS);
        return observed.stream().filter(observation -> {
            PublishedObservationRecord previous = last.get(observation.getAddress());
            return previous == null
                    || !previous.getDigest().equals(digest(deploymentId, observation))
                    || !previous.getPublishedAt().toInstant().plus(heartbeat).isAfter(now);
        }).toList();
    }

    /** Remembers {@code published} as the last publication of their resources. */
    void published(String blueprintId, String deploymentId, List<ResourceObserved> published, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        for (ResourceObserved observation : published) {
            String digest = digest(deploymentId, observation);
            db.insertInto(PUBLISHED_OBSERVATION)
                    .set(PUBLISHED_OBSERVATION.BLUEPRINT_ID, blueprintId)
                    .set(PUBLISHED_OBSERVATION.ADDRESS, observation.getAddress())
                    .set(PUBLISHED_OBSERVATION.DIGEST, digest)
                    .set(PUBLISHED_OBSERVATION.PUBLISHED_AT, at)
                    .onConflict(PUBLISHED_OBSERVATION.BLUEPRINT_ID, PUBLISHED_OBSERVATION.ADDRESS)
                    .doUpdate()
                    .set(PUBLISHED_OBSERVATION.DIGEST, digest)
                    .set(PUBLISHED_OBSERVATION.PUBLISHED_AT, at)
                    .execute();
        }
    }

    /**
     * SHA-256 of what an observation says about its resource, in the stack's deployment: everything
     * but the envelope and observedAt, which differ on every round. Fields are length-prefixed, so
     * no two different observations read the same.
     */
    static String digest(String deploymentId, ResourceObserved observation) {
        StringBuilder text = new StringBuilder();
        field(text, deploymentId);
        field(text, observation.getDeploymentId());
        field(text, observation.getAddress());
        field(text, observation.getResourceName());
        field(text, observation.getResourceType());
        field(text, observation.getProviderId());
        field(text, String.valueOf(observation.getExists()));
        new TreeMap<>(observation.getAttributes()).forEach((name, value) -> {
            field(text, name);
            field(text, value);
        });
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void field(StringBuilder text, CharSequence value) {
        if (value == null) {
            text.append("-;");
        } else {
            text.append(value.length()).append(':').append(value).append(';');
        }
    }
}
