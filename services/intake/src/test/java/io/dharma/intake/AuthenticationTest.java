package io.dharma.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may call the intake API: an authenticated caller with the right role, within its own tenant. */
class AuthenticationTest extends IntakeIntegrationTest {

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    @Test
    void anAnonymousSubmissionIs401WithAChallenge() {
        IntakeClient.Response response = IntakeClient.anonymous(baseUrl())
                .submit(TestBlueprints.bucket("anonymous-app", "x"), "application/yaml");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo("auth.unauthenticated");
    }

    @Test
    void theOldXDharmaHeadersAloneAuthenticateNobody() {
        IntakeClient headersOnly = IntakeClient.withHeaders(baseUrl(),
                Map.of("X-Dharma-Tenant", "legacy", "X-Dharma-User", "mallory@example.com"));

        IntakeClient.Response submit = headersOnly.submit(TestBlueprints.bucket("legacy-app", "x"), "application/yaml");
        IntakeClient.Response list = headersOnly.get("/api/v1/blueprints");

        assertThat(submit.status()).isEqualTo(401);
        assertThat(submit.text("code")).isEqualTo("auth.unauthenticated");
        assertThat(list.status()).isEqualTo(401);
        assertThat(client("legacy").get("/api/v1/blueprints").json().path("totalItems").asInt())
                .as("nothing was stored for the tenant the headers named").isZero();
    }

    @Test
    void aViewerCanReadButNotSubmit() {
        String tenant = "viewing-" + UUID.randomUUID().toString().substring(0, 8);
        IntakeClient viewer = IntakeClient.withRoles(baseUrl(), tenant, Set.of("viewer"));
        IntakeClient.Response submitted = client(tenant).submit(TestBlueprints.bucket("viewed-app", "x"), "application/yaml");
        assertThat(submitted.status()).isEqualTo(202);

        IntakeClient.Response refused = viewer.submit(TestBlueprints.bucket("viewer-app", "x"), "application/yaml");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text("code")).isEqualTo("auth.forbidden");
        assertThat(viewer.get("/api/v1/blueprints").json().path("totalItems").asInt()).isEqualTo(1);
        assertThat(viewer.get("/api/v1/blueprints/" + submitted.text("blueprintId")).status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/submissions/" + submitted.text("trackingId")).status()).isEqualTo(200);
    }

    @Test
    void aDeveloperCanSubmit() {
        IntakeClient developer = IntakeClient.withRoles(baseUrl(), "developing", Set.of("developer"));

        assertThat(developer.submit(TestBlueprints.bucket("developed-app", "x"), "application/yaml").status())
                .isEqualTo(202);
    }

    @Test
    void anotherTenantsBlueprintIs404Everywhere() {
        IntakeClient.Response submitted = client("owner-" + UUID.randomUUID().toString().substring(0, 8))
                .submit(TestBlueprints.bucket("private-app", "x"), "application/yaml");
        String blueprint = "/api/v1/blueprints/" + submitted.text("blueprintId");
        IntakeClient other = client("other-" + UUID.randomUUID().toString().substring(0, 8));

        for (String path : new String[] {blueprint, blueprint + "/versions", blueprint + "/versions/1"}) {
            IntakeClient.Response response = other.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.text("code")).as(path).isEqualTo("blueprint.not-found");
        }
        IntakeClient.Response tracking = other.get("/api/v1/submissions/" + submitted.text("trackingId"));
        assertThat(tracking.status()).isEqualTo(404);
        assertThat(tracking.text("code")).isEqualTo("tracking.not-found");
    }
}
