package io.dharma.kafka.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.kafka.TestStack;
import io.micrometer.core.instrument.MeterRegistry;
import io.dharma.kafka.processing.PipelineUnderTest;
import io.dharma.kafka.processing.TestEvents;
import io.dharma.testing.TopicProbe;
import io.dharma.topics.DharmaTopic;

/**
 * The platform outbox on the real broker and database: what a committed transaction appended is
 * published once, in order, with its key and headers; what a rolled-back one appended never is;
 * a record Kafka refuses for good is set aside (reason, metric, listing) without holding back the
 * rows behind it or re-publishing the rows of its batch; a record too large for its topic can be
 * refused before it is stored.
 */
class OutboxTest {

    /** Small enough that a blueprint id of a few kilobytes makes a record the producer refuses. */
    private static final int MAX_REQUEST_SIZE = 4096;

    private static ConfigurableApplicationContext app;
    private static Outbox outbox;
    private static TransactionTemplate transactions;

    @BeforeAll
    static void start() {
        app = PipelineUnderTest.create().start("--spring.kafka.producer.properties.max.request.size=" + MAX_REQUEST_SIZE,
                "--dharma.kafka.outbox.poll-interval=200ms");
        outbox = app.getBean(Outbox.class);
        // The application's own DataSource: the outbox joins transactions of the DataSource it writes with.
        transactions = new TransactionTemplate(new JdbcTransactionManager(app.getBean(DataSource.class)));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void publishesCommittedRowsInOrderWithKeyAndHeaders() {
        String topic = newTopic();
        List<BlueprintSubmitted> events = List.of(event(), event(), event());
        transactions.executeWithoutResult(status -> events.forEach(event ->
                outbox.append(topic, "tenant-a", event, Map.of("dharma-source", "outbox-test"))));

        List<ConsumerRecord<String, BlueprintSubmitted>> published = awaitRecords(topic, 3);

        assertThat(published).extracting(ConsumerRecord::value).containsExactlyElementsOf(events);
        assertThat(published).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo("tenant-a");
            assertThat(new String(record.headers().lastHeader("dharma-source").value(), StandardCharsets.UTF_8))
                    .isEqualTo("outbox-test");
            // CloudEvents binary mode: a plain consumer routes on these without decoding Avro.
            assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                    .isEqualTo(record.value().getEnvelope().getEventId().toString());
            assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("io.dharma.events.BlueprintSubmitted");
            assertThat(new String(record.headers().lastHeader("ce_subject").value(), StandardCharsets.UTF_8))
                    .isEqualTo(record.value().getEnvelope().getBlueprintId());
        });
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String topic = newTopic();
        transactions.executeWithoutResult(status -> {
            outbox.append(topic, "k", event(), Map.of());
            status.setRollbackOnly();
        });
        BlueprintSubmitted committed = event();
        transactions.executeWithoutResult(status -> outbox.append(topic, "k", committed, Map.of()));

