package io.dharma.operations.web;

import io.dharma.operations.BlueprintAudit;
import io.dharma.operations.ClusterAccess;
import io.dharma.web.WebAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The audit endpoint, reading the topics of the platform's own Kafka and registry. */
@AutoConfiguration(after = {WebAutoConfiguration.class, KafkaAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(AuditController.class)
public class OperationsWebAutoConfiguration {

    @Bean
    ClusterAccess operationsClusterAccess(KafkaProperties kafka,
            @Value("${dharma.schema-registry.url:http://localhost:8081}") String registryUrl) {
        return new ClusterAccess(String.join(",", kafka.getBootstrapServers()), registryUrl);
    }

    @Bean
    BlueprintAudit operationsBlueprintAudit(ClusterAccess operationsClusterAccess) {
        return new BlueprintAudit(operationsClusterAccess);
    }
}
