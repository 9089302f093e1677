package io.dharma.operations;

import java.time.Instant;
import java.util.Objects;

/**
 * What to replay: a topic, optionally a time window {@code [from, to)} on record timestamps, and
 * filters on the record key and on the envelope's tenant. Null means "no limit" / "no filter".
 */
public record ReplayRequest(String topic, Instant from, Instant to, String key, String tenant) {

    public ReplayRequest {
        Objects.requireNonNull(topic, "topic");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new OperationException("--from (" + from + ") must be before --to (" + to + ")");
        }
    }

    public static ReplayRequest wholeTopic(String topic) {
        return new ReplayRequest(topic, null, null, null, null);
    }

    boolean inWindow(long timestamp) {
        return (from == null || timestamp >= from.toEpochMilli()) && (to == null || timestamp < to.toEpochMilli());
    }
}