        assertThat(awaitRecords(topic, 1)).extracting(ConsumerRecord::value).containsExactly(committed);
        assertThat(rowsFor(topic)).isEqualTo(1);
    }

    @Test
    void aRecordKafkaRefusesIsMarkedFailedAndTheRowsBehindItArePublished() {
        String topic = newTopic();
        BlueprintSubmitted tooLarge = TestEvents.blueprint("bp-" + "x".repeat(2 * MAX_REQUEST_SIZE), "large");
        BlueprintSubmitted after = event();
        transactions.executeWithoutResult(status -> outbox.append(topic, "k", tooLarge, Map.of()));
        transactions.executeWithoutResult(status -> outbox.append(topic, "k", after, Map.of()));

        assertThat(awaitRecords(topic, 1)).extracting(ConsumerRecord::value).containsExactly(after);
        String failure = JdbcClient.create(TestStack.dataSource())
                .sql("select failure from platform.outbox where topic = :topic and failed_at is not null")
                .param("topic", topic).query(String.class).single();
        assertThat(failure).contains("RecordTooLargeException");
    }

    @Test
    void aRefusedRowIsCountedListedForOperatorsAndItsBatchIsPublishedOnce() {
        String topic = newTopic();
        BlueprintSubmitted before = event();
        BlueprintSubmitted tooLarge = TestEvents.blueprint("bp-" + "x".repeat(2 * MAX_REQUEST_SIZE), "large");
        BlueprintSubmitted after = event();
        // One transaction: the three rows are committed together, so the relay takes them in one batch.
        transactions.executeWithoutResult(status -> List.of(before, tooLarge, after)
                .forEach(event -> outbox.append(topic, "k", event, Map.of())));

        assertThat(awaitRecords(topic, 2)).extracting(ConsumerRecord::value).containsExactly(before, after);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> refusedCount(topic) == 1.0);
        assertThat(outbox.setAside(100)).filteredOn(row -> row.topic().equals(topic)).singleElement().satisfies(row -> {
            assertThat(row.eventId()).isEqualTo(tooLarge.getEnvelope().getEventId());
            assertThat(row.reason()).contains("RecordTooLargeException");
        });

        // A sentinel after them: once it is read, every record of the aborted first attempt would have been too.
        BlueprintSubmitted sentinel = event();
        transactions.executeWithoutResult(status -> outbox.append(topic, "k", sentinel, Map.of()));
        assertThat(awaitRecords(topic, 3)).extracting(ConsumerRecord::value)
                .as("the batch's acknowledged rows once each, read_committed")
                .containsExactly(before, after, sentinel);
    }

    @Test
    void appendWithinLimitRefusesAnEventLargerThanItsTopicAcceptsAndStoresNothing() {
        BlueprintSubmitted huge = TestEvents.blueprint("bp-" + "x".repeat(outbox.maxEventBytes()), "huge");

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> outbox.appendWithinLimit(DharmaTopic.BLUEPRINTS, huge)))
                .isInstanceOfSatisfying(EventTooLargeException.class, e -> {
                    assertThat(e.size()).isGreaterThan(outbox.maxEventBytes());
                    assertThat(e.limit()).isEqualTo(outbox.maxEventBytes());
                    assertThat(e.getMessage()).contains(String.valueOf(e.size()), String.valueOf(e.limit()));
                });
        int stored = JdbcClient.create(TestStack.dataSource())
                .sql("select count(*) from platform.outbox where event_id = :id")
                .param("id", huge.getEnvelope().getEventId()).query(Integer.class).single();
        assertThat(stored).isZero();
        assertThat(outbox.maxEventBytes()).as("1 MiB topics, 64 KiB kept for headers").isEqualTo(1_048_576 - 65_536);
    }

    @Test
    void anEventIsStoredOncePerEventIdAndItsPublicationCanBeAskedFor() {
        String topic = newTopic();
        BlueprintSubmitted event = event();
        UUID eventId = event.getEnvelope().getEventId();

        Boolean first = transactions.execute(status -> outbox.append(topic, "k", event, Map.of()));
        Boolean again = transactions.execute(status -> outbox.append(topic, "k", event, Map.of()));
        assertThat(first).isTrue();
        assertThat(again).as("the same eventId again, as after a crash").isFalse();

        assertThat(awaitRecords(topic, 1)).extracting(ConsumerRecord::value).containsExactly(event);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox.publishedAt(List.of(eventId)).containsKey(eventId));
        assertThat(outbox.publishedAt(List.of(UUID.randomUUID()))).isEmpty();
    }

    private static List<ConsumerRecord<String, BlueprintSubmitted>> awaitRecords(String topic, int count) {
        List<ConsumerRecord<String, BlueprintSubmitted>> records = TopicProbe.onStack().awaitCount(topic, count);
        assertThat(records).hasSize(count);
        return records;
    }

    private static double refusedCount(String topic) {
        var counter = app.getBean(MeterRegistry.class).find(OutboxRelay.REFUSED_METRIC).tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }

    private static int rowsFor(String topic) {
        return JdbcClient.create(TestStack.dataSource()).sql("select count(*) from platform.outbox where topic = :topic")
                .param("topic", topic).query(Integer.class).single();
    }

    private static BlueprintSubmitted event() {
        return TestEvents.blueprint(TestEvents.newBlueprintId(), "outbox");
    }

    private static String newTopic() {
        String topic = "test.outbox." + UUID.randomUUID().toString().substring(0, 8);
        TestStack.createTopicsWithDeadLetters(1, topic);
        return topic;
    }
}
