package io.dharma.kafka.processing;

import javax.sql.DataSource;

import io.dharma.database.MigratesSchema;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

import io.dharma.kafka.topics.DharmaTopicsProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/**
 * The one way Dharma services consume and emit events (ADR 0005): transactional
 * read-process-write, eventId deduplication, retries and dead letters.
 *
 * <p>A service writes a listener on {@value #LISTENER_CONTAINER_FACTORY} and emits through
 * {@link EventPublisher}:
 * <pre>{@code
 * @KafkaListener(id = "dharma-guardrails", topics = DharmaTopicNames.BLUEPRINTS,
 *                containerFactory = DharmaProcessingAutoConfiguration.LISTENER_CONTAINER_FACTORY)
 * void on(ConsumerRecord<String, BlueprintSubmitted> record) {
 *     events.emit(DharmaTopic.GUARDRAILS, evaluate(record.value()));
 * }
 * }</pre>
 *
 * <p>The Kafka beans here are separate from Spring Boot's {@code kafkaTemplate} and factories
 * (whose configuration they start from) and are not default candidates, so they neither replace
 * nor clash with them: a service may still use Boot's plain clients for other purposes. Needs a
 * {@link DataSource} (PostgreSQL) for the processed-event log; the platform migrates its own
 * schema {@value #PLATFORM_SCHEMA} with its own Flyway, which makes Boot's Flyway auto-configuration
 * back off (each module owns its schema and Flyway bean, see ADR 0005).
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"},
        beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass({KafkaTemplate.class, JdbcClient.class, Flyway.class})
@ConditionalOnBooleanProperty(name = "dharma.kafka.processing.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties({DharmaProcessingProperties.class, DharmaTopicsProperties.class})
@MigratesSchema(DharmaProcessingAutoConfiguration.PLATFORM_SCHEMA)
public class DharmaProcessingAutoConfiguration {

    public static final String LISTENER_CONTAINER_FACTORY = "dharmaListenerContainerFactory";
    public static final String PLATFORM_SCHEMA = "platform";
    /** The platform schema's Flyway, registered by {@link MigratesSchema}. */
    public static final String PLATFORM_FLYWAY = PLATFORM_SCHEMA + "Flyway";
    /** What a bean reading the platform schema depends on: the migration, registered by {@link MigratesSchema}. */
    public static final String PLATFORM_MIGRATION = PLATFORM_FLYWAY + "Initializer";
    static final String DEFAULT_REGISTRY_URL = "http://localhost:8081";

    @Bean
    @DependsOn(PLATFORM_MIGRATION)
    ProcessedEventLog dharmaProcessedEventLog(DataSource dataSource) {
        return new ProcessedEventLog(dataSource);
    }

    @Bean
    ProcessingMetrics dharmaProcessingMetrics(ObjectProvider<MeterRegistry> registry) {
        // Without a registry (no actuator) counting goes nowhere: an empty composite is a no-op.
        return new ProcessingMetrics(registry.getIfUnique(CompositeMeterRegistry::new));
    }

    @Bean(defaultCandidate = false)
    DefaultKafkaProducerFactory<String, Object> dharmaProducerFactory(
            ProducerFactory<?, ?> kafkaProducerFactory, KafkaProperties kafkaProperties,
            DharmaProcessingProperties properties, DharmaTopicsProperties topics, Environment environment,
            ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
        String prefix = properties.effectiveTransactionIdPrefix(environment.getProperty("spring.application.name", "dharma"));
        if (prefix.equals(kafkaProperties.getProducer().getTransactionIdPrefix())) {
            throw new IllegalStateException("dharma.kafka.processing.transaction-id-prefix must differ from "
                    + "spring.kafka.producer.transaction-id-prefix (" + prefix + "): two producer factories with the "
                    + "same prefix would fence each other's producers");
        }
        DefaultKafkaProducerFactory<String, Object> factory = new DefaultKafkaProducerFactory<>(
                KafkaClientConfigs.producer(kafkaProducerFactory.getConfigurationProperties(), registryUrl(environment),
                        topics.maxMessageBytes()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(factory));
        factory.setKeySerializerSupplier(KafkaClientConfigs::keySerializer);
        factory.setValueSerializerSupplier(KafkaClientConfigs::valueSerializer);
        factory.setTransactionIdPrefix(prefix);
        return factory;
    }

    @Bean(defaultCandidate = false)
    KafkaTemplate<String, Object> dharmaKafkaTemplate(
            @Qualifier("dharmaProducerFactory") ProducerFactory<String, Object> producerFactory,
            KafkaProperties kafkaProperties) {
        KafkaTemplate<String, Object> template = new KafkaTemplate<>(producerFactory);
        template.setObservationEnabled(kafkaProperties.getTemplate().isObservationEnabled());
        return template;
    }

    @Bean(defaultCandidate = false)
    KafkaTransactionManager<String, Object> dharmaKafkaTransactionManager(
            @Qualifier("dharmaProducerFactory") ProducerFactory<String, Object> producerFactory) {
        KafkaTransactionManager<String, Object> transactionManager = new KafkaTransactionManager<>(producerFactory);
        // Off by default in Spring Kafka; on here so the processed-event log and counters can run
        // after the transaction commits (TransactionSynchronization#afterCommit).
        transactionManager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ALWAYS);
        return transactionManager;
    }

    @Bean(defaultCandidate = false)
    DefaultKafkaConsumerFactory<String, Object> dharmaConsumerFactory(
            ConsumerFactory<?, ?> kafkaConsumerFactory, Environment environment,
            ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers) {
        DefaultKafkaConsumerFactory<String, Object> factory = new DefaultKafkaConsumerFactory<>(
                KafkaClientConfigs.consumer(kafkaConsumerFactory.getConfigurationProperties(), registryUrl(environment)));
        customizers.orderedStream().forEach(customizer -> customizer.customize(factory));
        factory.setKeyDeserializerSupplier(KafkaClientConfigs::keyDeserializer);
        factory.setValueDeserializerSupplier(KafkaClientConfigs::valueDeserializer);
        return factory;
    }

    @Bean
    EventPublisher dharmaEventPublisher(@Qualifier("dharmaKafkaTemplate") KafkaTemplate<String, Object> template) {
        return new EventPublisher(template);
    }

    @Bean(name = LISTENER_CONTAINER_FACTORY, defaultCandidate = false)
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<Object, Object> dharmaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            @Qualifier("dharmaConsumerFactory") ConsumerFactory<String, Object> consumerFactory,
            @Qualifier("dharmaKafkaTransactionManager") KafkaTransactionManager<String, Object> transactionManager,
            @Qualifier("dharmaKafkaTemplate") KafkaTemplate<String, Object> template,
            ProcessedEventLog processedEvents, ProcessingMetrics metrics, DharmaProcessingProperties properties,
            ObjectProvider<ObservationRegistry> observations) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        // spring.kafka.listener.* (concurrency, poll timeout, observation...) apply as usual.
        configurer.configure(factory, (ConsumerFactory) consumerFactory);
        factory.setBatchListener(false);
        factory.getContainerProperties().setKafkaAwareTransactionManager(transactionManager);
        // Under a transaction manager and without an error handler, a failure rolls the
        // transaction back and the after-rollback processor (set per container) takes over.
        factory.setCommonErrorHandler(null);
        DeadLetterHandling deadLetters = new DeadLetterHandling(template,
                new FailureClassifier(properties.notRetryableExceptions(), properties.unavailableExceptions()),
                properties.retry(), metrics);
        factory.setContainerCustomizer(new DharmaListenerContainerCustomizer(processedEvents, metrics, deadLetters,
                properties.outage(), observations.getIfUnique(() -> ObservationRegistry.NOOP), properties.groupInstanceId()));
        return factory;
    }

    private static String registryUrl(Environment environment) {
        return environment.getProperty("dharma.schema-registry.url", DEFAULT_REGISTRY_URL);
    }
}
