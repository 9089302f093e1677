package io.dharma.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.dharma.sandbox.SandboxAutoConfiguration;
import io.dharma.topics.DharmaTopic;
import io.dharma.topics.DharmaTopicNames;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What really happened to the submissions, read where a downstream team and an auditor would
 * look: every committed {@code BlueprintSubmitted} on {@value DharmaTopicNames#BLUEPRINTS} and
 * every deployment event on {@value DharmaTopicNames#DEPLOYMENTS} from the first offset (no
 * consumer group, so a broker restart costs it nothing but a reconnect), the records on every
 * dead-letter topic, and the sandbox's inventory and audit log in PostgreSQL.
 */
final class FaultLedger implements AutoCloseable {

    /** Deployment events after which a deployment does nothing more. */
    private static final Set<String> TERMINAL = Set.of("DeploymentSucceeded", "DeploymentFailed", "DeploymentBlocked",
            "DeploymentRejected");

    private final String bootstrapServers;
    private final String jdbcUrl;
    private final KafkaConsumer<String, GenericRecord> consumer;
    /** trackingId -> eventIds of its BlueprintSubmitted records (one per record: a re-sent event appears twice). */
    private final Map<String, List<String>> submitted = new ConcurrentHashMap<>();
    /** trackingId -> eventIds of its terminal deployment events, one per record. */
    private final Map<String, List<String>> ended = new ConcurrentHashMap<>();
    private final Map<String, String> endKind = new ConcurrentHashMap<>();
    private final LongAdder unreadable = new LongAdder();
    private final Thread poller;

    private FaultLedger(String bootstrapServers, String registryUrl, String jdbcUrl) {
        this.bootstrapServers = bootstrapServers;
        this.jdbcUrl = jdbcUrl;
        this.consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers, registryUrl));
        this.poller = Thread.ofPlatform().name("fault-ledger").daemon().unstarted(this::poll);
    }

    static FaultLedger follow(String bootstrapServers, String registryUrl, String jdbcUrl) {
        FaultLedger ledger = new FaultLedger(bootstrapServers, registryUrl, jdbcUrl);
        List<TopicPartition> partitions = new java.util.ArrayList<>();
        for (String topic : List.of(DharmaTopicNames.BLUEPRINTS, DharmaTopicNames.DEPLOYMENTS)) {
            ledger.consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        ledger.consumer.assign(partitions);
        ledger.consumer.seekToBeginning(partitions);
        ledger.poller.start();
        return ledger;
    }

    private static Map<String, Object> consumerConfig(String bootstrapServers, String registryUrl) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "io.dharma.serde.AvroDeserializer",
                "schema.registry.url", registryUrl);
    }

    private void poll() {
        try {
            while (true) {
                try {
                    for (ConsumerRecord<String, GenericRecord> record : consumer.poll(Duration.ofMillis(200))) {
                        record(record.topic(), record.value());
                    }
                } catch (RecordDeserializationException e) {
                    unreadable.increment();
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // the registry or the broker is being restarted: the next poll continues from the same position
                    ComponentProcess.sleep(500);
                }
            }
        } catch (WakeupException e) {
            // closed
        } finally {
            consumer.close();
        }
    }

    private void record(String topic, GenericRecord value) {
        GenericRecord envelope = (GenericRecord) value.get("envelope");
        String trackingId = String.valueOf(envelope.get("trackingId"));
        String eventId = String.valueOf(envelope.get("eventId"));
        if (topic.equals(DharmaTopicNames.BLUEPRINTS)) {
            submitted.computeIfAbsent(trackingId, t -> java.util.Collections.synchronizedList(new java.util.ArrayList<>())).add(eventId);
            return;
        }
        String payload = ((GenericRecord) value.get("payload")).getSchema().getName();
        if (TERMINAL.contains(payload)) {
            ended.computeIfAbsent(trackingId, t -> java.util.Collections.synchronizedList(new java.util.ArrayList<>())).add(eventId);
            endKind.putIfAbsent(trackingId, payload);
        }
    }

    boolean published(String trackingId) {
        return submitted.containsKey(trackingId);
    }

    boolean ended(String trackingId) {
        return ended.containsKey(trackingId);
    }

    String endKind(String trackingId) {
        return endKind.get(trackingId);
    }

    /** BlueprintSubmitted records of these submissions beyond the first of each eventId: the same event on the topic again. */
    long duplicateSubmittedRecords(Collection<String> trackingIds) {
        return duplicates(submitted, trackingIds);
    }

    /** Terminal deployment records of these submissions beyond the first of each eventId. */
    long duplicateEndRecords(Collection<String> trackingIds) {
        return duplicates(ended, trackingIds);
    }

    /** Submissions with more than one BlueprintSubmitted event (distinct eventIds): published twice as two events. */
    long submittedTwice(Collection<String> trackingIds) {
        return trackingIds.stream().filter(t -> submitted.getOrDefault(t, List.of()).stream().distinct().count() > 1).count();
    }

    /** Submissions whose deployment ended more than once (distinct terminal events): a duplicate effect. */
    long endedTwice(Collection<String> trackingIds) {
        return trackingIds.stream().filter(t -> ended.getOrDefault(t, List.of()).stream().distinct().count() > 1).count();
    }

    /** The eventIds of these submissions found more than once on either topic, for the report. */
    List<String> duplicatedEventIds(Collection<String> trackingIds) {
        List<String> found = new java.util.ArrayList<>();
        for (Map<String, List<String>> byTracking : List.of(submitted, ended)) {
            for (String trackingId : trackingIds) {
                List<String> ids = byTracking.getOrDefault(trackingId, List.of());
                synchronized (ids) {
                    ids.stream().filter(id -> java.util.Collections.frequency(ids, id) > 1).distinct()
                            .forEach(id -> found.add((byTracking == submitted ? "BlueprintSubmitted " : endKind.get(trackingId) + " ")
                                    + id + " (tracking " + trackingId + ")"));
                }
            }
        }
        return found;
    }

    private static long duplicates(Map<String, List<String>> byTracking, Collection<String> trackingIds) {
        long duplicates = 0;
        for (String trackingId : trackingIds) {
            List<String> ids = byTracking.getOrDefault(trackingId, List.of());
            synchronized (ids) {
                duplicates += ids.size() - ids.stream().distinct().count();
            }
        }
        return duplicates;
    }

    long unreadable() {
        return unreadable.sum();
    }

    /** Records on every dead-letter topic ({@code *.dlt}), read committed from the first offset. */
    long deadLetters() {
        try (KafkaConsumer<String, byte[]> dlt = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName()))) {
            List<TopicPartition> partitions = dlt.listTopics().keySet().stream()
                    .filter(topic -> topic.endsWith(DharmaTopic.DEAD_LETTER_SUFFIX))
                    .flatMap(topic -> dlt.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())))
                    .toList();
            dlt.assign(partitions);
            dlt.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = dlt.endOffsets(partitions);
            long count = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> dlt.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                count += dlt.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }

    /** The sandbox's resources of a tenant: in its inventory now, and how many were created more than once (audit log). */
    record Inventory(long resources, long creates, long createdTwice) {
    }

    Inventory inventory(String tenant) {
        String schema = SandboxAutoConfiguration.SCHEMA;
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            long resources = single(c, "SELECT count(*) FROM " + schema + ".resource WHERE tenant_id = ?", tenant);
            long creates = single(c, "SELECT count(*) FROM " + schema + ".operation WHERE tenant_id = ? AND kind = 'CREATE'", tenant);
            long createdTwice = single(c, "SELECT count(*) FROM (SELECT resource_id FROM " + schema + ".operation"
                    + " WHERE tenant_id = ? AND kind = 'CREATE' GROUP BY resource_id HAVING count(*) > 1) twice", tenant);
            return new Inventory(resources, creates, createdTwice);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the sandbox inventory at " + jdbcUrl, e);
        }
    }

    private static long single(Connection c, String sql, String tenant) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        poller.join(Duration.ofSeconds(10));
    }
}
