package io.dharma.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.dharma.events.BlockReason;
import io.dharma.events.BlockReasonKind;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.DeploymentBlocked;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.Envelope;
import io.dharma.events.Envelopes;
import io.dharma.events.Enforcement;
import io.dharma.events.GuardrailOutcome;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.events.PolicyViolation;
import io.dharma.events.Severity;
import io.dharma.testing.ExampleBlueprints;
import io.dharma.topics.DharmaTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BlueprintAuditTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static TestKafka kafka;

    private final BlueprintAudit audit = new BlueprintAudit(TestKafka.cluster());

    @BeforeAll
    static void catalogueTopics() throws Exception {
        kafka = new TestKafka();
        kafka.createTopics(DharmaTopic.allTopicNames(), 6);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void timelineFollowsOccurredAtAcrossTopicsWhateverTheWriteOrder() throws Exception {
        String blueprintId = TestKafka.uniqueName("bp-audit");
        BlueprintSubmitted example = ExampleBlueprints.submitted("aws-web-app.yaml", "team-audit", "trk-1", blueprintId);
        BlueprintSubmitted submitted = BlueprintSubmitted.newBuilder(example)
                .setEnvelope(Envelope.newBuilder(example.getEnvelope()).setOccurredAt(T0).build()).build();
        Envelope verdictEnvelope = at("guardrails", T0.plusSeconds(2)).reactingTo(submitted.getEnvelope(), "evaluated");
        Envelope blockedEnvelope = at("orchestrator", T0.plusSeconds(3)).reactingTo(verdictEnvelope, "blocked");
        GuardrailsEvaluated verdict = GuardrailsEvaluated.newBuilder()
                .setEnvelope(verdictEnvelope)
                .setOutcome(GuardrailOutcome.BLOCKED)
                .setViolations(List.of(PolicyViolation.newBuilder().setPolicyId("storage.encryption-at-rest")
                        .setTitle("Encrypt storage").setSeverity(Severity.HIGH).setEnforcement(Enforcement.BLOCK)
                        .setMessage("bucket is not encrypted").build()))
                .setPoliciesEvaluated(12)
                .build();
        DeploymentEvent blocked = DeploymentEvent.newBuilder()
                .setEnvelope(blockedEnvelope)
                .setDeploymentId("dep-1")
                .setPayload(DeploymentBlocked.newBuilder().setReasons(List.of(BlockReason.newBuilder()
                        .setKind(BlockReasonKind.GUARDRAILS).setMessage("blocked by policy")
                        .setPolicyId("storage.encryption-at-rest").build())).build())
                .build();
        // Written out of order: the timeline orders by when things happened, not by write order.
        kafka.send(DharmaTopic.DEPLOYMENTS.topicName(), blueprintId, blocked, T0.plusSeconds(3).toEpochMilli(), null);
        kafka.send(DharmaTopic.GUARDRAILS.topicName(), blueprintId, verdict, T0.plusSeconds(2).toEpochMilli(), null);
        kafka.send(DharmaTopic.BLUEPRINTS.topicName(), blueprintId, submitted, T0.toEpochMilli(), null);
        kafka.send(DharmaTopic.BLUEPRINTS.topicName(), blueprintId + "-other",
                ExampleBlueprints.submitted("aws-web-app.yaml", "team-audit", "trk-2", blueprintId + "-other"), T0.toEpochMilli(), null);

        AuditTimeline timeline = audit.timeline(blueprintId);

        assertThat(timeline.entries()).extracting(AuditEntry::eventType)
                .containsExactly("BlueprintSubmitted", "GuardrailsEvaluated", "DeploymentBlocked");
        assertThat(timeline.entries()).extracting(AuditEntry::eventId).containsExactly(
                id(submitted.getEnvelope()), id(verdictEnvelope), id(blockedEnvelope));
        assertThat(timeline.entries()).extracting(AuditEntry::causationId).containsExactly(
                null, id(submitted.getEnvelope()), id(verdictEnvelope));
        assertThat(timeline.entries()).extracting(AuditEntry::time).containsExactly(T0, T0.plusSeconds(2), T0.plusSeconds(3));
        assertThat(timeline.entries().get(1).summary()).contains("outcome=BLOCKED").contains("storage.encryption-at-rest");
        assertThat(timeline.entries().get(2).deploymentId()).isEqualTo("dep-1");
        assertThat(timeline.entries().get(2).summary()).contains("storage.encryption-at-rest");
        assertThat(timeline.entries()).allSatisfy(e -> {
            assertThat(e.trackingId()).isEqualTo("trk-1");
            assertThat(e.version()).isEqualTo(1);
        });
        assertThat(timeline.belongsTo("team-audit")).isTrue();
        assertThat(timeline.belongsTo("team-other")).isFalse();
    }

    @Test
    void pagesOfATimelineFollowEachOtherWithoutGapOrRepeat() throws Exception {
        String blueprintId = TestKafka.uniqueName("bp-pages");
        BlueprintSubmitted example = ExampleBlueprints.submitted("aws-web-app.yaml", "team-audit", "trk-p", blueprintId);
        Envelope previous = example.getEnvelope();
        for (int i = 0; i < 7; i++) {
            Instant time = T0.plusSeconds(10L * i);
            Envelope envelope = at("orchestrator", time).reactingTo(previous, "step-" + i);
            kafka.send(DharmaTopic.DEPLOYMENTS.topicName(), blueprintId, blockedEvent(envelope, "dep-" + i), time.toEpochMilli(), null);
            kafka.send(DharmaTopic.DEPLOYMENTS.topicName(), blueprintId + "-noise", blockedEvent(envelope, "noise-" + i),
                    time.toEpochMilli(), null);
            previous = envelope;
        }

        List<String> seen = new java.util.ArrayList<>();
        AuditPosition after = null;
        int pages = 0;
        do {
            AuditPage page = audit.page(blueprintId, after, 3);
            page.timeline().entries().forEach(entry -> seen.add(entry.deploymentId()));
            after = page.next().flatMap(next -> AuditPosition.parse(next.text())).orElse(null);
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("dep-0", "dep-1", "dep-2", "dep-3", "dep-4", "dep-5", "dep-6");
    }

    @Test
    void onlyAPositionsOwnTextParses() {
        assertThat(AuditPosition.parse("1772442000000/dharma.deployments.v1/42"))
                .contains(new AuditPosition(Instant.ofEpochMilli(1772442000000L), "dharma.deployments.v1", 42));
        assertThat(AuditPosition.parse("soon/dharma.deployments.v1/42")).isEmpty();
        assertThat(AuditPosition.parse("1/dharma deployments/42")).isEmpty();
        assertThat(AuditPosition.parse("1/t/99999999999999999999")).isEmpty();
    }

    private static DeploymentEvent blockedEvent(Envelope envelope, String deploymentId) {
        return DeploymentEvent.newBuilder()
                .setEnvelope(envelope)
                .setDeploymentId(deploymentId)
                .setPayload(DeploymentBlocked.newBuilder().setReasons(List.of(BlockReason.newBuilder()
                        .setKind(BlockReasonKind.OTHER).setMessage("step").setPolicyId(null).build())).build())
                .build();
    }

    @Test
    void unknownBlueprintHasAnEmptyTimeline() {
        AuditTimeline timeline = audit.timeline("bp-never-submitted");

        assertThat(timeline.entries()).isEmpty();
        assertThat(timeline.belongsTo("team-audit")).isFalse();
    }

    private static String id(Envelope envelope) {
        return envelope.getEventId().toString();
    }

    private static Envelopes at(String producer, Instant time) {
        return Envelopes.forProducer(producer, Clock.fixed(time, ZoneOffset.UTC));
    }
}
