package io.dharma.kafka.processing.app;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** How many times the test listener was invoked for each input eventId (retries included). */
public class ListenerAttempts {

    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

    int next(UUID eventId) {
        return attempts.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
    }

    public int of(UUID eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }
}
