package io.dharma.kafka.outbox;

/**
 * An event larger than its topic accepts, refused before it was stored: Kafka would refuse it too,
 * and the relay would only set it aside.
 */
public class EventTooLargeException extends RuntimeException {

    private final String topic;
    private final int size;
    private final int limit;

    public EventTooLargeException(String topic, int size, int limit) {
        super("the event for " + topic + " would be " + size + " bytes; the limit is " + limit + " bytes");
        this.topic = topic;
        this.size = size;
        this.limit = limit;
    }

    public String topic() {
        return topic;
    }

    /** The record's size as the producer estimates it (key, value, headers and record overhead). */
    public int size() {
        return size;
    }

    public int limit() {
        return limit;
    }
}
