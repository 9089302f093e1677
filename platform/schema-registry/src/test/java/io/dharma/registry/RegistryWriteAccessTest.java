package io.dharma.registry;

import static io.dharma.registry.RegistryHttp.schema;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import io.dharma.registry.RegistryHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A registry whose writes need a credential: reads and the read-only POSTs stay open, writes do not. */
class RegistryWriteAccessTest {

    private static final String TOKEN = "writer-" + UUID.randomUUID();

    static EmbeddedSchemaRegistry registry;
    static RegistryHttp anonymous;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        registry = EmbeddedSchemaRegistry.start(TestKafka.bootstrapServers(), 0,
                Map.of("dharma.registry.topic", "_schemas-write-access-test"), WriteAccess.bearer(TOKEN));
        anonymous = new RegistryHttp(registry.url());
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void anonymousWritesAreRefusedAsProblemJsonThatConfluentClientsAlsoRead() {
        String subject = "t-" + UUID.randomUUID() + "-value";

        Response register = anonymous.post("/subjects/" + subject + "/versions", schema(SchemaRegistryApiTest.V1));
        Response configure = anonymous.put("/config", Map.of("compatibility", "NONE"));
        Response delete = anonymous.delete("/subjects/" + subject + "?permanent=true");

        for (Response refused : new Response[] {register, configure, delete}) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("code").asString()).isEqualTo("auth.unauthenticated");
            assertThat(refused.json().path("error_code").asInt()).isEqualTo(40101);
        }
        assertThat(anonymous.get("/config").json().path("compatibilityLevel").asString()).isEqualTo("BACKWARD");
    }

    @Test
    void theWriterRegistersAndEveryoneReadsLooksUpAndChecksCompatibility() throws Exception {
        String subject = "t-" + UUID.randomUUID() + "-value";
        String body = RegistryHttp.JSON.writeValueAsString(schema(SchemaRegistryApiTest.V1));

        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(
                        URI.create(registry.url() + "/subjects/" + subject + "/versions"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", RegistryHttp.SR_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/subjects/" + subject + "/versions").status()).isEqualTo(200);
        assertThat(anonymous.post("/subjects/" + subject, schema(SchemaRegistryApiTest.V1)).status()).isEqualTo(200);
        assertThat(anonymous.post("/compatibility/subjects/" + subject + "/versions/latest",
                schema(SchemaRegistryApiTest.V2)).json().path("is_compatible").asBoolean()).isTrue();
    }

    @Test
    void aWrongTokenIsRefused() throws Exception {
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(registry.url() + "/config"))
                .header("Authorization", "Bearer not-" + TOKEN).header("Content-Type", RegistryHttp.SR_JSON)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"NONE\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
    }
}
