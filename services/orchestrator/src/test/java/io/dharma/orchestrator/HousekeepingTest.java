package io.dharma.orchestrator;

import static io.dharma.orchestrator.db.Tables.PUBLISHED_OBSERVATION;
import static io.dharma.orchestrator.db.Tables.RECEIVED_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.kafka.housekeeping.PurgeTarget;
import io.dharma.kafka.housekeeping.RetentionPurge;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The orchestrator's tables registered for the platform's retention purge, purged through it. */
class HousekeepingTest extends OrchestratorIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void receivedEventsOlderThanSevenDaysArePurgedAndNewerOnesStay() {
        String blueprintId = newBlueprintId();
        UUID old = receivedEvent(blueprintId, Duration.ofDays(8));
        UUID recent = receivedEvent(blueprintId, Duration.ofDays(6));

        purge("orchestratorReceivedEventsPurge");

        assertThat(db.select(RECEIVED_EVENT.EVENT_ID).from(RECEIVED_EVENT)
                .where(RECEIVED_EVENT.BLUEPRINT_ID.eq(blueprintId)).fetch(RECEIVED_EVENT.EVENT_ID))
                .as("purged: %s", old).containsExactly(recent);
    }

    @Test
    void digestsOfObservationsNotPublishedForSevenDaysArePurged() {
        String blueprintId = newBlueprintId();
        digest(blueprintId, "aws_s3_bucket.files", Duration.ofDays(8));
        digest(blueprintId, "aws_vpc.net", Duration.ofHours(1));

        purge("orchestratorObservationDigestsPurge");

        assertThat(db.select(PUBLISHED_OBSERVATION.ADDRESS).from(PUBLISHED_OBSERVATION)
                .where(PUBLISHED_OBSERVATION.BLUEPRINT_ID.eq(blueprintId)).fetch(PUBLISHED_OBSERVATION.ADDRESS))
                .isEqualTo(List.of("aws_vpc.net"));
    }

    private void purge(String target) {
        context.getBean(RetentionPurge.class).purge(context.getBean(target, PurgeTarget.class));
    }

    private UUID receivedEvent(String blueprintId, Duration age) {
        UUID eventId = UUID.randomUUID();
        db.insertInto(RECEIVED_EVENT)
                .set(RECEIVED_EVENT.EVENT_ID, eventId)
                .set(RECEIVED_EVENT.TOPIC, "dharma.blueprints.v1")
                .set(RECEIVED_EVENT.EVENT_TYPE, "BlueprintSubmitted")
                .set(RECEIVED_EVENT.BLUEPRINT_ID, blueprintId)
                .set(RECEIVED_EVENT.BLUEPRINT_VERSION, 1)
                .set(RECEIVED_EVENT.RECEIVED_AT, OffsetDateTime.now(ZoneOffset.UTC).minus(age))
                .execute();
        return eventId;
    }

    private void digest(String blueprintId, String address, Duration age) {
        db.insertInto(PUBLISHED_OBSERVATION)
                .set(PUBLISHED_OBSERVATION.BLUEPRINT_ID, blueprintId)
                .set(PUBLISHED_OBSERVATION.ADDRESS, address)
                .set(PUBLISHED_OBSERVATION.DIGEST, "0".repeat(64))
                .set(PUBLISHED_OBSERVATION.PUBLISHED_AT, OffsetDateTime.now(ZoneOffset.UTC).minus(age))
                .execute();
    }
}
