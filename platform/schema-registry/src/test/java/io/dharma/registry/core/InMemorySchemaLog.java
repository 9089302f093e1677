package io.dharma.registry.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A log kept in a list, applied to the state at once: lets the registry's rules be tested
 * without Kafka. {@link #replayInto} rebuilds a fresh state the way a restart does.
 */
final class InMemorySchemaLog implements SchemaLog {

    record Entry(StoreKey key, Object value) {
    }

    private final RegistryState state;
    private final List<Entry> entries = new ArrayList<>();

    InMemorySchemaLog(RegistryState state) {
        this.state = state;
    }

    @Override
    public synchronized void append(StoreKey key, Object value) {
        entries.add(new Entry(key, value));
        state.apply(key, value);
    }

    synchronized RegistryState replayInto(RegistryState fresh) {
        entries.forEach(e -> fresh.apply(e.key(), e.value()));
        return fresh;
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public void close() {
    }
}
