package io.dharma.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.dharma.events.BlueprintSubmitted;

/** The probe's reads are incremental, yet each one sees the whole topic as it is now. */
class TopicProbeTest {

    private static final Admin ADMIN = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            EmbeddedStack.get().bootstrapServers()));
    private static final String KEY = "bp-probe";

    private final TopicProbe probe = TopicProbe.onStack();
    private final String topic = "probe-test-" + UUID.randomUUID();

    @AfterAll
    static void close() {
        ADMIN.close();
    }

    @Test
    void aReadSeesTheTopicAsItIsNowEvenATopicCreatedAfterTheFirstRead() throws Exception {
        assertThat(probe.readAll(topic)).isEmpty();
        create(topic);
        BlueprintSubmitted first = submission();
        TopicWriter.onStack().send(topic, KEY, first);

        List<ConsumerRecord<String, BlueprintSubmitted>> before = probe.readAll(topic);
        BlueprintSubmitted second = submission();
        TopicWriter.onStack().send(topic, KEY, second);

        assertThat(probe.<BlueprintSubmitted>values(topic, KEY)).containsExactly(first, second);
        assertThat(before).as("an earlier read's copy").extracting(ConsumerRecord::value).containsExactly(first);
    }

    @Test
    void anUndecodableValueIsSkippedByDecodedReadsAndShownByRawOnes() throws Exception {
        create(topic);
        TopicWriter.onStack().sendRaw(new ProducerRecord<>(topic, KEY, "not avro".getBytes(StandardCharsets.UTF_8)));
        BlueprintSubmitted after = submission();
        TopicWriter.onStack().send(topic, KEY, after);

        assertThat(probe.<BlueprintSubmitted>values(topic, KEY)).containsExactly(after);
        assertThat(probe.generic().readAll(topic)).hasSize(1);
        assertThat(probe.readAllRaw(topic)).hasSize(2);
    }

    @Test
    void aDeletedAndRecreatedTopicIsReadFromItsNewBeginning() throws Exception {
        create(topic);
        TopicWriter.onStack().send(topic, List.of(submission(), submission()), (BlueprintSubmitted value) -> KEY);
        assertThat(probe.readAll(topic)).hasSize(2);

        ADMIN.deleteTopics(List.of(topic)).all().get();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            create(topic);
            return true;
        });
        BlueprintSubmitted afterRecreation = submission();
        TopicWriter.onStack().send(topic, KEY, afterRecreation);

        assertThat(probe.<BlueprintSubmitted>values(topic, KEY)).containsExactly(afterRecreation);
    }

    private static void create(String topic) throws Exception {
        ADMIN.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }

    private static BlueprintSubmitted submission() {
        return ExampleBlueprints.submitted("aws-web-app.yaml", "team-probe", "trk-" + UUID.randomUUID(), KEY);
    }
}
