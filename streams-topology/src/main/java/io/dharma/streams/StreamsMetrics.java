package io.dharma.streams;

import io.dharma.events.DriftDetected;
import io.dharma.events.DriftEvent;
import io.dharma.events.DriftResolved;
import io.dharma.streams.runtime.DharmaStreams;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * The streams application's business metrics:
 * <ul>
 *   <li>{@value #DRIFT_DETECTED}: DriftDetected events emitted, tagged {@code kind} ({@code changed}
 *       or {@code deleted});</li>
 *   <li>{@value #DRIFT_RESOLVED}: DriftResolved events emitted, tagged {@code resolution}
 *       ({@code converged} or {@code redeployed});</li>
 *   <li>{@value #TENANTS}: tenants in this instance's partitions of the tenant summary store (sum
 *       over instances for the platform's count), read at each scrape.</li>
 * </ul>
 * The drift counters count what the drift processor forwards; a task that fails and reprocesses
 * (exactly-once aborts its output) can count an event twice, which is what Kafka Streams' own
 * process-rate metrics do as well.
 */
public final class StreamsMetrics {

    public static final String DRIFT_DETECTED = "dharma.drift.detected";
    public static final String DRIFT_RESOLVED = "dharma.drift.resolved";
    public static final String TENANTS = "dharma.tenants";

    private final MeterRegistry registry;

    public StreamsMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void drift(DriftEvent event) {
        switch (event.getPayload()) {
            case DriftDetected detected -> Counter.builder(DRIFT_DETECTED).description("Drift detected on a resource")
                    .tag("kind", detected.getDeleted() ? "deleted" : "changed")
                    .register(registry).increment();
            case DriftResolved resolved -> Counter.builder(DRIFT_RESOLVED).description("Drift of a resource resolved")
                    .tag("resolution", resolved.getResolution().name().toLowerCase(Locale.ROOT))
                    .register(registry).increment();
            default -> {
            }
        }
    }

    /** The {@value #TENANTS} gauge of a running application (NaN while it is not running). */
    public static MeterBinder tenants(DharmaStreams streams) {
        return meters -> Gauge.builder(TENANTS, () -> tenantCount(streams))
                .description("Tenants in this instance's tenant summary partitions").register(meters);
    }

    /** Scans the local store: one entry per tenant, and tenants are few. */
    private static long tenantCount(DharmaStreams streams) {
        var store = streams.running().store(StoreQueryParameters.fromNameAndType(DharmaTopology.TENANT_SUMMARY_STORE,
                QueryableStoreTypes.<String, Object>keyValueStore()));
        long count = 0;
        try (KeyValueIterator<String, Object> all = store.all()) {
            while (all.hasNext()) {
                all.next();
                count++;
            }
        }
        return count;
    }
}
