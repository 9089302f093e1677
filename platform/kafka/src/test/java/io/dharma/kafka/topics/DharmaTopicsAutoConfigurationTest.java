package io.dharma.kafka.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaAdmin;

import io.dharma.topics.DharmaTopic;

/** Property binding and bean conditions; topic creation on a real broker is in {@link TopicCreationTest}. */
class DharmaTopicsAutoConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DharmaTopicsAutoConfiguration.class));

    @Test
    void bindsPropertiesIntoTheCatalogue() {
        runner.withPropertyValues(
                        "dharma.kafka.topics.partitions=12",
                        "dharma.kafka.topics.replication-factor=3",
                        "dharma.kafka.topics.configs.observations.retention.ms=604800000")
                .run(context -> {
                    TopicCatalogue catalogue = context.getBean(TopicCatalogue.class);
                    TopicSpec observations = catalogue.spec(DharmaTopic.OBSERVATIONS);
                    assertThat(observations.partitions()).isEqualTo(12);
                    assertThat(observations.replicationFactor()).isEqualTo((short) 3);
                    assertThat(observations.configs())
                            .containsEntry("retention.ms", "604800000")
                            .containsEntry("min.insync.replicas", "2");
                    assertThat(context).hasSingleBean(KafkaAdmin.NewTopics.class);
                });
    }

    @Test
    void declaresNoTopicsWhenCreationIsOff() {
        runner.withPropertyValues("dharma.kafka.topics.create=false")
                .run(context -> {
                    assertThat(context).hasSingleBean(TopicCatalogue.class);
                    assertThat(context).doesNotHaveBean(KafkaAdmin.NewTopics.class);
                });
    }

    @Test
    void refusesToStartWithAnImpossibleSetting() {
        runner.withPropertyValues("dharma.kafka.topics.partitions=0")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("dharma.kafka.topics.partitions must be >= 1"));
    }
}
