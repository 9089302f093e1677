package io.dharma.launcher;

import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes what was started in reverse order, each step isolated from the others' failures. */
final class ShutdownStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShutdownStack.class);
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    <T extends AutoCloseable> T push(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("Error while stopping {}", next, e);
            }
        }
    }
}
