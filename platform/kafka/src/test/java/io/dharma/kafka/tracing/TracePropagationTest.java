package io.dharma.kafka.tracing;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.kafka.TestStack;
import io.dharma.kafka.outbox.Outbox;
import io.dharma.kafka.processing.PipelineUnderTest;
import io.dharma.kafka.processing.TestEvents;
import io.dharma.testing.TopicProbe;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * The trace context's round trip through the outbox, on the real database and broker with Spring
 * Boot's OpenTelemetry tracing: an event appended inside a span is stored with that span's context,
 * published by the relay as part of the same trace (the record's W3C {@code traceparent} header),
 * and the listener that consumes it handles it in a span of that trace, so the event it emits carries
 * the trace on.
 */
class TracePropagationTest {

    private static ConfigurableApplicationContext app;
    private static PipelineUnderTest pipeline;
    private static TransactionTemplate transactions;

    /** Boot's SDK exports to every SpanExporter bean. */
    @Configuration(proxyBeanMethods = false)
    static class InMemorySpans {

        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @BeforeAll
    static void start() {
        pipeline = PipelineUnderTest.create();
        app = pipeline.start("--spring.main.sources=" + InMemorySpans.class.getName(),
                "--management.tracing.sampling.probability=1.0",
                "--management.opentelemetry.tracing.export.schedule-delay=100ms",
                "--spring.kafka.template.observation-enabled=true",
                "--spring.kafka.listener.observation-enabled=true",
                "--dharma.kafka.outbox.poll-interval=200ms");
        transactions = new TransactionTemplate(new JdbcTransactionManager(app.getBean(DataSource.class)));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anEventAppendedInASpanIsPublishedAndProcessedInItsTrace() {
        Tracer tracer = app.getBean(Tracer.class);
        Outbox outbox = app.getBean(Outbox.class);
        BlueprintSubmitted event = TestEvents.blueprint(TestEvents.newBlueprintId(), "traced");
        Span request = tracer.nextSpan().name("test request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            transactions.executeWithoutResult(status -> outbox.append(pipeline.inputTopic(), event.getEnvelope().getBlueprintId(),
                    event, Map.of()));
        } finally {
            request.end();
        }
        String traceId = request.context().traceId();

        String stored = JdbcClient.create(TestStack.dataSource())
                .sql("select trace_context::text from platform.outbox where event_id = :id")
                .param("id", event.getEnvelope().getEventId()).query(String.class).single();
        assertThat(stored).as("the context stored with the row").contains("\"traceparent\"", "00-" + traceId + "-");
        ConsumerRecord<String, BlueprintSubmitted> published =
                TopicProbe.onStack().<BlueprintSubmitted>awaitCount(pipeline.inputTopic(), 1).getFirst();
        assertThat(traceparent(published)).startsWith("00-" + traceId + "-");
        ConsumerRecord<String, GuardrailsEvaluated> answer =
                TopicProbe.onStack().<GuardrailsEvaluated>awaitCount(pipeline.outputTopic(), 1).getFirst();
        assertThat(traceparent(answer)).as("the listener's output").startsWith("00-" + traceId + "-");

        InMemorySpanExporter exporter = app.getBean(InMemorySpanExporter.class);
        List<SpanData> trace = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> exporter.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList(),
                spans -> spans.stream().anyMatch(span -> span.getName().equals("process " + pipeline.inputTopic()))
                        && spans.stream().anyMatch(span -> span.getName().equals(pipeline.outputTopic() + " send")));
        SpanData append = named(trace, "outbox append " + pipeline.inputTopic());
        SpanData publish = named(trace, "publish " + pipeline.inputTopic());
        SpanData send = named(trace, pipeline.inputTopic() + " send");
        SpanData process = named(trace, "process " + pipeline.inputTopic());
        SpanData answered = named(trace, pipeline.outputTopic() + " send");
        assertThat(append.getParentSpanId()).isEqualTo(request.context().spanId());
        assertThat(publish.getParentSpanId()).as("the relay continues the stored context").isEqualTo(append.getSpanId());
        assertThat(send.getParentSpanId()).isEqualTo(publish.getSpanId());
        assertThat(process.getParentSpanId()).as("the listener continues the record's header").isEqualTo(send.getSpanId());
        assertThat(answered.getParentSpanId()).isEqualTo(process.getSpanId());
        assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(process.getAttributes().asMap()).containsEntry(AttributeKey.stringKey("messaging.system"), "kafka")
                .containsEntry(AttributeKey.stringKey("messaging.destination.name"), pipeline.inputTopic())
                .containsEntry(AttributeKey.stringKey("messaging.consumer.group.name"), pipeline.group())
                .containsEntry(AttributeKey.stringKey("messaging.operation"), "process")
                .containsEntry(AttributeKey.stringKey(TraceHandover.SERVICE), pipeline.group())
                .containsEntry(AttributeKey.stringKey("messaging.kafka.message.key"), event.getEnvelope().getBlueprintId());
    }

    @Test
    void anEventAppendedOutsideATraceStartsOneAtItsAppend() {
        Outbox outbox = app.getBean(Outbox.class);
        BlueprintSubmitted event = TestEvents.blueprint(TestEvents.newBlueprintId(), "untraced");
        String topic = "test.untraced." + UUID.randomUUID().toString().substring(0, 8);
        TestStack.createTopicsWithDeadLetters(1, topic);

        transactions.executeWithoutResult(status -> outbox.append(topic, "k", event, Map.of()));

        // The append is a span of its own then, the root of a new trace.
        String stored = JdbcClient.create(TestStack.dataSource())
                .sql("select trace_context::text from platform.outbox where event_id = :id")
                .param("id", event.getEnvelope().getEventId()).query(String.class).single();
        assertThat(stored).contains("\"traceparent\"");
        ConsumerRecord<String, BlueprintSubmitted> published =
                TopicProbe.onStack().<BlueprintSubmitted>awaitCount(topic, 1).getFirst();
        assertThat(traceparent(published)).startsWith("00-" + stored.split("-")[1] + "-");
    }

    private static SpanData named(List<SpanData> spans, String name) {
        return spans.stream().filter(span -> span.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in "
                        + spans.stream().map(SpanData::getName).toList()));
    }

    private static String traceparent(ConsumerRecord<?, ?> record) {
        var header = record.headers().lastHeader("traceparent");
        assertThat(header).as("traceparent header of %s", record).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
