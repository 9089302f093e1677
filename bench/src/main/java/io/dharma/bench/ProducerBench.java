package io.dharma.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

import io.dharma.embedded.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The reference: a raw idempotent KafkaProducer (acks=all) into the same kind of embedded broker. */
@Command(name = "kafka-producer", mixinStandardHelpOptions = true,
        description = "Raw Kafka producer rate on this machine, the reference for the other figures.")
final class ProducerBench extends Driver {

    @Option(names = "--duration", defaultValue = "PT10S", description = "Measured time (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--record-bytes", defaultValue = "4096", description = "Value size (default ${DEFAULT-VALUE}, about one BlueprintSubmitted).")
    int recordBytes;

    @Option(names = "--partitions", defaultValue = "6", description = "Topic partitions (default ${DEFAULT-VALUE}).")
    int partitions;

    @Override
    void measure() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("dharma-bench-kafka");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("bench.raw", partitions, (short) 1))).all().get();
            }
            byte[] value = new byte[recordBytes];
            ThreadLocalRandom.current().nextBytes(value);
            LongAdder acked = new LongAdder();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
                long end = System.nanoTime() + duration.toNanos();
                long start = System.nanoTime();
                long i = 0;
                while (System.nanoTime() < end) {
                    producer.send(new ProducerRecord<>("bench.raw", "blueprint-" + (i++ % 1000), value),
                            (md, e) -> { if (e == null) { acked.increment(); } });
                }
                producer.flush();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("kafka-producer: %d records of %d bytes in %.1f s = %.0f records/s, %.1f MiB/s (acks=all, idempotent, %d partitions)%n",
                        acked.sum(), recordBytes, seconds, acked.sum() / seconds,
                        acked.sum() * (double) recordBytes / seconds / (1024 * 1024), partitions);
                figures.rate("raw Kafka producer, %d B, acks=all".formatted(recordBytes), acked.sum() / seconds, "records/s");
            }
        }
    }
}
