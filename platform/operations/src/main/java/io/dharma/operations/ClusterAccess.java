package io.dharma.operations;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.dharma.serde.SchemaRegistryClient;
import io.dharma.serde.SchemaRegistryClientConfig;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Where the operations find Kafka and the schema registry, and how long they wait for either.
 * The timeout is short on purpose: an operator at a terminal wants "cannot reach Kafka" in
 * seconds, not the clients' default minute of retries.
 */
public record ClusterAccess(String bootstrapServers, String registryUrl, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public ClusterAccess(String bootstrapServers, String registryUrl) {
        this(bootstrapServers, registryUrl, DEFAULT_TIMEOUT);
    }

    public Admin admin() {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "dharma-operations-admin");
        return Admin.create(config);
    }

    /**
     * A consumer without a group: it is only ever assigned partitions by hand, so it cannot
     * commit offsets or join a group, and it reads committed transactions only, as every Dharma
     * consumer does.
     */
    public KafkaConsumer<String, byte[]> readOnlyConsumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis());
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dharma-operations-reader");
        // Replays read whole topics: larger polls and fetches than a service consumer's defaults.
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        config.put(CommonClientConfigs.METADATA_MAX_AGE_CONFIG, 30_000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * An idempotent producer ({@code acks=all}) of raw values, for operations that write records back
     * as they were (a redrive of dead letters), so nothing is re-encoded.
     */
    public KafkaProducer<String, byte[]> rawProducer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis() * 3);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "dharma-operations-writer");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    public SchemaRegistryClient registry() {
        SchemaRegistryClientConfig urls = SchemaRegistryClientConfig.of(registryUrl);
        return new SchemaRegistryClient(new SchemaRegistryClientConfig(urls.urls(), null, timeout, timeout));
    }

    /** Waits for an Admin result, turning Kafka's failures into messages an operator can act on. */
    public <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw unreachable(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationException("Interrupted while " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownTopicOrPartitionException) {
                throw new OperationException("Unknown topic while " + what + ": " + cause.getMessage(), cause);
            }
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(what, cause);
            }
            throw new OperationException("Kafka refused " + what + ": " + cause.getMessage(), cause);
        }
    }

    OperationException unreachable(String what, Throwable cause) {
        return new OperationException("Cannot reach Kafka at %s within %ss while %s (is the broker running? --bootstrap-server)"
                .formatted(bootstrapServers, timeout.toSeconds(), what), cause);
    }

    private int millis() {
        return (int) timeout.toMillis();
    }
}
