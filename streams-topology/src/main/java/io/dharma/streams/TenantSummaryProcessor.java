package io.dharma.streams;

import io.dharma.streams.views.BlueprintStatusChange;
import io.dharma.streams.views.TenantSummary;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Applies blueprint status changes (repartitioned by tenantId) to the tenant summary store. */
final class TenantSummaryProcessor implements Processor<String, BlueprintStatusChange, Void, Void> {

    private KeyValueStore<String, TenantSummary> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(DharmaTopology.TENANT_SUMMARY_STORE);
    }

    @Override
    public void process(Record<String, BlueprintStatusChange> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        store.put(record.key(), TenantSummaryFold.apply(store.get(record.key()), record.key(), record.value()));
    }
}
