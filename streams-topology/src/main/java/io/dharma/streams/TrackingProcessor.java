package io.dharma.streams;

import io.dharma.events.Envelope;
import io.dharma.streams.views.TrackingView;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Folds every lifecycle event into the tracking store, keyed by the envelope's trackingId. */
final class TrackingProcessor implements Processor<String, SpecificRecord, Void, Void> {

    private KeyValueStore<String, TrackingView> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(DharmaTopology.TRACKING_STORE);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() == null) {
            return;
        }
        Envelope envelope = TrackingFold.envelopeOf(record.value());
        String trackingId = envelope.getTrackingId();
        TrackingView current = store.get(trackingId);
        TrackingView updated = TrackingFold.apply(current, record.value());
        if (updated != current) {
            store.put(trackingId, updated);
        }
    }
}
