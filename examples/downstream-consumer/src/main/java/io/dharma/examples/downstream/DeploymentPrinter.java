package io.dharma.examples.downstream;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.dharma.events.DeploymentEvent;

/**
 * A downstream consumer of {@code dharma.deployments.v1}, written as a team outside Dharma would:
 * a plain {@link KafkaConsumer}, the Avro deserializer configured by class name, and the generated
 * event classes. Prints one line per deployment event until Ctrl-C.
 *
 * <pre>
 * java -jar dharma-example-downstream-consumer-exec.jar --from-beginning
 * </pre>
 */
public final class DeploymentPrinter implements AutoCloseable {

    public static final String TOPIC = "dharma.deployments.v1";
    private static final int REMEMBERED_EVENT_IDS = 100_000;

    private final KafkaConsumer<String, DeploymentEvent> consumer;
    private final boolean fromBeginning;
    private final PrintStream out;
    private final PrintStream err;
    private final SeenEventIds seen = new SeenEventIds(REMEMBERED_EVENT_IDS);

    public DeploymentPrinter(PrinterOptions options, PrintStream out, PrintStream err) {
        this.consumer = new KafkaConsumer<>(consumerConfig(options));
        this.fromBeginning = options.fromBeginning();
        this.out = out;
        this.err = err;
    }

    /** Everything a downstream consumer of a Dharma topic needs; nothing Dharma-internal. */
    static Map<String, Object> consumerConfig(PrinterOptions options) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServer(),
                ConsumerConfig.GROUP_ID_CONFIG, options.group(),
                // Producers write in transactions: never show events of an aborted one.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // Commit only what was printed (at least once; duplicates are dropped on eventId).
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, options.fromBeginning() ? "earliest" : "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),   // blueprintId
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "io.dharma.serde.AvroDeserializer",
                "schema.registry.url", options.registryUrl(),
                "specific.avro.value.type", DeploymentEvent.class.getName());
    }

    public static void main(String[] args) {
        PrinterOptions options;
        try {
            options = PrinterOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("DeploymentPrinter: " + e.getMessage());
            System.err.print(PrinterOptions.USAGE);
            System.exit(2);
            return;
        }
        try (DeploymentPrinter printer = new DeploymentPrinter(options, System.out, System.err)) {
            Thread mainThread = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                printer.stop();
                try {
                    mainThread.join(Duration.ofSeconds(10));   // let run() commit and close the consumer
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "deployment-printer-shutdown"));
            printer.run();
        }
    }

    /** Polls and prints until {@link #stop()} is called (from any thread). */
    public void run() {
        if (fromBeginning) {
            consumer.subscribe(List.of(TOPIC), new RewindOnFirstAssignment());
        } else {
            consumer.subscribe(List.of(TOPIC));
        }
        try {
            while (true) {
                ConsumerRecords<String, DeploymentEvent> records;
                try {
                    records = consumer.poll(Duration.ofSeconds(1));
                } catch (RecordDeserializationException e) {
                    skip(e);
                    continue;
                }
                for (ConsumerRecord<String, DeploymentEvent> record : records) {
                    print(record.value());
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // stop() was called: leave the loop; offsets of everything printed are committed.
        }
    }

    /** Makes {@link #run()} return soon. Thread-safe, unlike the rest of KafkaConsumer. */
    public void stop() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }

    private void print(DeploymentEvent event) {
        if (event != null && seen.firstTime(event.getEnvelope().getEventId())) {
            out.println(DeploymentLine.of(event));
        }
    }

    /**
     * A value that cannot be read (not Avro, or a kind this code's schema does not know yet) is
     * reported and skipped, so one bad record does not stop the consumer. Upgrade the
     * dharma-schemas dependency to read newer kinds.
     */
    private void skip(RecordDeserializationException e) {
        err.printf("skipping unreadable record %s@%d: %s%n", e.topicPartition(), e.offset(),
                e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        consumer.seek(e.topicPartition(), e.offset() + 1);
    }

    /** --from-beginning: start each partition at its first record, once per run, whatever was committed. */
    private final class RewindOnFirstAssignment implements ConsumerRebalanceListener {

        private final Set<TopicPartition> rewound = new HashSet<>();

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            List<TopicPartition> fresh = partitions.stream().filter(rewound::add).toList();
            if (!fresh.isEmpty()) {
                consumer.seekToBeginning(fresh);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        }
    }
}
