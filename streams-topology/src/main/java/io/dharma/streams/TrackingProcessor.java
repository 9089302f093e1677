package io.dharma.streams;

import io.dharma.streams.views.TrackingStep;
import io.dharma.streams.views.TrackingView;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds tracking steps (repartitioned by trackingId) into the tracking store and forwards every
 * changed {@link TrackingView} keyed by its blueprintId, for the blueprints store.
 */
final class TrackingProcessor implements Processor<String, TrackingStep, String, TrackingView> {

    private ProcessorContext<String, TrackingView> context;
    private KeyValueStore<String, TrackingView> trackings;

    @Override
    public void init(ProcessorContext<String, TrackingView> context) {
        this.context = context;
        trackings = context.getStateStore(DharmaTopology.TRACKING_STORE);
    }

    @Override
    public void process(Record<String, TrackingStep> record) {
        TrackingStep step = record.value();
        if (step == null) {
            return;
        }
        TrackingView current = trackings.get(step.getTrackingId());
        TrackingView tracking = TrackingFold.apply(current, step);
        if (tracking == current) {
            return;
        }
        trackings.put(step.getTrackingId(), tracking);
        context.forward(record.withKey(tracking.getBlueprintId()).withValue(tracking));
    }
}
