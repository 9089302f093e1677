package io.dharma.registry.core;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.avro.Schema;

/**
 * The registry's rules, independent of HTTP and Kafka: ids, versions, lookups, soft and hard
 * deletes, compatibility levels. Writes are serialized by one lock and go through the
 * {@link SchemaLog}; this instance is the single writer of its log (see the module README).
 */
public final class SchemaRegistryService {

    private final RegistryState state;
    private final SchemaLog log;
    private final CompatibilityChecker checker = new CompatibilityChecker();
    private final CompatibilityLevel defaultLevel;
    private final ReentrantLock writeLock = new ReentrantLock();

    public SchemaRegistryService(RegistryState state, SchemaLog log, CompatibilityLevel defaultLevel) {
        this.state = Objects.requireNonNull(state);
        this.log = Objects.requireNonNull(log);
        this.defaultLevel = Objects.requireNonNull(defaultLevel);
    }

    /** A schema as posted by a client: its text, type and references. */
    public record SchemaRequest(String schema, String schemaType, List<?> references) {

        Schema parse() {
            AvroSchemas.requireAvro(schemaType);
            if (references != null && !references.isEmpty()) {
                throw RegistryException.invalidSchema("schema references are not supported by this registry");
            }
            return AvroSchemas.parse(schema);
        }
    }

    /** Registers the schema under the subject, or returns the version it already has there. */
    public SchemaVersion register(String subject, SchemaRequest request) {
        Schema schema = request.parse();
        String canonical = AvroSchemas.canonical(schema);
        writeLock.lock();
        try {
            List<SchemaVersion> all = state.versions(subject);
            List<SchemaVersion> live = all.stream().filter(v -> !v.deleted()).toList();
            for (SchemaVersion existing : live.reversed()) {
                if (existing.schema().equals(canonical)) {
                    return existing;
                }
            }
            List<String> problems = checker.check(schema, live, effectiveLevel(subject));
            if (!problems.isEmpty()) {
                throw RegistryException.incompatibleSchema(subject, problems);
            }
            int id = state.idOf(canonical).orElseGet(() -> state.maxId() + 1);
            int version = all.isEmpty() ? 1 : all.getLast().version() + 1;
            SchemaVersion registered = new SchemaVersion(subject, version, id, canonical, false);
            log.append(new StoreKey.SchemaKey(subject, version), registered);
            return registered;
        } finally {
            writeLock.unlock();
        }
    }

    /** Finds the version of the subject that holds this schema. */
    public SchemaVersion lookup(String subject, SchemaRequest request, boolean includeDeleted) {
        List<SchemaVersion> candidates = visibleVersions(subject, includeDeleted);
        String canonical = AvroSchemas.canonical(request.parse());
        return candidates.reversed().stream()
                .filter(v -> v.schema().equals(canonical))
                .findFirst()
                .orElseThrow(RegistryException::schemaNotFound);
    }

    public String schemaById(int id) {
        return state.schemaById(id).orElseThrow(() -> RegistryException.schemaNotFound(id));
    }

    /** The subject/version pairs that use the id. */
    public List<SchemaVersion> versionsUsingId(int id, boolean includeDeleted) {
        schemaById(id);
        return state.versionsUsingId(id).stream()
                .filter(v -> includeDeleted || !v.deleted())
                .sorted(Comparator.comparing(SchemaVersion::subject).thenComparing(SchemaVersion::version))
                .toList();
    }

    public List<String> subjects(boolean includeDeleted, String prefix) {
        return state.subjectNames().stream()
                .filter(s -> prefix == null || s.startsWith(prefix))
                .filter(s -> state.versions(s).stream().anyMatch(v -> includeDeleted || !v.deleted()))
                .sorted()
                .toList();
    }

    public List<Integer> versionNumbers(String subject, boolean includeDeleted) {
        return visibleVersions(subject, includeDeleted).stream().map(SchemaVersion::version).toList();
    }

