package io.dharma.streams;

import java.util.function.UnaryOperator;

import io.dharma.events.DeploymentEvent;
import io.dharma.streams.views.DeploymentView;
import io.dharma.streams.views.ObservedResource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds deployment events and routed observations (both repartitioned by deploymentId) into the
 * deployments store, keyed by deploymentId, and keeps its tenant index (tenant, status,
 * deploymentId) in step.
 */
final class DeploymentsProcessor implements Processor<String, SpecificRecord, Void, Void> {

    private KeyValueStore<String, DeploymentView> store;
    private StoreIndex<DeploymentView> byTenant;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(DharmaTopology.DEPLOYMENTS_STORE);
        byTenant = new StoreIndex<>(context.getStateStore(DharmaTopology.DEPLOYMENTS_BY_TENANT_STORE),
                TenantIndex::deploymentKeys);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        switch (record.value()) {
            case DeploymentEvent event -> update(event.getDeploymentId(),
                    current -> DeploymentFold.apply(current, event));
            case ObservedResource observation -> update(observation.getDeploymentId(),
                    current -> DeploymentFold.apply(current, observation));
            case null, default -> { }
        }
    }

    private void update(String deploymentId, UnaryOperator<DeploymentView> fold) {
        DeploymentView current = store.get(deploymentId);
        DeploymentView updated = fold.apply(current);
        if (updated != current) {
            store.put(deploymentId, updated);
            byTenant.update(deploymentId, current, updated);
        }
    }
}
