package io.dharma.kafka.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.kafka.lifecycle.RetrySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.transaction.PlatformTransactionManager;

import io.dharma.kafka.TestStack;

/** How the processing auto-configuration fits into a Spring Boot application. */
class DharmaProcessingAutoConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, FlywayAutoConfiguration.class,
                    DharmaProcessingAutoConfiguration.class))
            .withPropertyValues(withPostgres(
                    "spring.application.name=dharma-wiring-test",
                    "spring.kafka.bootstrap-servers=" + TestStack.bootstrapServers(),
                    "dharma.schema-registry.url=http://registry.test:8081"));

    @Test
    void theServiceKeepsBootsOwnKafkaTemplateAndTransactionManager() {
        runner.withUserConfiguration(PlainClients.class).run(context -> {
            assertThat(context).hasNotFailed();
            PlainClients clients = context.getBean(PlainClients.class);
            assertThat(clients.template).isSameAs(context.getBean("kafkaTemplate"));
            assertThat(clients.transactionManager).isInstanceOf(JdbcTransactionManager.class);
            assertThat(context).hasBean(DharmaProcessingAutoConfiguration.LISTENER_CONTAINER_FACTORY);
            assertThat(context).hasSingleBean(EventPublisher.class);
        });
    }

    @Test
    void bootsFlywayBacksOffAndThePlatformMigratesItsOwnSchema() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(Flyway.class)).containsOnlyKeys("platformFlyway");
            List<String> applied = JdbcClient.create(TestStack.dataSource())
                    .sql("select version from platform.flyway_schema_history where success order by installed_rank")
                    .query(String.class)
                    .list();
            assertThat(applied).contains("1");
        });
    }

    @Test
    void consumersReadCommittedAvroAndNeverAutoCommit() {
        runner.withPropertyValues("spring.kafka.consumer.isolation-level=read-uncommitted",
                        "spring.kafka.consumer.enable-auto-commit=true")
                .run(context -> {
                    DefaultKafkaConsumerFactory<?, ?> factory = context.getBean("dharmaConsumerFactory", DefaultKafkaConsumerFactory.class);
                    Map<String, Object> config = factory.getConfigurationProperties();
                    assertThat(config).containsEntry("isolation.level", "read_committed")
                            .containsEntry("enable.auto.commit", false)
                            .containsEntry("auto.offset.reset", "earliest")
                            .containsEntry("specific.avro.reader", true)
                            .containsEntry("schema.registry.url", "http://registry.test:8081");
                    assertThat(factory.getValueDeserializer()).isInstanceOf(ErrorHandlingDeserializer.class);
                });
    }

    @Test
    void anExplicitOffsetResetPolicyWins() {
        runner.withPropertyValues("spring.kafka.consumer.auto-offset-reset=latest").run(context ->
                assertThat(context.getBean("dharmaConsumerFactory", DefaultKafkaConsumerFactory.class).getConfigurationProperties())
                        .containsEntry("auto.offset.reset", "latest"));
    }

    @Test
    void producersAreTransactionalWithAPrefixOfTheirOwn() {
        runner.run(context -> {
            DefaultKafkaProducerFactory<?, ?> factory = context.getBean("dharmaProducerFactory", DefaultKafkaProducerFactory.class);
            assertThat(factory.transactionCapable()).isTrue();
            assertThat(factory.getTransactionIdPrefix()).matches("dharma-wiring-test-[0-9a-f]{12}-");
            assertThat(factory.getConfigurationProperties())
                    .containsEntry("acks", "all")
                    .containsEntry("enable.idempotence", true)
                    .containsEntry("transaction.timeout.ms", 30_000);
        });
    }

    @Test
    void transientFailuresAreRetriedFiveTimesOverAboutFifteenSecondsByDefault() {
        runner.run(context -> assertThat(context.getBean(DharmaProcessingProperties.class).retry())
                .isEqualTo(new RetrySettings(5, Duration.ofSeconds(1), 2, Duration.ofSeconds(10))));
    }

    @Test
    void aPrefixSharedWithBootsProducerFactoryIsRefused() {
        runner.withPropertyValues("spring.kafka.producer.transaction-id-prefix=same-",
                        "dharma.kafka.processing.transaction-id-prefix=same-")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("must differ from spring.kafka.producer.transaction-id-prefix"));
    }

    @Test
    void withoutADataSourceThereIsNoProcessing() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, DharmaProcessingAutoConfiguration.class))
                .withPropertyValues("spring.kafka.bootstrap-servers=" + TestStack.bootstrapServers())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(DharmaProcessingAutoConfiguration.LISTENER_CONTAINER_FACTORY);
                    assertThat(context).doesNotHaveBean(EventPublisher.class);
                });
    }

    @Test
    void aListenerWithoutAConsumerGroupIsRefused() {
        runner.withUserConfiguration(ListenerWithoutGroup.class).run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("has no consumer group"));
    }

    @Test
    void aBatchListenerIsRefused() {
        runner.withUserConfiguration(BatchListener.class).run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("is a batch listener"));
    }

    private static String[] withPostgres(String... properties) {
        List<String> all = new ArrayList<>(List.of(properties));
        TestStack.springProperties().forEach((key, value) -> {
            if (key.startsWith("spring.datasource.")) {
                all.add(key + "=" + value);
            }
        });
        return all.toArray(String[]::new);
    }

    /** Service code that injects Kafka and transaction beans by type, as services do. */
    @Configuration(proxyBeanMethods = false)
    static class PlainClients {

        KafkaTemplate<Object, Object> template;
        PlatformTransactionManager transactionManager;

        @Bean
        Object plainClientsUser(KafkaTemplate<Object, Object> template, PlatformTransactionManager transactionManager) {
            this.template = template;
            this.transactionManager = transactionManager;
            return new Object();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ListenerWithoutGroup {

        @KafkaListener(topics = "wiring-test", containerFactory = DharmaProcessingAutoConfiguration.LISTENER_CONTAINER_FACTORY,
                autoStartup = "false")
        void on(ConsumerRecord<String, Object> record) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BatchListener {

        @KafkaListener(id = "dharma-wiring-test", topics = "wiring-test", batch = "true", autoStartup = "false",
                containerFactory = DharmaProcessingAutoConfiguration.LISTENER_CONTAINER_FACTORY)
        void on(List<ConsumerRecord<String, Object>> records) {
        }
    }
}
