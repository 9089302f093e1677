package io.dharma.generator.service;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.IacEvent;
import io.dharma.topics.DharmaTopicNames;
import io.dharma.testing.TopicProbe;
import io.dharma.testing.SubmissionStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The generator killed (SIGKILL, in its own JVM) while it works through a stream of submissions
 * and then restarted neither loses nor duplicates an IacEvent: counted by eventId.
 */
class GeneratorCrashTest {

    private static final Logger LOG = LoggerFactory.getLogger(GeneratorCrashTest.class);
    private static final int BLUEPRINTS = 30;
    private static final int VERSIONS = 10;
    private static final int INPUTS = BLUEPRINTS * VERSIONS;
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    @Test
    void killedMidStreamAndRestartedItNeitherLosesNorDuplicatesAnEvent() throws Exception {
        String group = "dharma-generator-crash-" + UUID.randomUUID().toString().substring(0, 8);
        String[] settings = {
                "--dharma.generator.consumer-group=" + group,
                // the killed consumer leaves the group, and its open transaction is aborted, quickly
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.producer.properties.transaction.timeout.ms=5000"};
        SubmissionStream stream = SubmissionStream.ofExamples("crash-test", BLUEPRINTS, VERSIONS);
        List<BlueprintSubmitted> published = stream.published();
        Set<UUID> causes = stream.inputEventIds();
        int beforeKill = published.size() * 2 / 3;

        Process consumer = GeneratorServiceFixture.startInOwnJvm("generator-crash-test-child.log", settings);
        try {
            GeneratorServiceFixture.submit(published.subList(0, beforeKill));
            await().atMost(TIMEOUT).until(() -> eventsOf(causes).size(), committed -> committed >= 30);
        } finally {
            consumer.destroyForcibly();
            assertThat(consumer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        int committedAtKill = eventsOf(causes).size();
        GeneratorServiceFixture.submit(published.subList(beforeKill, published.size()));

        try (ConfigurableApplicationContext restarted = GeneratorServiceFixture.start(settings)) {
            TopicProbe.onStack().awaitConsumed(group, submitted(causes), TIMEOUT);
        }

        // The killed generator's open transaction holds back the last stable offset until the broker
        // aborts it; read_committed readers see the restarted generator's events only after that.
        List<ConsumerRecord<String, IacEvent>> events = await().atMost(TIMEOUT).until(() -> eventsOf(causes),
                committed -> committed.size() >= INPUTS);
        LOG.info("{} submissions ({} published), {} IacEvents committed when the generator was killed, {} in the end",
                INPUTS, published.size(), committedAtKill, events.size());
        assertThat(committedAtKill).as("killed mid-stream").isLessThan(INPUTS);
        assertThat(events).as("IacEvents (records)").hasSize(INPUTS);
        assertThat(events.stream().map(record -> record.value().getEnvelope().getEventId()).distinct())
                .as("distinct IacEvent eventIds").hasSize(INPUTS);
        assertThat(events.stream().map(record -> record.value().getEnvelope().getCausationId()).collect(Collectors.toSet()))
                .as("one IacEvent per submission").isEqualTo(causes);
    }

    private static List<ConsumerRecord<String, IacEvent>> eventsOf(Set<UUID> causes) {
        return TopicProbe.onStack().<IacEvent>readAll(DharmaTopicNames.IAC).stream()
                .filter(record -> causes.contains(record.value().getEnvelope().getCausationId()))
                .toList();
    }

    /** The records of dharma.blueprints.v1 that are the submissions {@code inputEventIds}. */
    private static List<ConsumerRecord<String, BlueprintSubmitted>> submitted(Set<UUID> inputEventIds) {
        return TopicProbe.onStack().<BlueprintSubmitted>readAll(DharmaTopicNames.BLUEPRINTS).stream()
                .filter(record -> inputEventIds.contains(record.value().getEnvelope().getEventId()))
                .toList();
    }
}
