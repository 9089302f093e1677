package io.dharma.intake;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.intake.api.BlueprintsController;
import io.dharma.intake.api.IntakeProblemResponses;
import io.dharma.intake.api.TrackingController;
import io.dharma.intake.outbox.OutboxRelay;
import io.dharma.intake.outbox.OutboxSignal;
import io.dharma.intake.outbox.OutboxStore;
import io.dharma.intake.store.BlueprintStore;
import io.dharma.intake.submission.SubmissionService;
import io.dharma.serde.AvroSerializer;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake service's beans, for running it alone ({@code app.IntakeApplication}) or inside the
 * one-JVM launcher. Bean names start with {@code intake} so they never clash with another
 * service's, and nothing shared is looked up by type alone.
 *
 * <p>Intake owns the PostgreSQL schema {@value #SCHEMA}: its own Flyway (migrations in
 * {@code classpath:db/intake}, history table in that schema) runs before anything touches the
 * database, so services sharing one database never mix their migrations.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class})
@EnableConfigurationProperties(IntakeProperties.class)
@Import({BlueprintsController.class, IntakeProblemResponses.class,
    SubmissionService.class, BlueprintStore.class, OutboxStore.class, OutboxSignal.class})
public class IntakeAutoConfiguration {

    public static final String SCHEMA = "intake";

    @Bean
    Flyway intakeFlyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/intake")
                .load();
    }

    @Bean
    FlywayMigrationInitializer intakeFlywayInitializer(Flyway intakeFlyway) {
        return new FlywayMigrationInitializer(intakeFlyway);
    }

    /**
     * The relay and its producer: {@code spring.kafka.*} settings, then what the outbox needs: an
     * idempotent producer (acks=all, ordered retries) writing Confluent-wire-format Avro, and
     * bounded waits so a Kafka outage turns into a retried batch rather than a stuck thread.
     */
    @Bean
    @ConditionalOnProperty(name = "dharma.intake.relay.enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay intakeOutboxRelay(OutboxStore store, TransactionTemplate transactions, OutboxSignal signal,
            IntakeProperties properties, KafkaProperties kafka, @Value("${dharma.schema-registry.url}") String registryUrl) {
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
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "dharma-intake-outbox");
        KafkaProducer<String, BlueprintSubmitted> producer = new KafkaProducer<>(config);
        return new OutboxRelay(store, producer, transactions, signal, properties.relay());
    }

    /**
     * Intake's own tracking endpoint (ACCEPTED/PUBLISHED) when it runs without the state
     * application; beside it (the launcher), the state's query API serves the same URL with every
     * stage and asks the intake only for submissions it has not seen yet.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("io.dharma.streams.StateAutoConfiguration")
    @Import(TrackingController.class)
    static class StandaloneTrackingConfiguration {
    }
}
