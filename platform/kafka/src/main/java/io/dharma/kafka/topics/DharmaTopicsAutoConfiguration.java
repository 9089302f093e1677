package io.dharma.kafka.topics;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares every catalogue topic to Spring Kafka's {@link KafkaAdmin} (auto-configured by Spring
 * Boot from {@code spring.kafka.*}), which creates the missing ones at start-up and grows the
 * partition count of existing ones; existing topics are otherwise left alone unless
 * {@code spring.kafka.admin.modify-topic-configs=true}. Set
 * {@code spring.kafka.admin.fail-fast=true} to refuse to start when the broker is unreachable.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaAdmin.class)
@EnableConfigurationProperties(DharmaTopicsProperties.class)
public class DharmaTopicsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TopicCatalogue topicCatalogue(DharmaTopicsProperties properties) {
        return new TopicCatalogue(properties);
    }

    @Bean
    @ConditionalOnProperty(prefix = "dharma.kafka.topics", name = "create", matchIfMissing = true)
    KafkaAdmin.NewTopics dharmaTopics(TopicCatalogue catalogue) {
        return new KafkaAdmin.NewTopics(catalogue.newTopics().toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnProperty(prefix = "dharma.kafka.topics", name = "create", matchIfMissing = true)
    TopicLeaders dharmaTopicLeaders(KafkaAdmin admin, TopicCatalogue catalogue) {
        return new TopicLeaders(admin, catalogue, Duration.ofSeconds(30));
    }
}
