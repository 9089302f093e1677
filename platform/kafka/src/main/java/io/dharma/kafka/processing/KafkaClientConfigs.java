package io.dharma.kafka.processing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

import io.dharma.serde.AvroDeserializer;
import io.dharma.serde.AvroSerdeConfig;
import io.dharma.serde.AvroSerializer;

/**
 * The Kafka client settings of the processing machinery: whatever the application configured
 * for Spring Boot's clients ({@code spring.kafka.*}: servers, security, client properties), with
 * the settings exactly-once processing depends on forced on top.
 */
final class KafkaClientConfigs {

    /** Producer transactions are aborted by the broker after this long without a commit. */
    static final int DEFAULT_TRANSACTION_TIMEOUT_MS = 30_000;

    private KafkaClientConfigs() {
    }

    static Map<String, Object> consumer(Map<String, Object> bootConsumerConfig, String registryUrl) {
        Map<String, Object> config = new HashMap<>(bootConsumerConfig);
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new consumer group reads the topic from the start, so a service deployed after the
        // first events were published still sees them. An explicit setting wins.
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putIfAbsent(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        return config;
    }

    /**
     * @param maxMessageBytes the topics' {@code max.message.bytes}: the producer's
     *                        {@code max.request.size} unless set explicitly, so a record the producer
     *                        sends is one the topic accepts
     */
    static Map<String, Object> producer(Map<String, Object> bootProducerConfig, String registryUrl, int maxMessageBytes) {
        Map<String, Object> config = new HashMap<>(bootProducerConfig);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, DEFAULT_TRANSACTION_TIMEOUT_MS);
        config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxMessageBytes);
        config.putIfAbsent(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        return config;
    }

    static Deserializer<String> keyDeserializer() {
        return new StringDeserializer();
    }

    /** Avro from the registry; a failure becomes a null value plus a header, so the DLT gets the raw bytes. */
    static Deserializer<Object> valueDeserializer() {
        return new ErrorHandlingDeserializer<>(new AvroDeserializer<>());
    }

    static Serializer<String> keySerializer() {
        return new StringSerializer();
    }

    /**
     * Avro records in the Confluent wire format; raw bytes as they are, which is how the original
     * bytes of an unreadable record reach its DLT.
     */
    static Serializer<Object> valueSerializer() {
        Map<Class<?>, Serializer<?>> delegates = new LinkedHashMap<>();
        delegates.put(byte[].class, new ByteArraySerializer());
        delegates.put(GenericContainer.class, new AvroSerializer<>());
        return new DelegatingByTypeSerializer(delegates, true);
    }
}
