package io.dharma.streams;

import java.util.Set;

import io.dharma.events.DeploymentEvent;
import io.dharma.events.DriftEvent;
import io.dharma.events.ResourceObserved;
import io.dharma.streams.views.DriftView;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds deployment events and observations (both keyed by blueprintId, co-partitioned) into the
 * drift store (and its tenant index), and forwards what {@link DriftFold} decides: each {@link DriftEvent} keyed by
 * blueprintId, and each accepted observation as an {@code ObservedResource} keyed by the
 * deploymentId that last changed the resource.
 */
final class DriftProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private final StreamsMetrics metrics;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, DriftView> store;
    private StoreIndex<DriftView> byTenant;

    DriftProcessor(StreamsMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        store = context.getStateStore(DharmaTopology.DRIFT_STORE);
        byTenant = new StoreIndex<>(context.getStateStore(DharmaTopology.DRIFT_BY_TENANT_STORE),
                view -> Set.of(TenantIndex.driftKey(view)));
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        DriftFold.Outcome outcome;
        String blueprintId;
        DriftView current;
        switch (record.value()) {
            case DeploymentEvent event -> {
                blueprintId = event.getEnvelope().getBlueprintId();
                current = store.get(blueprintId);
                outcome = DriftFold.apply(current, event);
            }
            case ResourceObserved observation -> {
                blueprintId = observation.getEnvelope().getBlueprintId();
                current = store.get(blueprintId);
                outcome = DriftFold.apply(current, observation);
            }
            case null, default -> {
                return;
            }
        }
        if (outcome.view() != current) {
            store.put(blueprintId, outcome.view());
            byTenant.update(blueprintId, current, outcome.view());
        }
        for (DriftEvent event : outcome.events()) {
            context.forward(record.withKey(blueprintId).withValue(event));
            metrics.drift(event);
        }
        if (outcome.routed() != null) {
            context.forward(record.withKey(outcome.routed().getDeploymentId()).withValue(outcome.routed()));
        }
    }
}
