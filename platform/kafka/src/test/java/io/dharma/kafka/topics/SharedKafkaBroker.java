package io.dharma.kafka.topics;

import io.dharma.kafka.TestStack;

/** The test JVM's one real KRaft broker (see {@link TestStack}). */
final class SharedKafkaBroker {

    private SharedKafkaBroker() {
    }

    static String bootstrapServers() {
        return TestStack.bootstrapServers();
    }
}
