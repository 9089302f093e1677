package io.dharma.streams;

import java.math.BigDecimal;

import io.dharma.streams.views.BlueprintStatusChange;
import io.dharma.streams.views.BlueprintView;
import io.dharma.streams.views.TrackingView;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds changed tracking views (repartitioned by blueprintId) into the blueprints store, and
 * forwards each change of a blueprint's status or deployed monthly cost keyed by tenantId, for the
 * tenant summary.
 */
final class BlueprintProcessor implements Processor<String, TrackingView, String, BlueprintStatusChange> {

    private ProcessorContext<String, BlueprintStatusChange> context;
    private KeyValueStore<String, BlueprintView> blueprints;

    @Override
    public void init(ProcessorContext<String, BlueprintStatusChange> context) {
        this.context = context;
        blueprints = context.getStateStore(DharmaTopology.BLUEPRINTS_STORE);
    }

    @Override
    public void process(Record<String, TrackingView> record) {
        TrackingView tracking = record.value();
        if (tracking == null) {
            return;
        }
        BlueprintView previous = blueprints.get(tracking.getBlueprintId());
        BlueprintView blueprint = BlueprintFold.apply(previous, tracking);
        if (blueprint == previous) {
            return;
        }
        blueprints.put(tracking.getBlueprintId(), blueprint);
        String previousStatus = previous != null ? previous.getStatus() : null;
        BigDecimal previousDeployedMonthly = previous != null ? previous.getDeployedMonthly() : BlueprintFold.NO_COST;
        if (!blueprint.getStatus().equals(previousStatus)
                || blueprint.getDeployedMonthly().compareTo(previousDeployedMonthly) != 0) {
            BlueprintStatusChange change = new BlueprintStatusChange(blueprint.getBlueprintId(), previousStatus,
                    blueprint.getStatus(), previousDeployedMonthly, blueprint.getDeployedMonthly(),
                    blueprint.getUpdatedAt());
            context.forward(record.withKey(blueprint.getTenantId()).withValue(change));
        }
    }
}
