package io.dharma.bench;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import io.dharma.blueprint.Blueprint;
import io.dharma.embedded.EmbeddedKafkaBroker;
import io.dharma.operations.ClusterAccess;
import io.dharma.operations.ReplayProgress;
import io.dharma.operations.ReplayRequest;
import io.dharma.operations.ReplaySummary;
import io.dharma.operations.TopicReplay;
import io.dharma.registry.EmbeddedSchemaRegistry;
import io.dharma.serde.AvroSerializer;
import io.dharma.topics.DharmaTopicNames;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code dharma replay} does, timed: every record of {@value DharmaTopicNames#DEPLOYMENTS}
 * read without a consumer group, decoded through the registry and written as a JSON line (to a
 * sink that discards it, so the disk is not measured). The topic is filled first with
 * {@code --records} real-schema deployment events (the lifecycles of the {@code queries} bench).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Decoded records/s of `dharma replay` over a topic of --records deployment events (embedded Kafka and registry).")
final class ReplayBench extends Driver {

    private static final String TOPIC = DharmaTopicNames.DEPLOYMENTS;

    @Option(names = "--records", defaultValue = "100000", description = "Records on the topic (default ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--partitions", defaultValue = "6", description = "Topic partitions (default ${DEFAULT-VALUE}).")
    int partitions;

    @Mixin
    BlueprintOption blueprint;

    @Override
    void measure() throws Exception {
        BlueprintOption.Valid valid = blueprint.valid();
        Path home = Files.createTempDirectory("dharma-bench-replay");
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(home, 0);
                EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get();
            }
            long t0 = System.nanoTime();
            publish(kafka.bootstrapServers(), registry.url(), valid.blueprint(), valid.document());
            double publishSeconds = (System.nanoTime() - t0) / 1e9;

            TopicReplay replay = new TopicReplay(new ClusterAccess(kafka.bootstrapServers(), registry.url(), ClusterAccess.DEFAULT_TIMEOUT));
            PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
            long t1 = System.nanoTime();
            CpuMeter.Snapshot cpuFrom = CpuMeter.now();
            ReplaySummary summary = replay.replay(ReplayRequest.wholeTopic(TOPIC), record -> sink.println(record.toJsonLine()),
                    ReplayProgress.NONE);
            double seconds = (System.nanoTime() - t1) / 1e9;
            CpuMeter.Usage cpu = CpuMeter.between(cpuFrom, CpuMeter.now());
            if (summary.read() != records || summary.undecodable() != 0) {
                throw new IllegalStateException("replay read " + summary.read() + " records (" + summary.undecodable()
                        + " undecodable) of " + records);
            }
            System.out.printf("replay: %d records published in %.1f s; replayed (read, decoded, written as JSON lines) in %.1f s = %.0f records/s%n",
                    records, publishSeconds, seconds, summary.matched() / seconds);
            cpu.perOperation(summary.matched(), "record").forEach(System.out::println);
            figures.rate("replay, %d records".formatted(records), summary.matched() / seconds, "records/s", cpu, summary.matched());
        }
    }

    private void publish(String bootstrap, String registryUrl, Blueprint blueprint, String document) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class);
        config.put("schema.registry.url", registryUrl);
        AtomicReference<Exception> failure = new AtomicReference<>();
        Instant now = Instant.now();
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config)) {
            int sent = 0;
            while (sent < records) {
                SyntheticLifecycle lifecycle = SyntheticLifecycle.random("bench-t" + (sent % 50));
                for (SyntheticLifecycle.Published event : lifecycle.events(blueprint, document, now)) {
                    if (event.topic().equals(TOPIC) && sent < records) {
                        producer.send(new ProducerRecord<>(TOPIC, lifecycle.blueprintId(), event.event()), (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
                        sent++;
                    }
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("publishing the deployment events failed", failure.get());
        }
    }
}
