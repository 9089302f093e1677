package io.dharma.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dharma.events.ApprovalMode;
import io.dharma.events.BlueprintResource;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Cloud;
import io.dharma.events.Environment;
import io.dharma.kafka.outbox.OutboxRelay;
import io.dharma.testing.TopicProbe;
import io.dharma.topics.DharmaTopic;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

class OutboxPublishingTest extends IntakeIntegrationTest {

    private static final String BLUEPRINTS = DharmaTopic.BLUEPRINTS.topicName();

    @Autowired
    OutboxRelay relay;

    @Test
    void aSubmissionReachesTheTopicAsConfluentWireFormatAvro() throws Exception {
        IntakeClient client = client("publishing");
        IntakeClient.Response accepted = client.submitExample("aws-web-app.yaml");
        String blueprintId = accepted.text("blueprintId");

        List<ConsumerRecord<String, BlueprintSubmitted>> records = TopicProbe.onStack().await(BLUEPRINTS,
                found -> found.stream().anyMatch(record -> record.key().equals(blueprintId)));
        records = records.stream().filter(record -> record.key().equals(blueprintId)).toList();

        assertThat(records).hasSize(1);
        BlueprintSubmitted event = records.getFirst().value();
        assertThat(event.getEnvelope().getTrackingId()).isEqualTo(accepted.text("trackingId"));
        assertThat(event.getEnvelope().getBlueprintId()).isEqualTo(blueprintId);
        assertThat(event.getEnvelope().getBlueprintVersion()).isEqualTo(1);
        assertThat(event.getEnvelope().getTenantId()).isEqualTo("publishing");
        assertThat(event.getEnvelope().getProducer()).isEqualTo("intake");
        assertThat(event.getEnvelope().getCausationId()).isNull();
        assertThat(event.getSubmittedBy()).as("the token's user").isEqualTo(IntakeClient.USER);
        assertThat(event.getName()).isEqualTo("shop-web-dev");
        assertThat(event.getEnvironment()).isEqualTo(Environment.DEV);
        assertThat(event.getCloud()).isEqualTo(Cloud.AWS);
        assertThat(event.getRegion()).isEqualTo("eu-west-1");
        assertThat(event.getApproval()).isEqualTo(ApprovalMode.AUTO);
        assertThat(event.getBudget().getMonthlyUsd()).isEqualByComparingTo(new BigDecimal("600"));
        assertThat(event.getTags()).containsEntry("owner", "team-storefront").containsEntry("cost-center", "cc-1042");
        assertThat(event.getResources()).extracting(BlueprintResource::getName)
                .startsWith("main", "public-a", "public-b", "private-a");
        BlueprintResource web = event.getResources().stream().filter(r -> r.getName().equals("web")).findFirst().orElseThrow();
        assertThat(JsonMapper.builder().build().readTree(web.getProperties()).path("count").asInt()).isEqualTo(2);
        assertThat(event.getDocument()).isEqualTo(Files.readString(Path.of("../../examples/aws-web-app.yaml")));
        assertThat(event.getDocumentMediaType()).isEqualTo("application/yaml");
        assertThat(event.getContentHash()).matches("sha256:[0-9a-f]{64}");

        byte[] raw = TopicProbe.onStack().readAllRaw(BLUEPRINTS).stream()
                .filter(record -> record.key().equals(blueprintId)).findFirst().orElseThrow().value();
        assertThat(raw[0]).as("Confluent magic byte").isZero();
        assertThat(ByteBuffer.wrap(raw, 1, 4).getInt()).as("schema id").isPositive();
    }

    @Test
    void versionsOfOneBlueprintArriveInOrder() {
        IntakeClient client = client("ordering");
        String blueprintId = null;
        for (int i = 1; i <= 5; i++) {
            IntakeClient.Response accepted = client.submit(TestBlueprints.bucket("ordered-app", "v" + i), "application/yaml");
            blueprintId = accepted.text("blueprintId");
        }
        String key = blueprintId;

        List<BlueprintSubmitted> values = TopicProbe.onStack().awaitValues(BLUEPRINTS, key, found -> found.size() >= 5,
                Duration.ofSeconds(30));

        assertThat(values).extracting(value -> value.getEnvelope().getBlueprintVersion())
                .containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void submissionsMadeWhileTheRelayIsStoppedArePublishedWhenItRestarts() {
        IntakeClient client = client("relay-restart");
        relay.stop();
        List<String> trackingIds = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                IntakeClient.Response accepted = client.submit(
                        TestBlueprints.bucket("while-stopped-" + i, "x"), "application/yaml");
                assertThat(accepted.status()).isEqualTo(202);
                trackingIds.add(accepted.text("trackingId"));
            }
            assertThat(trackingIds).allSatisfy(trackingId ->
                    assertThat(client.get("/api/v1/submissions/" + trackingId).text("status")).isEqualTo("ACCEPTED"));
            // The relay is stopped: nothing can publish them, so the topic as it is now is the whole story.
            assertThat(causedBy(TopicProbe.onStack().readAll(BLUEPRINTS), trackingIds)).isEmpty();
        } finally {
            relay.start();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(trackingIds).allSatisfy(trackingId ->
                assertThat(client.get("/api/v1/submissions/" + trackingId).text("status")).isEqualTo("PUBLISHED")));
        List<ConsumerRecord<String, BlueprintSubmitted>> records = causedBy(TopicProbe.onStack().<BlueprintSubmitted>await(BLUEPRINTS,
                found -> causedBy(found, trackingIds).size() >= trackingIds.size()), trackingIds);
        Set<UUID> eventIds = records.stream().map(record -> record.value().getEnvelope().getEventId())
                .collect(Collectors.toSet());
        assertThat(records).hasSize(10);
        assertThat(eventIds).hasSize(10);
        assertThat(records.stream().map(record -> record.value().getEnvelope().getTrackingId()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(trackingIds);
    }

    private static List<ConsumerRecord<String, BlueprintSubmitted>> causedBy(List<ConsumerRecord<String, BlueprintSubmitted>> records,
            List<String> trackingIds) {
        return records.stream().filter(record -> trackingIds.contains(record.value().getEnvelope().getTrackingId())).toList();
    }
}
