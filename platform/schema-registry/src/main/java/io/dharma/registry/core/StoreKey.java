package io.dharma.registry.core;

/** The key of a record in the schema log; one key per logical entry, so compaction keeps the latest. */
public sealed interface StoreKey {

    /** One version of a subject; its value is a {@link SchemaVersion}. */
    record SchemaKey(String subject, int version) implements StoreKey {
    }

    /** A compatibility setting; {@code subject} null means the global one. Value: {@link CompatibilityLevel}. */
    record ConfigKey(String subject) implements StoreKey {
    }
}
