package io.dharma.costing.service;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.testing.ExampleBlueprints;
import io.dharma.testing.PrometheusScrape;
import io.dharma.testing.TopicProbe;
import io.dharma.testing.TopicWriter;
import io.dharma.events.BlueprintResource;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.BudgetStatus;
import io.dharma.events.CostEstimated;
import io.dharma.topics.DharmaTopicNames;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The costing service on the real embedded stack (KRaft broker, schema registry, PostgreSQL):
 * BlueprintSubmitted events on dharma.blueprints.v1, built the way intake's outbox builds them,
 * become CostEstimated events on dharma.costs.v1.
 *
 * <p>Records of one key are processed in order, so once a later record of the same key has its
 * output, everything before it has been fully handled and can be counted exactly.
 */
class CostingServiceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String TENANT = "costing-service-test";

    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void startService() {
        service = CostingServiceFixture.start();
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void eachExampleYieldsExactlyOneEstimateLinkedToItsSubmission() {
        // totals worked out by hand in ExampleEstimatesTest
        Map<String, String> totals = Map.of(
                "aws-web-app.yaml", "126.9340",
                "aws-prod-api.yaml", "1754.8850",
                "azure-data-platform.yaml", "992.8350",
                "gcp-kubernetes-service.yaml", "729.5921",
                "insecure-demo.yaml", "343.5300");
        Map<String, BlueprintSubmitted> inputs = new TreeMap<>();
        totals.keySet().forEach(file -> inputs.put(file, submission(file)));
        CostingServiceFixture.submit(List.copyOf(inputs.values()));

        inputs.forEach((file, input) -> {
            ConsumerRecord<String, CostEstimated> output = awaitSingleEstimate(input);
            CostEstimated estimate = output.value();
            assertThat(output.key()).as(file).isEqualTo(input.getEnvelope().getBlueprintId());
            assertThat(estimate.getEnvelope().getTrackingId()).as(file).isEqualTo(input.getEnvelope().getTrackingId());
            assertThat(estimate.getEnvelope().getCausationId()).as(file).isEqualTo(input.getEnvelope().getEventId());
            assertThat(estimate.getEnvelope().getBlueprintVersion()).as(file).isEqualTo(1);
            assertThat(estimate.getEnvelope().getProducer()).as(file).isEqualTo("costing");
            assertThat(estimate.getTotalMonthly()).as(file).isEqualTo(new BigDecimal(totals.get(file)));
            assertThat(estimate.getUnpricedCount()).as(file).isZero();
            assertThat(estimate.getComparisons()).as(file).hasSize(2);
            assertThat(estimate.getBudgetStatus()).as(file)
                    .isEqualTo(file.equals("insecure-demo.yaml") ? BudgetStatus.NO_BUDGET : BudgetStatus.WITHIN);
        });
    }

    @Test
    void estimatesAreRecordedByCloudInUsdBucketsOnThePrometheusScrape() {
        Map<String, String> aws = Map.of("cloud", "aws");
        Map<String, String> awsUpTo1000 = Map.of("cloud", "aws", "le", "1000.0");
        PrometheusScrape first = scrape();
        double count = first.sum("dharma_costs_estimated_monthly_usd_count", aws);
        double upTo1000 = first.sum("dharma_costs_estimated_monthly_usd_bucket", awsUpTo1000);
        BlueprintSubmitted input = submission("aws-web-app.yaml");

        CostingServiceFixture.submit(input);

        awaitSingleEstimate(input);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            PrometheusScrape scrape = scrape();
            assertThat(scrape.sum("dharma_costs_estimated_monthly_usd_count", aws)).isGreaterThanOrEqualTo(count + 1);
            assertThat(scrape.sum("dharma_costs_estimated_monthly_usd_bucket", awsUpTo1000))
                    .as("126.93 USD a month").isGreaterThanOrEqualTo(upTo1000 + 1);
            assertThat(scrape.sum("dharma_costs_estimated_monthly_usd_sum", aws)).isGreaterThanOrEqualTo(126.93);
        });
    }

    private static PrometheusScrape scrape() {
        return PrometheusScrape.of(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void aRedeliveredSubmissionIsPricedOnce() {
        BlueprintSubmitted first = submission("aws-web-app.yaml");
        BlueprintSubmitted nextVersion = ExampleBlueprints.submitted("aws-web-app.yaml", TENANT, "trk-" + UUID.randomUUID(),
                first.getEnvelope().getBlueprintId(), 2);

        CostingServiceFixture.submit(List.of(first, first, nextVersion));

        awaitSingleEstimate(nextVersion);
        assertThat(CostingServiceFixture.estimatesCausedBy(first.getEnvelope().getEventId())).hasSize(1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndLaterRecordsStillFlow() {
        BlueprintSubmitted later = submission("gcp-kubernetes-service.yaml");
        String key = later.getEnvelope().getBlueprintId();
        byte[] poison = "this is not Avro".getBytes(StandardCharsets.UTF_8);

        TopicWriter.onStack().sendRaw(new ProducerRecord<>(DharmaTopicNames.BLUEPRINTS, key, poison));
        CostingServiceFixture.submit(later);

        awaitSingleEstimate(later);
        ConsumerRecord<String, byte[]> deadLetter = deadLettersWithKey(key).getFirst();
        assertThat(deadLettersWithKey(key)).hasSize(1);
        assertThat(deadLetter.value()).isEqualTo(poison);
        assertThat(header(deadLetter, "dharma-dlt-reason")).isNotBlank();
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(DharmaTopicNames.BLUEPRINTS);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(scrape().sum("dharma_events_dead_lettered_total",
                Map.of("listener", "dharma-costing", "topic", DharmaTopicNames.BLUEPRINTS))).isPositive());
    }

    @Test
    void aSubmissionThatCannotBePricedIsDeadLetteredWithTheReasonWithoutRetries() {
        BlueprintSubmitted example = submission("aws-web-app.yaml");
        List<BlueprintResource> resources = new ArrayList<>(example.getResources());
        resources.set(0, BlueprintResource.newBuilder(resources.get(0)).setProperties("[1, 2]").build());
        BlueprintSubmitted broken = BlueprintSubmitted.newBuilder(example).setResources(resources).build();
        BlueprintSubmitted later = ExampleBlueprints.submitted("aws-web-app.yaml", TENANT, "trk-" + UUID.randomUUID(),
                example.getEnvelope().getBlueprintId(), 2);
        String key = example.getEnvelope().getBlueprintId();

        CostingServiceFixture.submit(List.of(broken, later));

        awaitSingleEstimate(later);
        assertThat(CostingServiceFixture.estimatesCausedBy(broken.getEnvelope().getEventId())).isEmpty();
        assertThat(deadLettersWithKey(key)).singleElement().satisfies(deadLetter -> assertThat(header(deadLetter, "dharma-dlt-reason"))
                .contains("cannot be priced")
                .contains("properties of resource 'main' are not a JSON object")
                .doesNotContain("Failed 3 times"));
    }

    private static BlueprintSubmitted submission(String file) {
        return ExampleBlueprints.submitted(file, TENANT, "trk-" + UUID.randomUUID(), "bp-" + UUID.randomUUID());
    }

    private static ConsumerRecord<String, CostEstimated> awaitSingleEstimate(BlueprintSubmitted input) {
        List<ConsumerRecord<String, CostEstimated>> outputs = await().atMost(TIMEOUT)
                .until(() -> CostingServiceFixture.estimatesCausedBy(input.getEnvelope().getEventId()), found -> !found.isEmpty());
        assertThat(outputs).hasSize(1);
        return outputs.getFirst();
    }

    private static List<ConsumerRecord<String, byte[]>> deadLettersWithKey(String key) {
        return TopicProbe.onStack().readAllRaw(DharmaTopicNames.BLUEPRINTS + ".dlt").stream().filter(record -> key.equals(record.key())).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
