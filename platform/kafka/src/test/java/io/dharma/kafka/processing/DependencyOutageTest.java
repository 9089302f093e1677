package io.dharma.kafka.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.awaitility.Awaitility;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.kafka.TestStack;
import io.dharma.testing.EmbeddedStack;
import io.dharma.testing.TopicProbe;
import io.dharma.testing.TopicWriter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * PostgreSQL stops taking connections for a while (the database refuses new ones and the open
 * ones are terminated, as in a restart) while records arrive: the listener's own queries, the
 * eventId lookup and the processed-event insert all fail. With 3 attempts of 100–200 ms this
 * outage would dead-letter every record; instead none is, and once the database answers again
 * every record is processed exactly once.
 */
class DependencyOutageTest {

    private static final int BEFORE = 12;
    private static final int DURING = 30;
    private static final Duration OUTAGE = Duration.ofSeconds(12);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void aDatabaseOutageDeadLettersNothingAndEveryRecordIsProcessedOnceItIsBack() throws Exception {
        PipelineUnderTest pipeline = PipelineUnderTest.create();
        try (ConfigurableApplicationContext service = pipeline.start(
                "--test.query-database=true",
                "--spring.datasource.hikari.connection-timeout=500",
                "--dharma.kafka.processing.outage.initial-interval=200ms",
                "--dharma.kafka.processing.outage.max-interval=2s",
                "--spring.kafka.consumer.max-poll-records=5")) {
            List<BlueprintSubmitted> before = blueprints(BEFORE, "before");
            TopicWriter.onStack().send(pipeline.inputTopic(), before, (BlueprintSubmitted v) -> v.getEnvelope().getBlueprintId());
            awaitOneOutputEach(pipeline, before);

            List<BlueprintSubmitted> during = blueprints(DURING, "during");
            refuseConnections(true);
            try {
                assertThatThrownBy(() -> TestStack.dataSource().getConnection().close())
                        .as("the database refuses connections during the outage").isInstanceOf(SQLException.class);
                for (BlueprintSubmitted input : during) {
                    TopicWriter.onStack().send(pipeline.inputTopic(), input.getEnvelope().getBlueprintId(), input);
                    Thread.sleep(OUTAGE.dividedBy(DURING));   // records keep arriving throughout the outage
                }
            } finally {
                refuseConnections(false);
            }

            Map<UUID, Long> outputs = awaitOneOutputEach(pipeline, during);
            assertThat(outputs.values()).as("exactly one output per input").containsOnly(1L);
            assertThat(TopicProbe.onStack().readAllRaw(pipeline.inputDeadLetterTopic())).as("dead letters").isEmpty();
            assertThat(service.getBean(MeterRegistry.class).find(ProcessingMetrics.DEAD_LETTERED).counters()).isEmpty();
        }
    }

    private static List<BlueprintSubmitted> blueprints(int count, String name) {
        return IntStream.range(0, count).mapToObj(i -> TestEvents.blueprint(TestEvents.newBlueprintId(), name)).toList();
    }

    /**
     * Waits until every input has an output, then counts the outputs per input eventId. Records of
     * one key are processed in order and each input has its own key, so once all outputs are there
     * anything that could have gone to the DLT instead already has.
     */
    private static Map<UUID, Long> awaitOneOutputEach(PipelineUnderTest pipeline, List<BlueprintSubmitted> inputs) {
        List<UUID> causes = inputs.stream().map(input -> input.getEnvelope().getEventId()).toList();
        Function<List<ConsumerRecord<String, GuardrailsEvaluated>>, Map<UUID, Long>> byCause = outputs -> outputs.stream()
                .map(output -> output.value().getEnvelope().getCausationId())
                .filter(causes::contains)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        return Awaitility.await().atMost(TIMEOUT).until(() -> byCause.apply(TopicProbe.onStack().readAll(pipeline.outputTopic())),
                counted -> counted.keySet().containsAll(causes));
    }

    /** Makes the application database refuse new connections and ends the open ones, or lets them in again. */
    private static void refuseConnections(boolean refuse) throws SQLException {
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(EmbeddedStack.get().jdbcUrl().replaceFirst("/[^/?]+$", "/postgres"));
        admin.setUser(EmbeddedStack.get().springProperties().get("spring.datasource.username").toString());
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE dharma WITH ALLOW_CONNECTIONS " + !refuse);
            if (refuse) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'dharma'");
            }
        }
    }
}
