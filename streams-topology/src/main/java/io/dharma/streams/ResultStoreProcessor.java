package io.dharma.streams;

import java.util.function.Function;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the last event of each query key in a results store, the event itself: what a read answers
 * is then the producer's own content (the Terraform files byte for byte, the decimals at their
 * scale), never a re-rendering. A redelivered event puts the same value again; a later event for
 * the same key (a regeneration) replaces it. Events the key function answers null for are skipped.
 */
final class ResultStoreProcessor<V> implements Processor<String, V, Void, Void> {

    private final String storeName;
    private final Function<V, String> keyOf;
    private KeyValueStore<String, V> store;

    ResultStoreProcessor(String storeName, Function<V, String> keyOf) {
        this.storeName = storeName;
        this.keyOf = keyOf;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.value() == null) {
            return;
        }
        String key = keyOf.apply(record.value());
        if (key != null) {
            store.put(key, record.value());
        }
    }
}
