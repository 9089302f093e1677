package io.dharma.guardrails.events;

import static io.dharma.guardrails.Submissions.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Enforcement;
import io.dharma.events.GuardrailOutcome;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.events.PolicyViolation;
import io.dharma.guardrails.GuardrailsFixture;
import io.dharma.guardrails.GuardrailsIntegrationTest;
import io.dharma.guardrails.PoliciesClient;
import io.dharma.guardrails.Submissions;
import io.dharma.testing.TopicProbe;
import io.dharma.topics.DharmaTopic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** BlueprintSubmitted in, GuardrailsEvaluated out, through the real broker, registry and database. */
class GuardrailsPipelineTest extends GuardrailsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void theInsecureDemoIsBlockedWithTheExpectedViolationsInOneVerdictLinkedToItsCause() {
        BlueprintSubmitted input = submitted(tenant(), GuardrailsFixture.example("insecure-demo.yaml"));

        Submissions.send(input);

        ConsumerRecord<String, GuardrailsEvaluated> record = onlyVerdictFor(input);
        GuardrailsEvaluated verdict = record.value();
        assertThat(record.key()).isEqualTo(input.getEnvelope().getBlueprintId());
        assertThat(verdict.getEnvelope().getTrackingId()).isEqualTo(input.getEnvelope().getTrackingId());
        assertThat(verdict.getEnvelope().getCausationId()).isEqualTo(input.getEnvelope().getEventId());
        assertThat(verdict.getEnvelope().getEventId()).isNotEqualTo(input.getEnvelope().getEventId());
        assertThat(verdict.getEnvelope().getTenantId()).isEqualTo(input.getEnvelope().getTenantId());
        assertThat(verdict.getEnvelope().getBlueprintVersion()).isEqualTo(1);
        assertThat(verdict.getEnvelope().getProducer()).isEqualTo("guardrails");
        assertThat(verdict.getOutcome()).isEqualTo(GuardrailOutcome.BLOCKED);
        assertThat(verdict.getPoliciesEvaluated()).isEqualTo(GuardrailsFixture.BUILTINS.all().size());
        assertThat(verdict.getPolicySetVersion()).startsWith("2026.11.1+");
        assertThat(verdict.getViolations())
                .extracting(PolicyViolation::getPolicyId, PolicyViolation::getResourceName, PolicyViolation::getEnforcement)
                .containsExactly(
                        tuple("blueprint.required-tags", null, Enforcement.BLOCK),
                        tuple("network.no-admin-ports-from-internet", "wide-open", Enforcement.BLOCK),
                        tuple("data.encryption-at-rest", "legacy-db", Enforcement.BLOCK),
                        tuple("data.encryption-at-rest", "public-files", Enforcement.BLOCK),
                        tuple("storage.no-public-buckets", "public-files", Enforcement.BLOCK),
                        tuple("storage.versioning", "public-files", Enforcement.WARN),
                        tuple("database.backups-enabled", "legacy-db", Enforcement.WARN),
                        tuple("compute.size-ceiling", "jumpbox", Enforcement.BLOCK),
                        tuple("compute.no-public-ip", "jumpbox", Enforcement.WARN));
        assertThat(verdict.getViolations()).allSatisfy(v -> {
            assertThat(v.getTitle()).isNotBlank();
            assertThat(v.getMessage()).isNotBlank();
            assertThat(v.getRemediation()).isNotBlank();
        });
    }

    @Test
    void verdictsAreCountedByCloudAndOutcomeOnThePrometheusScrape() {
        Map<String, String> awsBlocked = Map.of("cloud", "aws", "outcome", "blocked");
        double before = scrape().sum("dharma_guardrails_evaluations_total", awsBlocked);
        BlueprintSubmitted input = submitted(tenant(), GuardrailsFixture.example("insecure-demo.yaml"));

        Submissions.send(input);

        onlyVerdictFor(input);
        await().atMost(WAIT).untilAsserted(() -> {
            var scrape = scrape();
            assertThat(scrape.sum("dharma_guardrails_evaluations_total", awsBlocked)).isGreaterThanOrEqualTo(before + 1);
            assertThat(scrape.has("dharma_outbox_backlog", Map.of())).isTrue();
            assertThat(scrape.has("kafka_consumer_fetch_manager_records_lag_max", Map.of())).isTrue();
        });
    }

    @Test
    void aPolicyAddedThroughTheApiChangesTheNextVerdictOfThatTenantOnly() {
        String tenant = tenant();
        String neighbour = tenant();
        BlueprintSubmitted before = submitted(tenant, GuardrailsFixture.example("aws-prod-api.yaml"));
        Submissions.send(before);
        assertThat(onlyVerdictFor(before).value().getOutcome()).isEqualTo(GuardrailOutcome.PASSED);

        PoliciesClient.Response created = client(tenant).create(Map.of(
                "id", "acme.prod-instances-small", "title", "Production instances are at most medium",
                "severity", "high", "enforcement", "block", "resourceTypes", List.of("compute.instance"),
                "expression", "blueprint.environment != 'prod' || resource.properties.size in ['small', 'medium']",
                "message", "Instance ${resource.name} in ${blueprint.name} is too large for our prod budget",
                "remediation", "Use more medium instances."));
        assertThat(created.status()).isEqualTo(201);

        BlueprintSubmitted after = submitted(tenant, GuardrailsFixture.example("aws-prod-api.yaml"));
        BlueprintSubmitted elsewhere = submitted(neighbour, GuardrailsFixture.example("aws-prod-api.yaml"));
        Submissions.send(after, elsewhere);

        GuardrailsEvaluated changed = onlyVerdictFor(after).value();
        assertThat(changed.getOutcome()).isEqualTo(GuardrailOutcome.BLOCKED);
        assertThat(changed.getPoliciesEvaluated()).isEqualTo(GuardrailsFixture.BUILTINS.all().size() + 1);
        assertThat(changed.getViolations()).extracting(PolicyViolation::getPolicyId, PolicyViolation::getResourceName,
                PolicyViolation::getMessage).containsExactly(
                tuple("acme.prod-instances-small", "api-a", "Instance api-a in orders-api-prod is too large for our prod budget"),
                tuple("acme.prod-instances-small", "api-b", "Instance api-b in orders-api-prod is too large for our prod budget"));
        assertThat(changed.getPolicySetVersion()).isNotEqualTo(onlyVerdictFor(before).value().getPolicySetVersion());
        assertThat(onlyVerdictFor(elsewhere).value().getOutcome()).isEqualTo(GuardrailOutcome.PASSED);
    }

    @Test
    void aBuiltinDisabledThroughTheApiNoLongerCounts() {
        String tenant = tenant();
        assertThat(client(tenant).disable("blueprint.required-tags").status()).isEqualTo(200);

        BlueprintSubmitted input = submitted(tenant, GuardrailsFixture.example("insecure-demo.yaml"));
        Submissions.send(input);

        GuardrailsEvaluated verdict = onlyVerdictFor(input).value();
        assertThat(verdict.getPoliciesEvaluated()).isEqualTo(GuardrailsFixture.BUILTINS.all().size() - 1);
        assertThat(verdict.getViolations()).extracting(PolicyViolation::getPolicyId)
                .doesNotContain("blueprint.required-tags")
                .contains("storage.no-public-buckets");
    }

    @Test
    void aRedeliveredEventIsEvaluatedOnce() {
        BlueprintSubmitted input = submitted(tenant(), GuardrailsFixture.example("aws-web-app.yaml"));
        // the same blueprintId keeps both on one partition, so "later" is handled after the duplicate
        BlueprintSubmitted later = Submissions.ofBlueprint(submitted(tenant(), GuardrailsFixture.example("aws-web-app.yaml")),
                input.getEnvelope().getBlueprintId());

        Submissions.send(input, input, later);

        assertThat(onlyVerdictFor(later).value().getOutcome()).isEqualTo(GuardrailOutcome.PASSED_WITH_WARNINGS);
        assertThat(verdictsFor(input.getEnvelope().getTrackingId())).hasSize(1);
    }

    @Test
    void anEventWithAResourceTypeOutsideTheCatalogueIsDeadLetteredAndLaterEventsStillFlow() {
        BlueprintSubmitted poison = Submissions.withFirstResourceType(
                submitted(tenant(), GuardrailsFixture.example("aws-web-app.yaml")), "compute.quantum");
        BlueprintSubmitted healthy = Submissions.ofBlueprint(
                submitted(tenant(), GuardrailsFixture.example("azure-data-platform.yaml")), poison.getEnvelope().getBlueprintId());

        Submissions.send(poison, healthy);

        assertThat(onlyVerdictFor(healthy).value().getOutcome()).isEqualTo(GuardrailOutcome.PASSED_WITH_WARNINGS);
        ConsumerRecord<String, byte[]> deadLetter = TopicProbe.onStack().awaitRaw(DharmaTopic.BLUEPRINTS.deadLetterTopicName(),
                        records -> records.stream().anyMatch(r -> r.key().equals(poison.getEnvelope().getBlueprintId())), WAIT)
                .stream().filter(r -> r.key().equals(poison.getEnvelope().getBlueprintId())).findFirst().orElseThrow();
        assertThat(header(deadLetter, "dharma-dlt-reason")).contains("compute.quantum");
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(DharmaTopic.BLUEPRINTS.topicName());
        assertThat(verdictsFor(poison.getEnvelope().getTrackingId())).isEmpty();
    }

    private static ConsumerRecord<String, GuardrailsEvaluated> onlyVerdictFor(BlueprintSubmitted input) {
        String trackingId = input.getEnvelope().getTrackingId();
        List<ConsumerRecord<String, GuardrailsEvaluated>> verdicts =
                await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> verdictsFor(trackingId), list -> !list.isEmpty());
        assertThat(verdicts).as("verdicts for " + trackingId).hasSize(1);
        return verdicts.getFirst();
    }

    private static List<ConsumerRecord<String, GuardrailsEvaluated>> verdictsFor(String trackingId) {
        return TopicProbe.onStack().<GuardrailsEvaluated>readAll(DharmaTopic.GUARDRAILS.topicName()).stream()
                .filter(r -> r.value().getEnvelope().getTrackingId().equals(trackingId)).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String tenant() {
        return "pipeline-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
