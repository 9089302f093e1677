package io.dharma.streams;

import java.util.Set;
import java.util.function.Function;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps an index store in step with the store it indexes, inside the same task: when a value
 * changes, the index keys it no longer has are deleted and its new ones put, each mapping to the
 * value's store key. Both stores are updated in the task's transaction (exactly-once), so the
 * index never disagrees with the store after a crash.
 */
final class StoreIndex<V> {

    private final KeyValueStore<String, String> index;
    private final Function<V, Set<String>> keysOf;

    StoreIndex(KeyValueStore<String, String> index, Function<V, Set<String>> keysOf) {
        this.index = index;
        this.keysOf = keysOf;
    }

    void update(String storeKey, V before, V after) {
        Set<String> old = before == null ? Set.of() : keysOf.apply(before);
        Set<String> now = keysOf.apply(after);
        for (String key : old) {
            if (!now.contains(key)) {
                index.delete(key);
            }
        }
        for (String key : now) {
            if (!old.contains(key)) {
                index.put(key, storeKey);
            }
        }
    }
}
