package io.dharma.registry;

import static io.dharma.registry.RegistryHttp.schema;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The schema topic is the registry's only state: a new registry on the same topic answers the same. */
class SchemaRegistryRestartTest {

    static final String TOPIC = "_schemas-restart-test";
    static final String V1 = """
            {"type":"record","name":"Shipment","fields":[{"name":"id","type":"string"}]}""";
    static final String V2 = """
            {"type":"record","name":"Shipment","fields":[
              {"name":"id","type":"string"},{"name":"carrier","type":["null","string"],"default":null}]}""";

    @Test
    void aRestartedRegistryKeepsEveryIdVersionAndSetting() {
        int v1Id;
        int v2Id;
        int otherId;
        try (EmbeddedSchemaRegistry first = start()) {
            RegistryHttp http = new RegistryHttp(first.url());
            v1Id = http.post("/subjects/shipments-value/versions", schema(V1)).json().path("id").asInt();
            v2Id = http.post("/subjects/shipments-value/versions", schema(V2)).json().path("id").asInt();
            otherId = http.post("/subjects/old-value/versions", schema("\"long\"")).json().path("id").asInt();
            http.delete("/subjects/old-value");
            http.put("/config/shipments-value", Map.of("compatibility", "FULL"));
        }

        try (EmbeddedSchemaRegistry second = start()) {
            RegistryHttp http = new RegistryHttp(second.url());

            assertThat(http.post("/subjects/shipments-value", schema(V1)).json().path("id").asInt()).isEqualTo(v1Id);
            assertThat(http.get("/subjects/shipments-value/versions/latest").json().path("id").asInt()).isEqualTo(v2Id);
            assertThat(http.get("/schemas/ids/" + otherId).status()).isEqualTo(200);
            assertThat(http.get("/subjects/old-value/versions").errorCode()).isEqualTo(40401);
            assertThat(http.get("/config/shipments-value").json().path("compatibilityLevel").asString()).isEqualTo("FULL");
            // Re-registering keeps the id; a new schema gets the next id, never a reused one.
            assertThat(http.post("/subjects/shipments-value/versions", schema(V2)).json().path("id").asInt()).isEqualTo(v2Id);
            int next = http.post("/subjects/fresh-value/versions", schema("\"double\"")).json().path("id").asInt();
            assertThat(next).isEqualTo(Math.max(Math.max(v1Id, v2Id), otherId) + 1);
        }
    }

    private static EmbeddedSchemaRegistry start() {
        return EmbeddedSchemaRegistry.start(TestKafka.bootstrapServers(), 0, Map.of("dharma.registry.topic", TOPIC));
    }
}
