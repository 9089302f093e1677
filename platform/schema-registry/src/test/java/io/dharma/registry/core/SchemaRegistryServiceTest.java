package io.dharma.registry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.dharma.registry.core.SchemaRegistryService.SchemaRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaRegistryServiceTest {

    static final String V1 = """
            {"type":"record","name":"Order","namespace":"test","fields":[{"name":"id","type":"string"}]}""";
    static final String V2_WITH_DEFAULT = """
            {"type":"record","name":"Order","namespace":"test","fields":[
              {"name":"id","type":"string"},{"name":"note","type":"string","default":""}]}""";
    static final String V2_WITHOUT_DEFAULT = """
            {"type":"record","name":"Order","namespace":"test","fields":[
              {"name":"id","type":"string"},{"name":"amount","type":"long"}]}""";

    RegistryState state;
    InMemorySchemaLog log;
    SchemaRegistryService registry;

    @BeforeEach
    void setUp() {
        state = new RegistryState();
        log = new InMemorySchemaLog(state);
        registry = new SchemaRegistryService(state, log, CompatibilityLevel.BACKWARD);
    }

    static SchemaRequest avro(String schema) {
        return new SchemaRequest(schema, null, null);
    }

    @Test
    void registeringTheSameSchemaTwiceKeepsOneVersionAndId() {
        SchemaVersion first = registry.register("orders-value", avro(V1));
        // Different whitespace and key order, same schema.
        SchemaVersion again = registry.register("orders-value", avro("""
                { "namespace" : "test", "name":"Order", "type":"record",
                  "fields":[ {"type":"string","name":"id"} ] }"""));

        assertThat(first.id()).isEqualTo(1);
        assertThat(first.version()).isEqualTo(1);
        assertThat(again).isEqualTo(first);
        assertThat(registry.versionNumbers("orders-value", false)).containsExactly(1);
    }

    @Test
    void theSameSchemaUnderAnotherSubjectReusesTheId() {
        int id = registry.register("orders-value", avro(V1)).id();
        SchemaVersion other = registry.register("archive-value", avro(V1));

        assertThat(other.id()).isEqualTo(id);
        assertThat(other.version()).isEqualTo(1);
        assertThat(registry.versionsUsingId(id, false)).extracting(SchemaVersion::subject)
                .containsExactly("archive-value", "orders-value");
    }

    @Test
    void backwardCompatibleEvolutionGetsANewVersionAndId() {
        registry.register("orders-value", avro(V1));
        SchemaVersion v2 = registry.register("orders-value", avro(V2_WITH_DEFAULT));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.id()).isEqualTo(2);
        assertThat(registry.version("orders-value", VersionSpec.parse("latest"), false)).isEqualTo(v2);
    }

    @Test
    void backwardIncompatibleSchemaIsRejectedWith409AndTheAvroReason() {
        registry.register("orders-value", avro(V1));

        assertThatThrownBy(() -> registry.register("orders-value", avro(V2_WITHOUT_DEFAULT)))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                    assertThat(e.getMessage())
                            .startsWith("Schema being registered is incompatible with an earlier schema for subject \"orders-value\"")
                            .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                            .contains("{oldSchemaVersion: 1}")
                            .contains("{compatibility: 'BACKWARD'}");
                });
        assertThat(registry.versionNumbers("orders-value", false)).containsExactly(1);
    }

    @Test
    void levelNoneAcceptsAnything() {
        registry.register("orders-value", avro(V1));
        registry.setSubjectLevel("orders-value", CompatibilityLevel.NONE);

        assertThat(registry.register("orders-value", avro(V2_WITHOUT_DEFAULT)).version()).isEqualTo(2);
    }

    @Test
    void forwardRejectsRemovingAFieldTheOldSchemaNeeds() {
        registry.register("orders-value", avro(V2_WITHOUT_DEFAULT));
        registry.setSubjectLevel("orders-value", CompatibilityLevel.FORWARD);

        // Old readers need "amount" and it has no default: they could not read new data.
        assertThat(registry.checkCompatibility("orders-value", null, avro(V1))).isNotEmpty();
        // Adding a field is forward compatible: old readers ignore it.
        assertThat(registry.checkCompatibility("orders-value", null, avro("""
                {"type":"record","name":"Order","namespace":"test","fields":[
                  {"name":"id","type":"string"},{"name":"amount","type":"long"},{"name":"x","type":"int"}]}""")))
                .isEmpty();
    }

    @Test
    void transitiveLevelsCheckEveryLiveVersionNotJustTheLatest() {
        String withIntA = """
                {"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}""";
        String withoutA = """
                {"type":"record","name":"R","fields":[]}""";
        String withStringA = """
                {"type":"record","name":"R","fields":[{"name":"a","type":"string","default":""}]}""";
        registry.register("r", avro(withIntA));
        registry.register("r", avro(withoutA));

        // Against the latest only (BACKWARD) the string field with a default is fine ...
        assertThat(registry.checkCompatibility("r", VersionSpec.parse("latest"), avro(withStringA))).isEmpty();
        // ... but it cannot read version 1's int "a".
        registry.setSubjectLevel("r", CompatibilityLevel.BACKWARD_TRANSITIVE);
        assertThatThrownBy(() -> registry.register("r", avro(withStringA)))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.getMessage())
                        .contains("TYPE_MISMATCH").contains("{oldSchemaVersion: 1}"));
        registry.setSubjectLevel("r", CompatibilityLevel.BACKWARD);
        assertThat(registry.register("r", avro(withStringA)).version()).isEqualTo(3);
    }

    @Test
    void fullRequiresBothDirections() {
        registry.register("orders-value", avro(V1));
        registry.setGlobalLevel(CompatibilityLevel.FULL);

        assertThat(registry.checkCompatibility("orders-value", null, avro(V2_WITH_DEFAULT))).isEmpty();
        assertThat(registry.checkCompatibility("orders-value", null, avro(V2_WITHOUT_DEFAULT))).isNotEmpty();
    }

    @Test
    void lookupFindsTheVersionOrSaysWhatIsMissing() {
        registry.register("orders-value", avro(V1));
        registry.register("orders-value", avro(V2_WITH_DEFAULT));

        assertThat(registry.lookup("orders-value", avro(V1), false).version()).isEqualTo(1);
        assertThatThrownBy(() -> registry.lookup("orders-value", avro(V2_WITHOUT_DEFAULT), false))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.SCHEMA_NOT_FOUND));
        assertThatThrownBy(() -> registry.lookup("nobody-value", avro(V1), false))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(RegistryException.SUBJECT_NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("Subject 'nobody-value' not found.");
                });
    }

    @Test
    void versionsAreValidatedAndLooked() {
        registry.register("orders-value", avro(V1));

        assertThat(errorCode(() -> registry.version("orders-value", VersionSpec.parse("7"), false)))
                .isEqualTo(RegistryException.VERSION_NOT_FOUND);
        assertThat(errorCode(() -> VersionSpec.parse("0"))).isEqualTo(RegistryException.INVALID_VERSION);
        assertThat(errorCode(() -> VersionSpec.parse("abc"))).isEqualTo(RegistryException.INVALID_VERSION);
        assertThat(VersionSpec.parse("-1").isLatest()).isTrue();
    }

    @Test
    void invalidOrNonAvroSchemasAreRejectedWith42201() {
        assertThat(errorCode(() -> registry.register("s", avro("{\"type\":\"record\",\"name\":\"X\"}"))))
                .isEqualTo(RegistryException.INVALID_SCHEMA);
        assertThat(errorCode(() -> registry.register("s", avro("not json"))))
                .isEqualTo(RegistryException.INVALID_SCHEMA);
        assertThat(errorCode(() -> registry.register("s", new SchemaRequest("syntax = \"proto3\";", "PROTOBUF", null))))
                .isEqualTo(RegistryException.INVALID_SCHEMA);
        assertThat(registry.register("s", new SchemaRequest("\"string\"", "AVRO", List.of())).id()).isEqualTo(1);
    }

    @Test
    void softDeleteHidesTheSubjectButKeepsIdsResolvable() {
        int id = registry.register("orders-value", avro(V1)).id();
        registry.register("orders-value", avro(V2_WITH_DEFAULT));

        assertThat(registry.deleteSubject("orders-value", false)).containsExactly(1, 2);

        assertThat(registry.subjects(false, null)).doesNotContain("orders-value");
        assertThat(registry.subjects(true, null)).contains("orders-value");
        assertThat(errorCode(() -> registry.versionNumbers("orders-value", false)))
                .isEqualTo(RegistryException.SUBJECT_NOT_FOUND);
        assertThat(registry.versionNumbers("orders-value", true)).containsExactly(1, 2);
        assertThat(registry.schemaById(id)).isEqualTo(AvroSchemas.canonical(AvroSchemas.parse(V1)));
        assertThat(errorCode(() -> registry.deleteSubject("orders-value", false)))
                .isEqualTo(RegistryException.SUBJECT_SOFT_DELETED);

        // Registering again after a soft delete continues the version numbers and reuses the id.
        SchemaVersion again = registry.register("orders-value", avro(V1));
        assertThat(again.version()).isEqualTo(3);
        assertThat(again.id()).isEqualTo(id);
    }

    @Test
    void permanentDeleteNeedsASoftDeleteFirstAndThenForgetsTheId() {
        int id = registry.register("orders-value", avro(V1)).id();

        assertThat(errorCode(() -> registry.deleteSubject("orders-value", true)))
                .isEqualTo(RegistryException.SUBJECT_NOT_SOFT_DELETED);
        registry.deleteSubject("orders-value", false);
        assertThat(registry.deleteSubject("orders-value", true)).containsExactly(1);

        assertThat(errorCode(() -> registry.schemaById(id))).isEqualTo(RegistryException.SCHEMA_NOT_FOUND);
        assertThat(errorCode(() -> registry.deleteSubject("orders-value", false)))
                .isEqualTo(RegistryException.SUBJECT_NOT_FOUND);
    }

    @Test
    void deletingOneVersionFollowsTheSameTwoSteps() {
        registry.register("orders-value", avro(V1));
        registry.register("orders-value", avro(V2_WITH_DEFAULT));

        assertThat(errorCode(() -> registry.deleteVersion("orders-value", VersionSpec.parse("1"), true)))
                .isEqualTo(RegistryException.VERSION_NOT_SOFT_DELETED);
        assertThat(registry.deleteVersion("orders-value", VersionSpec.parse("1"), false)).isEqualTo(1);
        assertThat(errorCode(() -> registry.deleteVersion("orders-value", VersionSpec.parse("1"), false)))
                .isEqualTo(RegistryException.VERSION_SOFT_DELETED);
        assertThat(registry.versionNumbers("orders-value", false)).containsExactly(2);
        assertThat(registry.deleteVersion("orders-value", VersionSpec.parse("1"), true)).isEqualTo(1);
        assertThat(registry.versionNumbers("orders-value", true)).containsExactly(2);
    }

    @Test
    void compatibilityLevelsDefaultToBackwardAndCanBeSetPerSubject() {
        assertThat(registry.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(errorCode(() -> registry.subjectLevel("orders-value", false)))
                .isEqualTo(RegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED);
        assertThat(registry.subjectLevel("orders-value", true)).isEqualTo(CompatibilityLevel.BACKWARD);

        registry.setSubjectLevel("orders-value", CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(registry.subjectLevel("orders-value", false)).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(registry.deleteSubjectLevel("orders-value")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(errorCode(() -> registry.deleteSubjectLevel("orders-value")))
                .isEqualTo(RegistryException.SUBJECT_NOT_FOUND);
        assertThat(CompatibilityLevel.parse("backward_transitive")).contains(CompatibilityLevel.BACKWARD_TRANSITIVE);
        assertThat(CompatibilityLevel.parse("SIDEWAYS")).isEmpty();
    }

    @Test
    void compatibilityAgainstLatestOfAnUnknownSubjectIsTrueButAMissingVersionIs40402() {
        assertThat(registry.checkCompatibility("new-value", VersionSpec.parse("latest"), avro(V1))).isEmpty();
        assertThat(errorCode(() -> registry.checkCompatibility("new-value", VersionSpec.parse("3"), avro(V1))))
                .isEqualTo(RegistryException.VERSION_NOT_FOUND);
    }

    @Test
    void replayingTheLogRebuildsTheSameState() {
        registry.register("orders-value", avro(V1));
        registry.register("orders-value", avro(V2_WITH_DEFAULT));
        registry.register("other-value", avro("\"string\""));
        registry.deleteSubject("other-value", false);
        registry.setGlobalLevel(CompatibilityLevel.FULL);

        RegistryState rebuilt = log.replayInto(new RegistryState());
        SchemaRegistryService restarted = new SchemaRegistryService(rebuilt, log, CompatibilityLevel.BACKWARD);

        assertThat(rebuilt.versions("orders-value")).isEqualTo(state.versions("orders-value"));
        assertThat(rebuilt.maxId()).isEqualTo(3);
        assertThat(restarted.globalLevel()).isEqualTo(CompatibilityLevel.FULL);
        assertThat(restarted.subjects(true, null)).containsExactly("orders-value", "other-value");
    }

    private static int errorCode(Runnable action) {
        try {
            action.run();
        } catch (RegistryException e) {
            return e.errorCode();
        }
        throw new AssertionError("expected a RegistryException");
    }
}