    public SchemaVersion version(String subject, VersionSpec spec, boolean includeDeleted) {
        List<SchemaVersion> candidates = visibleVersions(subject, includeDeleted);
        if (spec.isLatest()) {
            return candidates.getLast();
        }
        return candidates.stream()
                .filter(v -> v.version() == spec.number())
                .findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(spec.number()));
    }

    /**
     * Soft delete hides every version (ids stay resolvable, so old data stays readable);
     * permanent delete removes versions that were soft-deleted first, as Confluent requires.
     */
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        writeLock.lock();
        try {
            List<SchemaVersion> all = state.versions(subject);
            if (all.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            List<SchemaVersion> live = all.stream().filter(v -> !v.deleted()).toList();
            if (permanent) {
                if (!live.isEmpty()) {
                    throw RegistryException.subjectNotSoftDeleted(subject);
                }
                for (SchemaVersion v : all) {
                    log.append(new StoreKey.SchemaKey(subject, v.version()), null);
                }
                if (state.subjectLevel(subject).isPresent()) {
                    log.append(new StoreKey.ConfigKey(subject), null);
                }
                return all.stream().map(SchemaVersion::version).toList();
            }
            if (live.isEmpty()) {
                throw RegistryException.subjectSoftDeleted(subject);
            }
            for (SchemaVersion v : live) {
                log.append(new StoreKey.SchemaKey(subject, v.version()), v.markedDeleted());
            }
            return live.stream().map(SchemaVersion::version).toList();
        } finally {
            writeLock.unlock();
        }
    }

    public int deleteVersion(String subject, VersionSpec spec, boolean permanent) {
        writeLock.lock();
        try {
            List<SchemaVersion> all = state.versions(subject);
            if (all.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            SchemaVersion target;
            if (spec.isLatest()) {
                // "latest" means the newest live version; permanent deletion of it needs a soft delete first.
                target = all.stream().filter(v -> !v.deleted()).reduce((a, b) -> b)
                        .orElseThrow(() -> RegistryException.subjectNotFound(subject));
            } else {
                target = all.stream().filter(v -> v.version() == spec.number()).findFirst()
                        .orElseThrow(() -> RegistryException.versionNotFound(spec.number()));
            }
            if (permanent) {
                if (!target.deleted()) {
                    throw RegistryException.versionNotSoftDeleted(subject, target.version());
                }
                log.append(new StoreKey.SchemaKey(subject, target.version()), null);
            } else {
                if (target.deleted()) {
                    throw RegistryException.versionSoftDeleted(subject, target.version());
                }
                log.append(new StoreKey.SchemaKey(subject, target.version()), target.markedDeleted());
            }
            return target.version();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Checks the schema against one version, or against what registering would check when
     * {@code spec} is null. "latest" of a subject with no live version is compatible, as in Confluent.
     */
    public List<String> checkCompatibility(String subject, VersionSpec spec, SchemaRequest request) {
        List<SchemaVersion> live = state.versions(subject).stream().filter(v -> !v.deleted()).toList();
        List<SchemaVersion> against;
        if (spec == null) {
            against = live;
        } else if (spec.isLatest()) {
            against = live.isEmpty() ? List.of() : List.of(live.getLast());
        } else {
            against = live.stream().filter(v -> v.version() == spec.number()).toList();
            if (against.isEmpty()) {
                throw RegistryException.versionNotFound(spec.number());
            }
        }
        return checker.check(request.parse(), against, effectiveLevel(subject));
    }

    public CompatibilityLevel globalLevel() {
        return state.globalLevel().orElse(defaultLevel);
    }

    public void setGlobalLevel(CompatibilityLevel level) {
        writeLock.lock();
        try {
            log.append(new StoreKey.ConfigKey(null), Objects.requireNonNull(level));
        } finally {
            writeLock.unlock();
        }
    }

    /** The subject's own setting, or the global one when {@code defaultToGlobal}. */
    public CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        return state.subjectLevel(subject)
                .or(() -> defaultToGlobal ? java.util.Optional.of(globalLevel()) : java.util.Optional.empty())
                .orElseThrow(() -> RegistryException.subjectCompatibilityNotConfigured(subject));
    }

    public void setSubjectLevel(String subject, CompatibilityLevel level) {
        writeLock.lock();
        try {
            log.append(new StoreKey.ConfigKey(subject), Objects.requireNonNull(level));
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes the subject's own setting and returns it; the subject then follows the global level. */
    public CompatibilityLevel deleteSubjectLevel(String subject) {
        writeLock.lock();
        try {
            CompatibilityLevel previous = state.subjectLevel(subject)
                    .orElseThrow(() -> RegistryException.subjectNotFound(subject));
            log.append(new StoreKey.ConfigKey(subject), null);
            return previous;
        } finally {
            writeLock.unlock();
        }
    }

    private CompatibilityLevel effectiveLevel(String subject) {
        return state.subjectLevel(subject).orElseGet(this::globalLevel);
    }

    private List<SchemaVersion> visibleVersions(String subject, boolean includeDeleted) {
        List<SchemaVersion> visible = state.versions(subject).stream()
                .filter(v -> includeDeleted || !v.deleted())
                .toList();
        if (visible.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return visible;
    }
}
