package io.dharma.kafka.processing.app;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Envelopes;
import io.dharma.events.GuardrailOutcome;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.kafka.processing.DharmaProcessingAutoConfiguration;
import io.dharma.kafka.processing.EventPublisher;
import io.dharma.kafka.processing.UnprocessableEventException;

/**
 * What a service listener looks like. The blueprint's name steers failures for the tests:
 * {@code unprocessable*}, {@code invalid*} (a validation exception), {@code flaky*} (fails on the
 * first attempt only), {@code broken*} (always fails transiently).
 */
public class GuardrailsTestListener {

    private final EventPublisher events;
    private final ListenerAttempts attempts;
    private final Envelopes envelopes = Envelopes.forProducer("guardrails-test");
    private final String outputTopic;
    private final Duration delayAfterEmit;
    private final JdbcTemplate database;

    GuardrailsTestListener(EventPublisher events, ListenerAttempts attempts, DataSource dataSource,
                           @Value("${test.output-topic}") String outputTopic,
                           @Value("${test.delay-after-emit:0ms}") Duration delayAfterEmit,
                           @Value("${test.query-database:false}") boolean queryDatabase) {
        this.events = events;
        this.attempts = attempts;
        this.outputTopic = outputTopic;
        this.delayAfterEmit = delayAfterEmit;
        this.database = queryDatabase ? new JdbcTemplate(dataSource) : null;
    }

    @KafkaListener(id = "${test.group}", topics = "${test.input-topic}",
            containerFactory = DharmaProcessingAutoConfiguration.LISTENER_CONTAINER_FACTORY)
    void on(ConsumerRecord<String, BlueprintSubmitted> record) throws InterruptedException {
        BlueprintSubmitted blueprint = record.value();
        int attempt = attempts.next(blueprint.getEnvelope().getEventId());
        String name = blueprint.getName();
        if (name.startsWith("unprocessable")) {
            throw new UnprocessableEventException("resource type compute.quantum is not in the catalogue");
        }
        if (name.startsWith("invalid")) {
            throw new IllegalArgumentException("region must not be empty");
        }
        if (name.startsWith("flaky") && attempt == 1) {
            throw new IllegalStateException("policy store timed out");
        }
        if (name.startsWith("broken")) {
            throw new IllegalStateException("policy store unavailable");
        }
        if (database != null) {
            database.queryForObject("SELECT 1", Integer.class);
        }
        events.emit(outputTopic, record.key(), GuardrailsEvaluated.newBuilder()
                .setEnvelope(envelopes.reactingTo(blueprint.getEnvelope(), "evaluated"))
                .setOutcome(GuardrailOutcome.PASSED)
                .setViolations(List.of())
                .setPoliciesEvaluated(0)
                .build());
        // Keeps the transaction open with an output already sent, so a kill lands mid-transaction.
        Thread.sleep(delayAfterEmit);
    }
}
