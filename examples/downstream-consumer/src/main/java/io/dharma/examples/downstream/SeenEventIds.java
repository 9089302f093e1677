package io.dharma.examples.downstream;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The most recent eventIds this process has handled. Kafka delivers at least once (a restart
 * after a crash, a rebalance before a commit, a producer retry), so the same event can arrive
 * twice; the envelope's eventId is the key to drop it.
 *
 * <p>In memory and bounded, which is enough for printing. A consumer with real effects keeps the
 * ids it processed where it keeps the effect (same database transaction), so that dedupe survives
 * restarts.
 */
final class SeenEventIds {

    private final Map<UUID, Boolean> ids;

    SeenEventIds(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an id is offered, false for a repeat. */
    boolean firstTime(UUID eventId) {
        return ids.putIfAbsent(eventId, Boolean.TRUE) == null;
    }
}
