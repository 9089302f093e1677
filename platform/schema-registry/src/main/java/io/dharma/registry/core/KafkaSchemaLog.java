package io.dharma.registry.core;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SchemaLog} on a single-partition compacted Kafka topic, like Confluent's
 * {@code _schemas}. A reader thread consumes the topic from the beginning into the
 * {@link RegistryState}; {@link #start()} returns once it has caught up, and {@link #append}
 * waits until the reader has applied the appended record, so every answer reflects its write.
 */
public final class KafkaSchemaLog implements SchemaLog {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaLog.class);
    private static final Duration POLL = Duration.ofMillis(100);

    /** Where and how to keep the log. {@code replicationFactor} <= 0 means min(3, brokers). */
    public record Settings(String bootstrapServers, String topic, short replicationFactor,
                           Duration timeout, Map<String, Object> clientProperties) {

        public Settings {
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new IllegalArgumentException("the registry needs Kafka bootstrap servers");
            }
            clientProperties = Map.copyOf(clientProperties == null ? Map.of() : clientProperties);
        }
    }

    private final Settings settings;
    private final RegistryState state;
    private final StoreRecordCodec codec = new StoreRecordCodec();
    private final TopicPartition partition;
    private final Object progress = new Object();
    private volatile long appliedPosition = -1;
    private volatile RuntimeException readerFailure;
    private volatile boolean running;
    private KafkaProducer<byte[], byte[]> producer;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread reader;

    public KafkaSchemaLog(Settings settings, RegistryState state) {
        this.settings = settings;
        this.state = state;
        this.partition = new TopicPartition(settings.topic(), 0);
    }

    /** Creates the topic if missing, then replays it into the state. Blocks until caught up. */
    public KafkaSchemaLog start() {
        ensureTopic();
        producer = new KafkaProducer<>(producerProperties());
        consumer = new KafkaConsumer<>(consumerProperties());
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition), settings.timeout()).get(partition);
        running = true;
        reader = Thread.ofPlatform().name("schema-log-reader-" + settings.topic()).daemon().start(this::readLoop);
        awaitPosition(end, "replaying " + settings.topic());
        LOG.info("Schema registry state rebuilt from {} ({} records)", settings.topic(), end);
        return this;
    }

    @Override
    public void append(StoreKey key, Object value) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(settings.topic(), 0,
                codec.encodeKey(key), codec.encodeValue(key, value));
        RecordMetadata written;
        try {
            written = producer.send(record).get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.storeError("Interrupted while writing to the schema log", e);
        } catch (ExecutionException e) {
            throw RegistryException.storeError("Failed to write to the schema log: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw RegistryException.operationTimeout("Writing to the schema log timed out");
        }
        awaitPosition(written.offset() + 1, "reading back the schema log");
    }

    private void readLoop() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    applyRecord(record);
                }
                appliedPosition = consumer.position(partition);
                synchronized (progress) {
                    progress.notifyAll();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                fail(new IllegalStateException("schema log reader woken unexpectedly", e));
            }
        } catch (RuntimeException e) {
            LOG.error("Schema log reader stopped", e);
            fail(e);
        }
    }

    private void applyRecord(ConsumerRecord<byte[], byte[]> record) {
        Optional<StoreKey> key;
        try {
            key = codec.decodeKey(record.key());
        } catch (RuntimeException e) {
            LOG.warn("Skipping unreadable schema log key at offset {}: {}", record.offset(), e.getMessage());
            return;
        }
        if (key.isEmpty()) {
            return;
        }
        if (record.value() == null) {
            state.apply(key.get(), null);
            return;
        }
        try {
            codec.decodeValue(key.get(), record.value()).ifPresent(value -> state.apply(key.get(), value));
        } catch (RuntimeException e) {
            LOG.warn("Skipping unreadable schema log value at offset {}: {}", record.offset(), e.getMessage());
        }
    }

    private void fail(RuntimeException e) {
        readerFailure = e;
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private void awaitPosition(long position, String what) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        synchronized (progress) {
            while (appliedPosition < position) {
                if (readerFailure != null) {
                    throw RegistryException.storeError("The schema log reader failed: " + readerFailure.getMessage(),
                            readerFailure);
                }
                long waitMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (waitMillis <= 0) {
                    throw RegistryException.operationTimeout("Timed out " + what + " up to offset " + position);
                }
                try {
                    progress.wait(waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw RegistryException.storeError("Interrupted while " + what, e);
                }
            }
        }
    }

    private void ensureTopic() {
        try (Admin admin = Admin.create(adminProperties())) {
            Optional<TopicDescription> existing = describe(admin);
            if (existing.isEmpty()) {
                createTopic(admin);
                existing = awaitDescribed(admin);
            }
            verifyTopic(admin, existing.orElseThrow(
                    () -> new IllegalStateException("Schema topic " + settings.topic() + " was not created")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing schema topic " + settings.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot prepare schema topic " + settings.topic() + ": " + e.getMessage(), e);
        }
    }

    private Optional<TopicDescription> describe(Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return Optional.of(admin.describeTopics(List.of(settings.topic())).allTopicNames()
                    .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS).get(settings.topic()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * A created topic reaches the broker's metadata a moment later (longer on a loaded machine), so
     * look it up until it is there or the timeout passes.
     */
    private Optional<TopicDescription> awaitDescribed(Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        Optional<TopicDescription> described = describe(admin);
        while (described.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            described = describe(admin);
        }
        return described;
    }

    private void createTopic(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        short replicationFactor = settings.replicationFactor();
        if (replicationFactor <= 0) {
            int brokers = admin.describeCluster().nodes().get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS).size();
            replicationFactor = (short) Math.min(3, Math.max(1, brokers));
        }
        NewTopic topic = new NewTopic(settings.topic(), 1, replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(topic)).all().get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created schema topic {} (compacted, replication factor {})", settings.topic(), replicationFactor);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** The log must be one ordered partition that compaction never truncates, as Confluent requires. */
    private void verifyTopic(Admin admin, TopicDescription description)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (description.partitions().size() != 1) {
            throw new IllegalStateException("Schema topic %s must have exactly 1 partition, has %d"
                    .formatted(settings.topic(), description.partitions().size()));
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, settings.topic());
        Config config = admin.describeConfigs(List.of(resource)).all()
                .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS).get(resource);
        String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        if (!TopicConfig.CLEANUP_POLICY_COMPACT.equals(policy)) {
            throw new IllegalStateException("Schema topic %s must have cleanup.policy=compact, has %s"
                    .formatted(settings.topic(), policy));
        }
    }

    private Map<String, Object> adminProperties() {
        Map<String, Object> props = new HashMap<>(settings.clientProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "dharma-schema-registry-admin");
        return props;
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> props = new HashMap<>(settings.clientProperties());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "dharma-schema-registry-writer");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.timeout().toMillis());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> props = new HashMap<>(settings.clientProperties());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "dharma-schema-registry-reader");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
