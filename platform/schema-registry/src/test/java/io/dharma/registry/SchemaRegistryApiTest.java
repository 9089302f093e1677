package io.dharma.registry;

import static io.dharma.registry.RegistryHttp.SR_JSON;
import static io.dharma.registry.RegistryHttp.schema;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.dharma.registry.RegistryHttp.Response;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every endpoint of the Confluent REST API, over HTTP, against a registry stored in a real broker. */
class SchemaRegistryApiTest {

    static final String V1 = """
            {"type":"record","name":"Order","namespace":"test","fields":[{"name":"id","type":"string"}]}""";
    static final String V2 = """
            {"type":"record","name":"Order","namespace":"test","fields":[
              {"name":"id","type":"string"},{"name":"note","type":"string","default":""}]}""";
    static final String INCOMPATIBLE = """
            {"type":"record","name":"Order","namespace":"test","fields":[
              {"name":"id","type":"string"},{"name":"amount","type":"long"}]}""";

    static EmbeddedSchemaRegistry registry;
    static RegistryHttp http;

    @BeforeAll
    static void start() {
        registry = EmbeddedSchemaRegistry.start(TestKafka.bootstrapServers(), 0,
                Map.of("dharma.registry.topic", "_schemas-api-test"));
        http = new RegistryHttp(registry.url());
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    static String subject() {
        return "t-" + UUID.randomUUID() + "-value";
    }

    static String canonical(String schema) {
        return new Schema.Parser().parse(schema).toString();
    }

    @Test
    void registerReturnsTheIdAndReusesItForTheSameSchema() {
        String subject = subject();

        Response first = http.post("/subjects/" + subject + "/versions", schema(V1));
        Response again = http.post("/subjects/" + subject + "/versions", schema(V1));
        Response otherSubject = http.post("/subjects/" + subject() + "/versions", schema(V1));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith(SR_JSON);
        assertThat(first.json().size()).isEqualTo(1);
        int id = first.json().path("id").asInt();
        assertThat(id).isPositive();
        assertThat(again.json().path("id").asInt()).isEqualTo(id);
        assertThat(otherSubject.json().path("id").asInt()).isEqualTo(id);
        assertThat(http.get("/subjects/" + subject + "/versions").json().toString()).isEqualTo("[1]");
    }

    @Test
    void acceptsPlainJsonAndRequestsWithoutContentType() {
        String subject = subject();

        Response asJson = http.post("/subjects/" + subject + "/versions", schema(V1), "application/json");
        Response untyped = http.post("/subjects/" + subject + "/versions", schema(V2), null);
        Response jsonAnswer = http.get("/subjects/" + subject + "/versions", "application/json");

        assertThat(asJson.status()).isEqualTo(200);
        assertThat(untyped.status()).isEqualTo(200);
        assertThat(jsonAnswer.contentType()).startsWith("application/json");
        assertThat(jsonAnswer.body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/" + subject + "/versions", "*/*").contentType()).startsWith(SR_JSON);
        assertThat(http.get("/subjects/" + subject() + "/versions", "*/*").contentType()).startsWith(SR_JSON);
    }

    @Test
    void incompatibleSchemaIsRejectedWith409() {
        String subject = subject();
        http.post("/subjects/" + subject + "/versions", schema(V1));

        Response rejected = http.post("/subjects/" + subject + "/versions", schema(INCOMPATIBLE));

        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.contentType()).startsWith(SR_JSON);
        assertThat(rejected.errorCode()).isEqualTo(409);
        assertThat(rejected.json().path("message").asString())
                .startsWith("Schema being registered is incompatible with an earlier schema for subject \"" + subject + "\"")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
    }

    @Test
    void invalidSchemaIs42201() {
        Response invalid = http.post("/subjects/" + subject() + "/versions", schema("{\"type\":\"record\"}"));
        Response protobuf = http.post("/subjects/" + subject() + "/versions",
                Map.of("schema", "syntax = \"proto3\";", "schemaType", "PROTOBUF"));
        Response notJson = http.post("/subjects/" + subject() + "/versions", "{not json");

        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorCode()).isEqualTo(42201);
        assertThat(protobuf.errorCode()).isEqualTo(42201);
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void lookupReturnsSubjectVersionIdAndSchema() {
        String subject = subject();
        int id = http.post("/subjects/" + subject + "/versions", schema(V1)).json().path("id").asInt();

        Response found = http.post("/subjects/" + subject, schema(V1));
        Response unknownSchema = http.post("/subjects/" + subject, schema(V2));
        Response unknownSubject = http.post("/subjects/" + subject(), schema(V1));

        JsonNode body = found.json();
        assertThat(found.status()).isEqualTo(200);
        assertThat(body.path("subject").asString()).isEqualTo(subject);
        assertThat(body.path("version").asInt()).isEqualTo(1);
        assertThat(body.path("id").asInt()).isEqualTo(id);
        assertThat(body.path("schema").asString()).isEqualTo(canonical(V1));
        assertThat(unknownSchema.status()).isEqualTo(404);
        assertThat(unknownSchema.errorCode()).isEqualTo(40403);
        assertThat(unknownSubject.status()).isEqualTo(404);
        assertThat(unknownSubject.errorCode()).isEqualTo(40401);
    }

    @Test
    void schemasById() {
        int id = http.post("/subjects/" + subject() + "/versions", schema(V1)).json().path("id").asInt();

        Response byId = http.get("/schemas/ids/" + id);
        Response raw = http.get("/schemas/ids/" + id + "/schema");
        Response missing = http.get("/schemas/ids/999999");

        assertThat(byId.json().size()).isEqualTo(1);
        assertThat(byId.json().path("schema").asString()).isEqualTo(canonical(V1));
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.body()).isEqualTo(canonical(V1));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo(40403);
        assertThat(missing.json().path("message").asString()).isEqualTo("Schema 999999 not found");
        assertThat(http.get("/schemas/ids/" + id + "/versions").json().get(0).has("subject")).isTrue();
        assertThat(http.get("/schemas/types").body()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void subjectsAndVersions() {
        String subject = subject();
        http.post("/subjects/" + subject + "/versions", schema(V1));
        int v2Id = http.post("/subjects/" + subject + "/versions", schema(V2)).json().path("id").asInt();

        assertThat(http.get("/subjects").json().valueStream().map(JsonNode::asString)).contains(subject);
        assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1,2]");

        JsonNode latest = http.get("/subjects/" + subject + "/versions/latest").json();
        assertThat(latest.path("subject").asString()).isEqualTo(subject);
        assertThat(latest.path("version").asInt()).isEqualTo(2);
        assertThat(latest.path("id").asInt()).isEqualTo(v2Id);
        assertThat(latest.path("schema").asString()).isEqualTo(canonical(V2));
        assertThat(http.get("/subjects/" + subject + "/versions/1").json().path("version").asInt()).isEqualTo(1);
        assertThat(http.get("/subjects/" + subject + "/versions/1/schema").body()).isEqualTo(canonical(V1));

        Response missingVersion = http.get("/subjects/" + subject + "/versions/9");
        Response invalidVersion = http.get("/subjects/" + subject + "/versions/abc");
        Response missingSubject = http.get("/subjects/" + subject() + "/versions");
        assertThat(missingVersion.status()).isEqualTo(404);
        assertThat(missingVersion.errorCode()).isEqualTo(40402);
        assertThat(invalidVersion.status()).isEqualTo(422);
        assertThat(invalidVersion.errorCode()).isEqualTo(42202);
        assertThat(missingSubject.status()).isEqualTo(404);
        assertThat(missingSubject.errorCode()).isEqualTo(40401);
    }

    @Test
    void deleteSubjectIsSoftAndReturnsTheVersions() {
        String subject = subject();
        int id = http.post("/subjects/" + subject + "/versions", schema(V1)).json().path("id").asInt();
        http.post("/subjects/" + subject + "/versions", schema(V2));

        Response deleted = http.delete("/subjects/" + subject);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/" + subject + "/versions").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/" + subject + "/versions?deleted=true").body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects").body()).doesNotContain(subject);
        assertThat(http.get("/subjects?deleted=true").body()).contains(subject);
        assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
        assertThat(http.delete("/subjects/" + subject).errorCode()).isEqualTo(40404);
        assertThat(http.delete("/subjects/" + subject + "?permanent=true").body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/" + subject + "/versions?deleted=true").errorCode()).isEqualTo(40401);
        assertThat(http.delete("/subjects/" + subject()).errorCode()).isEqualTo(40401);
    }

    @Test
    void deleteOneVersion() {
        String subject = subject();
        http.post("/subjects/" + subject + "/versions", schema(V1));
        http.post("/subjects/" + subject + "/versions", schema(V2));

        assertThat(http.delete("/subjects/" + subject + "/versions/1").body()).isEqualTo("1");
        assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[2]");
        assertThat(http.delete("/subjects/" + subject + "/versions/2?permanent=true").errorCode()).isEqualTo(40407);
    }

    @Test
    void compatibilityChecks() {
        String subject = subject();
        http.post("/subjects/" + subject + "/versions", schema(V1));
        String base = "/compatibility/subjects/" + subject + "/versions";

        Response compatible = http.post(base + "/latest", schema(V2));
        Response incompatible = http.post(base + "/latest", schema(INCOMPATIBLE));
        Response verbose = http.post(base + "/1?verbose=true", schema(INCOMPATIBLE));
        Response allVersions = http.post(base, schema(V2));
        Response missingVersion = http.post(base + "/5", schema(V2));
        Response newSubject = http.post("/compatibility/subjects/" + subject() + "/versions/latest", schema(V1));

        assertThat(compatible.status()).isEqualTo(200);
        assertThat(compatible.body()).isEqualTo("{\"is_compatible\":true}");
        assertThat(incompatible.body()).isEqualTo("{\"is_compatible\":false}");
        assertThat(verbose.json().path("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.json().path("messages").get(0).asString()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(allVersions.json().path("is_compatible").asBoolean()).isTrue();
        assertThat(missingVersion.errorCode()).isEqualTo(40402);
        assertThat(newSubject.json().path("is_compatible").asBoolean()).isTrue();
        assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
    }

    @Test
    void subjectCompatibilityConfig() {
        String subject = subject();

        assertThat(http.get("/config/" + subject).errorCode()).isEqualTo(40408);
        assertThat(http.get("/config/" + subject + "?defaultToGlobal=true").json()
                .path("compatibilityLevel").asString()).isEqualTo("BACKWARD");

        Response set = http.put("/config/" + subject, Map.of("compatibility", "NONE"));
        assertThat(set.body()).isEqualTo("{\"compatibility\":\"NONE\"}");
        assertThat(http.get("/config/" + subject).body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        http.post("/subjects/" + subject + "/versions", schema(V1));
        assertThat(http.post("/subjects/" + subject + "/versions", schema(INCOMPATIBLE)).status()).isEqualTo(200);

        Response invalid = http.put("/config/" + subject, Map.of("compatibility", "SIDEWAYS"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorCode()).isEqualTo(42203);

        assertThat(http.delete("/config/" + subject).body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(http.get("/config/" + subject).errorCode()).isEqualTo(40408);
        assertThat(http.delete("/config/" + subject).errorCode()).isEqualTo(40401);
    }

    @Test
    void globalCompatibilityConfig() {
        assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        try {
            assertThat(http.put("/config", Map.of("compatibility", "full_transitive")).body())
                    .isEqualTo("{\"compatibility\":\"FULL_TRANSITIVE\"}");
            assertThat(http.get("/config").json().path("compatibilityLevel").asString()).isEqualTo("FULL_TRANSITIVE");
            assertThat(http.put("/config", Map.of()).errorCode()).isEqualTo(42203);
        } finally {
            http.put("/config", Map.of("compatibility", "BACKWARD"));
        }
    }

    @Test
    void unknownPathsAnswerInConfluentsErrorShape() {
        Response response = http.get("/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo(404);
        assertThat(http.get("/").body()).isEqualTo("{}");
    }
}
