package io.dharma.serde;

/** Confluent's default TopicNameStrategy: {@code <topic>-key} and {@code <topic>-value}. */
public final class Subjects {

    private Subjects() {
    }

    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
