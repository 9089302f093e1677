package io.dharma.intake;

import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Envelopes;
import io.dharma.intake.outbox.OutboxRelay;
import io.dharma.intake.outbox.OutboxSignal;
import io.dharma.intake.outbox.OutboxStore;
import io.dharma.intake.submission.SubmissionService;
import io.dharma.serde.AvroSerializer;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    BlueprintValidator blueprintValidator() {
        return new BlueprintValidator();
    }

    @Bean
    Envelopes envelopes() {
        return Envelopes.forProducer(SubmissionService.PRODUCER);
    }

    /**
     * The relay's producer: {@code spring.kafka.*} settings, then what the outbox needs: an
     * idempotent producer (acks=all, ordered retries) writing Confluent-wire-format Avro, and
     * bounded waits so a Kafka outage turns into a retried batch rather than a stuck thread.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "dharma.intake.relay.enabled", havingValue = "true", matchIfMissing = true)
    Producer<String, BlueprintSubmitted> blueprintEventProducer(KafkaProperties kafka,
            @Value("${dharma.schema-registry.url}") String registryUrl) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class);
        config.put("schema.registry.url", registryUrl);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "dharma-intake-outbox");
        return new KafkaProducer<>(config);
    }

    @Bean
    @ConditionalOnProperty(name = "dharma.intake.relay.enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(OutboxStore store, Producer<String, BlueprintSubmitted> producer,
            TransactionTemplate transactions, OutboxSignal signal, IntakeProperties properties) {
        return new OutboxRelay(store, producer, transactions, signal, properties.relay());
    }
}
