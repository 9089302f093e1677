package io.dharma.kafka.outbox;

import javax.sql.DataSource;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.dharma.kafka.processing.DharmaProcessingAutoConfiguration;
import io.dharma.kafka.tracing.TraceHandover;
import io.micrometer.observation.ObservationRegistry;
import io.dharma.kafka.topics.DharmaTopicsProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.dharma.serde.AvroSerializer;

/**
 * The platform outbox ({@link Outbox}) and its relay, wherever the processing machinery is
 * configured: the table lives in the platform schema that machinery migrates, and the relay
 * publishes with its transactional producer.
 */
@AutoConfiguration(after = DharmaProcessingAutoConfiguration.class)
@ConditionalOnBean(name = DharmaProcessingAutoConfiguration.PLATFORM_FLYWAY)
@EnableConfigurationProperties({OutboxProperties.class, DharmaTopicsProperties.class})
public class DharmaOutboxAutoConfiguration {

    @Bean
    OutboxSignal dharmaOutboxSignal() {
        return new OutboxSignal();
    }

    @Bean
    @DependsOn(DharmaProcessingAutoConfiguration.PLATFORM_MIGRATION)
    Outbox dharmaOutbox(DataSource dataSource, OutboxSignal signal, DharmaTopicsProperties topics,
            @Qualifier("dharmaProducerFactory") DefaultKafkaProducerFactory<String, Object> producers,
            ObjectProvider<ObservationRegistry> observations) {
        // The same registry settings as the producers that publish the rows.
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
        serializer.configure(producers.getConfigurationProperties(), false);
        return new Outbox(dataSource, serializer, signal, topics.maxEventBytes(), tracing(observations));
    }

    /**
     * The rows waiting for the relay (set-aside rows are counted by {@link OutboxRelay#REFUSED_METRIC}),
     * read at each scrape: one count on the partial index of pending rows. A backlog that keeps
     * growing means the relay or Kafka is not keeping up.
     */
    @Bean
    @DependsOn(DharmaProcessingAutoConfiguration.PLATFORM_MIGRATION)
    MeterBinder dharmaOutboxBacklog(DataSource dataSource) {
        JdbcClient db = JdbcClient.create(dataSource);
        return registry -> Gauge.builder(OutboxRelay.BACKLOG_METRIC, () -> db.sql(
                        "select count(*) from platform.outbox where published_at is null and failed_at is null")
                        .query(Long.class).single())
                .description("Outbox rows not yet published")
                .register(registry);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "dharma.kafka.outbox.enabled", matchIfMissing = true)
    @DependsOn(DharmaProcessingAutoConfiguration.PLATFORM_MIGRATION)
    OutboxRelay dharmaOutboxRelay(DataSource dataSource, OutboxSignal signal, OutboxProperties settings,
            @Qualifier("dharmaKafkaTemplate") KafkaTemplate<String, Object> kafka,
            ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations) {
        // Without a registry (no actuator) counting goes nowhere: an empty composite is a no-op.
        return new OutboxRelay(JdbcClient.create(dataSource), new TransactionTemplate(new JdbcTransactionManager(dataSource)),
                kafka, signal, settings, meters.getIfUnique(CompositeMeterRegistry::new), tracing(observations));
    }

    /** Without an observation registry (no actuator) there is no tracing either. */
    private static TraceHandover tracing(ObjectProvider<ObservationRegistry> observations) {
        return new TraceHandover(observations.getIfUnique(() -> ObservationRegistry.NOOP));
    }
}
