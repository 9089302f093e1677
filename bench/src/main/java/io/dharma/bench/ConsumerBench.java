package io.dharma.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.events.BlueprintEvents;
import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.ValidationResult;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Envelope;
import io.dharma.serde.AvroDeserializer;
import io.dharma.serde.AvroSerializer;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How many events per second the three stage-one consumers (generator, guardrails, costing)
 * sustain: publishes a burst of BlueprintSubmitted events straight to dharma.blueprints.v1 (not
 * through intake, so intake is not the limit) and times how long each output topic takes to
 * carry one committed output per input.
 */
@Command(name = "consumers", mixinStandardHelpOptions = true,
        description = "Events/s of the generator, guardrails and cost estimator consumers (embedded platform).")
final class ConsumerBench extends Driver {

    private static final List<String> OUTPUT_TOPICS = List.of("dharma.iac.v1", "dharma.guardrails.v1", "dharma.costs.v1");

    @Option(names = "--events", defaultValue = "2000", description = "Input events (default ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--examples", defaultValue = "examples", description = "Folder of blueprints to cycle through (default ${DEFAULT-VALUE}).")
    Path examples;

    @Option(names = "--timeout", defaultValue = "PT10M", description = "Give up after (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    void measure() throws Exception {
        List<Example> inputs = loadExamples();
        try (BenchTarget target = BenchTarget.startEmbedded()) {
            Set<UUID> inputIds = new HashSet<>();
            CpuMeter.Snapshot cpuFrom = CpuMeter.now();
            Instant started = publish(target, inputs, inputIds);
            Map<String, Duration> took = awaitOutputs(target, inputIds, started);
            CpuMeter.Usage cpu = CpuMeter.between(cpuFrom, CpuMeter.now());
            System.out.printf("consumers: %d BlueprintSubmitted events (cycling %d examples), all three consumers running at once%n",
                    events, inputs.size());
            took.forEach((topic, d) -> System.out.printf("  %-22s %d outputs in %.1f s = %.0f events/s%n",
                    topic, events, d.toMillis() / 1000.0, events / (d.toMillis() / 1000.0)));
            // The three consumers share the process: each figure carries the CPU of all three (and of publishing) per input event.
            cpu.perOperation(events, "input event (three consumers, and publishing)").forEach(System.out::println);
            took.forEach((topic, d) -> figures.rate("consumer to " + topic, events / (d.toMillis() / 1000.0), "events/s", cpu,
                    events));
        }
    }

    private record Example(Blueprint blueprint, String document) {
    }

    private List<Example> loadExamples() throws Exception {
        List<Example> result = new ArrayList<>();
        BlueprintValidator validator = new BlueprintValidator();
        try (var files = Files.list(examples)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String document = Files.readString(file);
                if (validator.validate(document, DocumentFormat.YAML) instanceof ValidationResult.Valid valid) {
                    result.add(new Example(valid.blueprint(), document));
                }
            }
        }
        return result;
    }

    private Instant publish(BenchTarget target, List<Example> inputs, Set<UUID> inputIds) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class,
                "schema.registry.url", target.registryUrl(),
                // Registering a schema, even one already there, is a registry write: platform-admins only.
                "bearer.auth.credentials.source", "STATIC_TOKEN",
                "bearer.auth.token", target.adminKey());
        Instant started = Instant.now();
        try (KafkaProducer<String, BlueprintSubmitted> producer =
                     new KafkaProducer<>(config)) {
            producer.partitionsFor("dharma.blueprints.v1");
            for (int i = 0; i < events; i++) {
                Example example = inputs.get(i % inputs.size());
                String blueprintId = UUID.randomUUID().toString();
                Envelope envelope = new Envelope(UUID.randomUUID(), Instant.now(), "bench", UUID.randomUUID().toString(),
                        blueprintId, 1, null, "bench");
                inputIds.add(envelope.getEventId());
                producer.send(new ProducerRecord<>("dharma.blueprints.v1", blueprintId,
                        BlueprintEvents.submitted(example.blueprint(), envelope, example.document(), "application/yaml", "bench")));
            }
        }
        return started;
    }

    private Map<String, Duration> awaitOutputs(BenchTarget target, Set<UUID> inputIds, Instant started) {
        Map<String, Set<UUID>> answered = new LinkedHashMap<>();
        Map<String, Duration> took = new LinkedHashMap<>();
        OUTPUT_TOPICS.forEach(t -> answered.put(t, new HashSet<>()));
        try (KafkaConsumer<String, GenericRecord> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class,
                "schema.registry.url", target.registryUrl()))) {
            consumer.subscribe(OUTPUT_TOPICS);
            Instant deadline = started.plus(timeout);
            while (took.size() < OUTPUT_TOPICS.size() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, GenericRecord> record : consumer.poll(Duration.ofMillis(200))) {
                    Object causation = ((GenericRecord) record.value().get("envelope")).get("causationId");
                    UUID cause = causation == null ? null : UUID.fromString(causation.toString());
                    if (cause != null && inputIds.contains(cause) && answered.get(record.topic()).add(cause)
                            && answered.get(record.topic()).size() == inputIds.size()) {
                        took.put(record.topic(), Duration.between(started, Instant.now()));
                    }
                }
            }
        }
        OUTPUT_TOPICS.stream().filter(t -> !took.containsKey(t)).forEach(t -> System.out.printf(
                "  %s: only %d of %d outputs before the timeout%n", t, answered.get(t).size(), inputIds.size()));
        return took;
    }
}
