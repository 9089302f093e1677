package io.dharma.generator.service;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.ValidationResult;
import io.dharma.blueprint.events.BlueprintEvents;
import io.dharma.events.BlueprintResource;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Envelopes;
import io.dharma.events.GenerationError;
import io.dharma.events.IacEvent;
import io.dharma.events.IacGenerated;
import io.dharma.events.IacGenerationFailed;
import io.dharma.generator.GenerationResult;
import io.dharma.generator.GeneratorVersion;
import io.dharma.generator.TerraformGenerator;
import io.dharma.testing.ExampleBlueprints;
import io.dharma.testing.PrometheusScrape;
import io.dharma.testing.TopicProbe;
import io.dharma.testing.TopicWriter;
import io.dharma.topics.DharmaTopicNames;
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
 * The generator service as deployed (GeneratorApplication with generator.yaml) on the real
 * embedded stack: BlueprintSubmitted events, built the way intake builds them, become IacEvents.
 *
 * <p>Records of one key are processed in order, so once a later record of a key has its output,
 * every earlier record of that key has been fully handled and can be counted exactly.
 */
class GeneratorServiceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String TENANT = "generator-service-test";
    private static final String CONSUMER_GROUP = "dharma-generator";

    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void startService() {
        service = GeneratorServiceFixture.start();
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theWebAppExampleYieldsExactlyOneIacEventWithItsTerraform() {
        BlueprintSubmitted input = submission("aws-web-app.yaml");

        GeneratorServiceFixture.submit(List.of(input));

        ConsumerRecord<String, IacEvent> output = awaitSingleEvent(input);
        IacEvent event = output.value();
        assertThat(output.key()).isEqualTo(input.getEnvelope().getBlueprintId());
        assertThat(event.getEnvelope().getTrackingId()).isEqualTo(input.getEnvelope().getTrackingId());
        assertThat(event.getEnvelope().getCausationId()).isEqualTo(input.getEnvelope().getEventId());
        assertThat(event.getEnvelope().getTenantId()).isEqualTo(TENANT);
        assertThat(event.getEnvelope().getBlueprintVersion()).isEqualTo(1);
        assertThat(event.getEnvelope().getProducer()).isEqualTo("generator");
        assertThat(event.getEnvelope().getEventId())
                .isEqualTo(Envelopes.forProducer("generator").reactingTo(input.getEnvelope(), "iac").getEventId());
        assertThat(event.getCloud()).isEqualTo(io.dharma.events.Cloud.AWS);

        IacGenerated generated = (IacGenerated) event.getPayload();
        var expected = ((GenerationResult.Generated) new TerraformGenerator()
                .generate(ExampleBlueprints.blueprint("aws-web-app.yaml"))).configuration();
        assertThat(generated.getFiles()).extracting(file -> file.getPath()).containsExactly(
                "hcl/main.tf", "hcl/outputs.tf", "hcl/providers.tf", "hcl/variables.tf", "hcl/versions.tf",
                "json/main.tf.json", "json/outputs.tf.json", "json/providers.tf.json", "json/variables.tf.json",
                "json/versions.tf.json");
        assertThat(generated.getFiles().getFirst().getContent()).isEqualTo(expected.file("hcl/main.tf").orElseThrow().content());
        assertThat(generated.getContentHash()).isEqualTo(expected.contentHash());
        assertThat(generated.getResources()).extracting(resource -> resource.getAddress() + " <- " + resource.getResourceName())
                .contains("aws_vpc.main <- main", "aws_instance.web <- web", "aws_db_instance.db <- db")
                .hasSize(expected.resources().size());
        assertThat(generated.getGeneratorVersion()).isEqualTo(GeneratorVersion.current()).startsWith("dharma-generator/0.");
    }

    @Test
    void answersAreCountedByCloudAndOutcomeOnThePrometheusScrape() {
        Map<String, String> awsGenerated = Map.of("cloud", "aws", "outcome", "generated");
        double before = scrape().sum("dharma_iac_generated_total", awsGenerated);
        BlueprintSubmitted input = submission("aws-web-app.yaml");

        GeneratorServiceFixture.submit(List.of(input));

        awaitSingleEvent(input);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            PrometheusScrape scrape = scrape();
            assertThat(scrape.sum("dharma_iac_generated_total", awsGenerated)).isGreaterThanOrEqualTo(before + 1);
            assertThat(scrape.sum("dharma_events_processed_total", Map.of("listener", CONSUMER_GROUP))).isPositive();
            assertThat(scrape.has("kafka_consumer_fetch_manager_records_lag_max", Map.of()))
                    .as("consumer lag, from the platform consumer factory's Micrometer listener").isTrue();
        });
    }

    private static PrometheusScrape scrape() {
        return PrometheusScrape.of(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void everyExampleYieldsExactlyOneGeneratedEvent() {
        Map<String, BlueprintSubmitted> inputs = new TreeMap<>();
        for (String file : List.of("aws-web-app.yaml", "aws-prod-api.yaml", "azure-data-platform.yaml",
                "gcp-kubernetes-service.yaml", "insecure-demo.yaml")) {
            inputs.put(file, submission(file));
        }
        GeneratorServiceFixture.submit(List.copyOf(inputs.values()));

        inputs.forEach((file, input) -> {
            IacEvent event = awaitSingleEvent(input).value();
            assertThat(event.getPayload()).as(file).isInstanceOf(IacGenerated.class);
            assertThat(event.getEnvelope().getTrackingId()).as(file).isEqualTo(input.getEnvelope().getTrackingId());
        });
    }

    @Test
    void aBlueprintTheCloudCannotExpressYieldsAGenerationFailedEvent() {
        String document = """
                apiVersion: dharma/v1
                kind: Blueprint
                metadata: { name: azure-cache, environment: dev }
                spec:
                  cloud: azure
                  region: westeurope
                  approval: auto
                  resources:
                    - { name: main, type: network }
                    - { name: app, type: subnet, properties: { network: main, cidr: 10.0.1.0/24 } }
                    - { name: cache, type: cache.redis, properties: { subnet: app, version: "7" } }
                """;
        var blueprint = ((ValidationResult.Valid) new BlueprintValidator().validate(document, DocumentFormat.YAML)).blueprint();
        BlueprintSubmitted input = BlueprintEvents.submitted(blueprint,
                Envelopes.forProducer("intake").originating(TENANT, "trk-" + UUID.randomUUID(), "bp-" + UUID.randomUUID(), 1),
                document, "application/yaml", null);

        GeneratorServiceFixture.submit(List.of(input));

        IacEvent event = awaitSingleEvent(input).value();
        assertThat(event.getCloud()).isEqualTo(io.dharma.events.Cloud.AZURE);
        IacGenerationFailed failed = (IacGenerationFailed) event.getPayload();
        assertThat(failed.getReason()).isEqualTo("Terraform for azure cannot be generated: 1 problem");
        assertThat(failed.getErrors()).extracting(GenerationError::getResourceName, GenerationError::getMessage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cache", "Azure Cache for Redis offers Redis 6 only; set version: \"6\""));
    }

    @Test
    void aRedeliveredSubmissionYieldsOneEvent() {
        BlueprintSubmitted first = submission("gcp-kubernetes-service.yaml");
        BlueprintSubmitted nextVersion = ExampleBlueprints.submitted("gcp-kubernetes-service.yaml", TENANT,
                "trk-" + UUID.randomUUID(), first.getEnvelope().getBlueprintId(), 2);

        GeneratorServiceFixture.submit(List.of(first, first, nextVersion));

        awaitSingleEvent(nextVersion);
        assertThat(eventsCausedBy(first.getEnvelope().getEventId())).hasSize(1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndLaterRecordsStillFlow() {
        BlueprintSubmitted later = submission("azure-data-platform.yaml");
        String key = later.getEnvelope().getBlueprintId();
        byte[] poison = "not a blueprint".getBytes(StandardCharsets.UTF_8);

        TopicWriter.onStack().sendRaw(new ProducerRecord<>(DharmaTopicNames.BLUEPRINTS, key, poison));
        GeneratorServiceFixture.submit(List.of(later));

        awaitSingleEvent(later);
        List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters(key);
        assertThat(deadLetters).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.value()).isEqualTo(poison);
            assertThat(header(deadLetter, "dharma-dlt-reason")).isNotBlank();
            assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(DharmaTopicNames.BLUEPRINTS);
        });
    }

    @Test
    void anEventThatDescribesNoBlueprintIsDeadLetteredWithoutRetries() {
        BlueprintSubmitted example = submission("aws-web-app.yaml");
        List<BlueprintResource> resources = new ArrayList<>(example.getResources());
        resources.set(0, BlueprintResource.newBuilder(resources.get(0)).setProperties("\"not an object\"").build());
        BlueprintSubmitted broken = BlueprintSubmitted.newBuilder(example).setResources(resources).build();
        BlueprintSubmitted later = ExampleBlueprints.submitted("aws-web-app.yaml", TENANT, "trk-" + UUID.randomUUID(),
                example.getEnvelope().getBlueprintId(), 2);

        GeneratorServiceFixture.submit(List.of(broken, later));

        awaitSingleEvent(later);
        assertThat(eventsCausedBy(broken.getEnvelope().getEventId())).isEmpty();
        assertThat(deadLetters(example.getEnvelope().getBlueprintId())).singleElement()
                .satisfies(deadLetter -> assertThat(header(deadLetter, "dharma-dlt-reason"))
                        .contains("properties of resource 'main' are not a JSON object")
                        .doesNotContain("Failed 3 times"));
    }

    private static BlueprintSubmitted submission(String file) {
        return ExampleBlueprints.submitted(file, TENANT, "trk-" + UUID.randomUUID(), "bp-" + UUID.randomUUID());
    }

    private static List<ConsumerRecord<String, IacEvent>> eventsCausedBy(UUID cause) {
        return TopicProbe.onStack().<IacEvent>readAll(DharmaTopicNames.IAC).stream()
                .filter(record -> cause.equals(record.value().getEnvelope().getCausationId()))
                .toList();
    }

    private static ConsumerRecord<String, IacEvent> awaitSingleEvent(BlueprintSubmitted input) {
        List<ConsumerRecord<String, IacEvent>> outputs = await().atMost(TIMEOUT)
                .until(() -> eventsCausedBy(input.getEnvelope().getEventId()), found -> !found.isEmpty());
        assertThat(outputs).hasSize(1);
        return outputs.getFirst();
    }

    /** Dead letters of this service's consumer group with the given key. */
    private static List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        return TopicProbe.onStack().readAllRaw(DharmaTopicNames.BLUEPRINTS + ".dlt").stream()
                .filter(record -> key.equals(record.key()))
                .filter(record -> CONSUMER_GROUP.equals(header(record, "kafka_dlt-original-consumer-group")))
                .toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
