package io.dharma.registry.core;

/**
 * The durable, ordered log the registry's state is rebuilt from. {@link #append} returns only
 * once the record has been read back and applied to the {@link RegistryState}, so a caller
 * always reads its own writes.
 */
public interface SchemaLog extends AutoCloseable {

    /** @param value a {@link SchemaVersion}, a {@link CompatibilityLevel}, or null for a tombstone */
    void append(StoreKey key, Object value);

    @Override
    void close();
}
