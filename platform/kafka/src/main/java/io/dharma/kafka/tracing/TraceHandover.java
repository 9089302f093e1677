package io.dharma.kafka.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries a trace across work handed over through PostgreSQL, where no Kafka header or HTTP
 * header can: the outbox row the relay publishes later, the deployment row a worker runs later.
 * The side that writes the row opens a producer span and stores its context with the row (JSON of
 * the propagation headers, {@code {"traceparent": "00-..."}}); the side that reads it opens a
 * consumer span continuing that context, so both join the trace of the request or record that
 * caused the write.
 *
 * <p>Spans come from Micrometer Observation, so without tracing (no {@code Tracer} in the
 * application, or {@link ObservationRegistry#NOOP}) nothing is recorded and the stored context is
 * {@value #NO_CONTEXT}.
 *
 * <pre>{@code
 * tracing.handOver("dharma.outbox.append", "outbox append " + topic, tags, context -> insert(row, context));
 * tracing.takeOver("dharma.outbox.publish", "publish " + topic, row.traceContext(), tags, () -> send(row));
 * }</pre>
 */
public final class TraceHandover {

    /**
     * The attribute naming the Dharma service a span belongs to, as the service's application is
     * named when it runs alone ({@code dharma-costing}, {@code dharma-orchestrator}, ...): in the
     * one-JVM launcher every service shares one tracer, whose service name says only "dharma".
     */
    public static final String SERVICE = "dharma.service";
    /** The stored context of work done outside any trace. */
    public static final String NO_CONTEXT = "{}";

    /** Handovers that record nothing and store no context. */
    public static final TraceHandover NONE = new TraceHandover(ObservationRegistry.NOOP);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() { };

    private final ObservationRegistry registry;

    public TraceHandover(ObservationRegistry registry) {
        this.registry = registry;
    }

    /**
     * Runs {@code store} inside a producer span (observation {@code name}, span {@code contextualName};
     * a child of the current span), giving it the span's context to store with the row it writes.
     */
    public <T> T handOver(String name, String contextualName, KeyValues tags, Function<String, T> store) {
        SenderContext<Map<String, String>> context = new SenderContext<>((carrier, key, value) -> carrier.put(key, value));
        Map<String, String> propagated = new HashMap<>();
        context.setCarrier(propagated);
        return Observation.createNotStarted(name, () -> context, registry)
                .contextualName(contextualName)
                .lowCardinalityKeyValues(tags)
                .observe(() -> store.apply(JSON.writeValueAsString(propagated)));
    }

    /**
     * Runs {@code work} inside a consumer span (observation {@code name}, span {@code contextualName})
     * continuing {@code storedContext} (what {@link #handOver} stored; null or {@value #NO_CONTEXT}
     * starts a new trace).
     */
    public <T, E extends Throwable> T takeOver(String name, String contextualName, String storedContext, KeyValues tags,
            Observation.CheckedCallable<T, E> work) throws E {
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>((carrier, key) -> carrier.get(key));
        context.setCarrier(storedContext == null ? Map.of() : JSON.readValue(storedContext, HEADERS));
        return Observation.createNotStarted(name, () -> context, registry)
                .contextualName(contextualName)
                .lowCardinalityKeyValues(tags)
                .observeChecked(work);
    }

    /** The current observation (the innermost span open on this thread), to add what is learnt on the way. */
    public Observation current() {
        Observation current = registry.getCurrentObservation();
        return current == null ? Observation.NOOP : current;
    }
}
