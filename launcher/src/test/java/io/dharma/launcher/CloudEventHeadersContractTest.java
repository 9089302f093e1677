package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What a tool outside the Confluent ecosystem sees: a plain consumer with byte-array
 * deserializers (no registry, no Avro) routes a blueprint's records on their CloudEvents headers
 * alone (contracts/asyncapi.yaml, CloudEventHeaders).
 */
class CloudEventHeadersContractTest {

    private final RunningPlatform platform = SharedPlatform.get();

    @Test
    void everyRecordOfABlueprintCarriesItsCloudEventsAttributesAsHeaders() throws Exception {
        PlatformApi api = new PlatformApi(platform.apiUrl(), "e2e-cloudevents");
        PlatformApi.Accepted accepted = api.submitExample("aws-web-app.yaml", "ce-" + UUID.randomUUID().toString().substring(0, 8));

        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "plain-consumer-" + UUID.randomUUID());
        List<Map<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("dharma.blueprints.v1", "dharma.iac.v1", "dharma.guardrails.v1", "dharma.costs.v1",
                    "dharma.deployments.v1"));
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Map<String, String> headers = StreamSupport.stream(record.headers().spliterator(), false)
                            .collect(Collectors.toMap(header -> header.key(),
                                    header -> new String(header.value(), StandardCharsets.UTF_8), (first, second) -> second));
                    if (accepted.blueprintId().equals(headers.get("ce_subject"))) {
                        seen.add(headers);
                    }
                }
                return seen.stream().anyMatch(headers -> headers.get("ce_type")
                        .equals("io.dharma.events.DeploymentEvent.DeploymentSucceeded"));
            });
        }
        assertThat(seen).extracting(headers -> headers.get("ce_type")).contains("io.dharma.events.BlueprintSubmitted",
                "io.dharma.events.CostEstimated", "io.dharma.events.GuardrailsEvaluated");
        for (Map<String, String> headers : seen) {
            assertThat(headers.get("ce_specversion")).isEqualTo("1.0");
            assertThat(UUID.fromString(headers.get("ce_id"))).isNotNull();
            assertThat(headers.get("ce_source")).startsWith("/dharma/");
            assertThat(Instant.parse(headers.get("ce_time"))).isBefore(Instant.now().plusSeconds(60));
        }
        assertThat(seen).extracting(headers -> headers.get("ce_id")).doesNotHaveDuplicates();
    }
}
