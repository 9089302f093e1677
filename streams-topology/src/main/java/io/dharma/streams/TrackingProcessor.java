package io.dharma.streams;

import java.math.BigDecimal;

import io.dharma.events.Envelope;
import io.dharma.streams.views.BlueprintStatusChange;
import io.dharma.streams.views.BlueprintView;
import io.dharma.streams.views.TrackingView;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds every lifecycle event into the tracking store (keyed by the envelope's trackingId) and the
 * blueprints store (keyed by blueprintId), and forwards each change of a blueprint's status keyed
 * by tenantId, for the tenant summary; so is each change of its deployed monthly cost.
 */
final class TrackingProcessor implements Processor<String, SpecificRecord, String, BlueprintStatusChange> {

    private ProcessorContext<String, BlueprintStatusChange> context;
    private KeyValueStore<String, TrackingView> trackings;
    private KeyValueStore<String, BlueprintView> blueprints;

    @Override
    public void init(ProcessorContext<String, BlueprintStatusChange> context) {
        this.context = context;
        trackings = context.getStateStore(DharmaTopology.TRACKING_STORE);
        blueprints = context.getStateStore(DharmaTopology.BLUEPRINTS_STORE);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() == null) {
            return;
        }
        Envelope envelope = TrackingFold.envelopeOf(record.value());
        TrackingView current = trackings.get(envelope.getTrackingId());
        TrackingView tracking = TrackingFold.apply(current, record.value());
        if (tracking == current) {
            return;
        }
        trackings.put(envelope.getTrackingId(), tracking);

        BlueprintView previous = blueprints.get(envelope.getBlueprintId());
        BlueprintView blueprint = BlueprintFold.apply(previous, tracking);
        if (blueprint == previous) {
            return;
        }
        blueprints.put(envelope.getBlueprintId(), blueprint);
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
