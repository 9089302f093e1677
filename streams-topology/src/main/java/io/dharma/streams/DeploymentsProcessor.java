package io.dharma.streams;

import io.dharma.events.DeploymentEvent;
import io.dharma.streams.views.DeploymentView;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Folds deployment events into the deployments store, keyed by deploymentId. */
final class DeploymentsProcessor implements Processor<String, DeploymentEvent, Void, Void> {

    private KeyValueStore<String, DeploymentView> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(DharmaTopology.DEPLOYMENTS_STORE);
    }

    @Override
    public void process(Record<String, DeploymentEvent> record) {
        DeploymentEvent event = record.value();
        if (event == null) {
            return;
        }
        DeploymentView current = store.get(event.getDeploymentId());
        DeploymentView updated = DeploymentFold.apply(current, event);
        if (updated != current) {
            store.put(event.getDeploymentId(), updated);
        }
    }
}
