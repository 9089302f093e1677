package io.dharma.kafka.health;

import java.time.Duration;

import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health of the infrastructure every Dharma service needs: the Kafka cluster and the schema
 * registry. Include them in the readiness group (management.endpoint.health.group.readiness)
 * so a service is not ready before it can reach them.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
public class PlatformHealthAutoConfiguration {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(name = "healthCheckAdmin")
    Admin healthCheckAdmin(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    HealthIndicator kafkaHealthIndicator(Admin healthCheckAdmin) {
        return new KafkaClusterHealthIndicator(healthCheckAdmin, TIMEOUT);
    }

    @Bean
    @ConditionalOnProperty("dharma.schema-registry.url")
    @ConditionalOnMissingBean(name = "schemaRegistryHealthIndicator")
    HealthIndicator schemaRegistryHealthIndicator(@Value("${dharma.schema-registry.url}") String url) {
        return new SchemaRegistryHealthIndicator(url, TIMEOUT);
    }
}
