package io.dharma.registry.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry's contents as rebuilt from the schema log. Only the log reader changes it (via
 * {@link #apply}); the REST layer reads it. Methods are synchronized because the two run on
 * different threads; the data set is small, so a single monitor is simpler than finer locking.
 */
public final class RegistryState {

    private final Map<String, TreeMap<Integer, SchemaVersion>> subjects = new HashMap<>();
    private final Map<Integer, String> schemaById = new HashMap<>();
    private final Map<String, Integer> idBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int maxId;

    /** Applies one record read from the log; a null value is a tombstone. */
    public synchronized void apply(StoreKey key, Object value) {
        switch (key) {
            case StoreKey.SchemaKey schemaKey -> applySchema(schemaKey, (SchemaVersion) value);
            case StoreKey.ConfigKey configKey -> applyConfig(configKey, (CompatibilityLevel) value);
        }
    }

    private void applySchema(StoreKey.SchemaKey key, SchemaVersion value) {
        if (value == null) {
            TreeMap<Integer, SchemaVersion> versions = subjects.get(key.subject());
            if (versions == null) {
                return;
            }
            SchemaVersion removed = versions.remove(key.version());
            if (versions.isEmpty()) {
                subjects.remove(key.subject());
            }
            if (removed != null && !isIdInUse(removed.id())) {
                schemaById.remove(removed.id());
                idBySchema.remove(removed.schema());
            }
            return;
        }
        subjects.computeIfAbsent(value.subject(), s -> new TreeMap<>()).put(value.version(), value);
        schemaById.put(value.id(), value.schema());
        idBySchema.put(value.schema(), value.id());
        maxId = Math.max(maxId, value.id());
    }

    private void applyConfig(StoreKey.ConfigKey key, CompatibilityLevel level) {
        if (key.subject() == null) {
            globalLevel = level;
        } else if (level == null) {
            subjectLevels.remove(key.subject());
        } else {
            subjectLevels.put(key.subject(), level);
        }
    }

    private boolean isIdInUse(int id) {
        return subjects.values().stream().flatMap(v -> v.values().stream()).anyMatch(v -> v.id() == id);
    }

    /** Every version of the subject, soft-deleted ones included, oldest first. */
    public synchronized List<SchemaVersion> versions(String subject) {
        TreeMap<Integer, SchemaVersion> versions = subjects.get(subject);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    public synchronized List<String> subjectNames() {
        return List.copyOf(subjects.keySet());
    }

    public synchronized Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemaById.get(id));
    }

    public synchronized Optional<Integer> idOf(String canonicalSchema) {
        return Optional.ofNullable(idBySchema.get(canonicalSchema));
    }

    /** Every subject version that uses the id, soft-deleted ones included. */
    public synchronized List<SchemaVersion> versionsUsingId(int id) {
        List<SchemaVersion> out = new ArrayList<>();
        for (TreeMap<Integer, SchemaVersion> versions : subjects.values()) {
            versions.values().stream().filter(v -> v.id() == id).forEach(out::add);
        }
        return out;
    }

    public synchronized int maxId() {
        return maxId;
    }

    public synchronized Optional<CompatibilityLevel> globalLevel() {
        return Optional.ofNullable(globalLevel);
    }

    public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }
}
