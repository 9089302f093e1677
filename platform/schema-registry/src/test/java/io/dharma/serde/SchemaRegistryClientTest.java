package io.dharma.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The REST client against the real embedded registry. */
class SchemaRegistryClientTest {

    static final Schema V1 = new Schema.Parser().parse("""
            {"type":"record","name":"Item","fields":[{"name":"sku","type":"string"}]}""");
    static final Schema V2 = new Schema.Parser().parse("""
            {"type":"record","name":"Item","fields":[{"name":"sku","type":"string"},
              {"name":"size","type":"int","default":0}]}""");
    static final Schema BREAKING = new Schema.Parser().parse("""
            {"type":"record","name":"Item","fields":[{"name":"sku","type":"string"},{"name":"size","type":"int"}]}""");

    final SchemaRegistryClient client = SchemaRegistryClient.create(TestInfra.registryUrl());

    static String subject() {
        return "client-" + UUID.randomUUID() + "-value";
    }

    @Test
    void registerLookupAndFetchById() {
        String subject = subject();

        int id = client.register(subject, V1);
        RegisteredSchema found = client.lookup(subject, V1, false);

        assertThat(client.register(subject, V1)).isEqualTo(id);
        assertThat(client.getId(subject, V1)).isEqualTo(id);
        assertThat(found.subject()).isEqualTo(subject);
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.id()).isEqualTo(id);
        assertThat(SchemaRegistryClient.create(TestInfra.registryUrl()).getSchemaById(id)).isEqualTo(V1);
        assertThat(client.getLatestVersion(subject).schema()).isEqualTo(V1);
    }

    @Test
    void versionsAndCompatibility() {
        String subject = subject();
        client.register(subject, V1);

        assertThat(client.testCompatibility(subject, V2).compatible()).isTrue();
        CompatibilityCheck breaking = client.testCompatibility(subject, BREAKING);
        assertThat(breaking.compatible()).isFalse();
        assertThat(breaking.messages()).anyMatch(m -> m.contains("READER_FIELD_MISSING_DEFAULT_VALUE"));

        int v2 = client.register(subject, V2);
        assertThat(client.getVersions(subject)).containsExactly(1, 2);
        assertThat(client.getVersion(subject, 2).id()).isEqualTo(v2);
    }

    @Test
    void errorsCarryConfluentsCodes() {
        String subject = subject();
        client.register(subject, V1);

        assertThatThrownBy(() -> client.getLatestVersion(subject()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
                    assertThat(e.isNotFound()).isTrue();
                });
        assertThatThrownBy(() -> client.register(subject, BREAKING))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA));
        assertThatThrownBy(() -> client.getId(subject, V2))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
        assertThatThrownBy(() -> client.setCompatibility(subject, "SIDEWAYS"))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL));
    }

    @Test
    void compatibilitySettings() {
        String subject = subject();

        assertThat(client.getCompatibility(subject)).isEqualTo(client.getGlobalCompatibility());
        client.setCompatibility(subject, "NONE");
        assertThat(client.getCompatibility(subject)).isEqualTo("NONE");
        client.register(subject, V1);
        assertThat(client.register(subject, BREAKING)).isPositive();
    }

    @Test
    void deleteSubject() {
        String subject = subject();
        client.register(subject, V1);

        assertThat(client.deleteSubject(subject, false)).containsExactly(1);
        assertThat(client.getSubjects()).doesNotContain(subject);
    }

    @Test
    void failsOverToTheNextUrlAndReportsWhenNoneAnswers() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String dead = "http://localhost:" + closedPort;

        assertThat(SchemaRegistryClient.create(dead + "," + TestInfra.registryUrl()).getSubjects()).isNotNull();
        assertThatThrownBy(() -> SchemaRegistryClient.create(dead).getSubjects())
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.getMessage()).contains("No schema registry reachable");
                });
    }
}
