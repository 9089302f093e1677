package io.dharma.registry.core;

/** One registered version of a subject. {@code schema} is the canonical Avro JSON. */
public record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) {

    public SchemaVersion markedDeleted() {
        return new SchemaVersion(subject, version, id, schema, true);
    }
}
