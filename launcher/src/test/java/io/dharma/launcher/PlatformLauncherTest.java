package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The one-JVM platform exactly as `./dharma up` starts it, on free ports. */
class PlatformLauncherTest {

    private final RunningPlatform platform = SharedPlatform.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessIsOpenToProbesButItsDetailsAreForPlatformAdmins() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(
                URI.create(platform.apiUrl() + "/readyz")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("schemaRegistry");

        HttpResponse<String> response = get(platform.managementUrl() + "/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"status\":\"UP\"")
                .contains("\"kafka\"")
                .contains("\"schemaRegistry\"")
                .contains("\"db\"");
    }

    @Test
    void registryServesTheConfluentApi() throws Exception {
        HttpResponse<String> response = get(platform.registryUrl() + "/config");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("BACKWARD");
    }

    @Test
    void aSubmittedExampleIsTrackedUpToDeployed() throws Exception {
        HttpRequest submit = HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/api/v1/blueprints"))
                .header("Content-Type", "application/yaml")
                .header("Authorization", "Bearer " + adminKey())
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("../examples/aws-web-app.yaml")))
                .build();

        HttpResponse<String> accepted = http.send(submit, HttpResponse.BodyHandlers.ofString());

        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(get(platform.apiUrl() + location).statusCode()).as("tracked from the 202 on").isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(get(platform.apiUrl() + location).body()).contains("\"status\":\"SUCCEEDED\""));
    }

    @Test
    void theSandboxCloudIsTheDefaultExecutor() throws Exception {
        HttpResponse<String> faults = get(platform.apiUrl() + "/api/v1/sandbox/faults");

        assertThat(faults.statusCode()).isEqualTo(200);
        assertThat(platform.context().getBean(io.dharma.executor.InfrastructureExecutor.class).name()).isEqualTo("sandbox");
    }

    @Test
    void prometheusMetricsAreForPlatformAdmins() throws Exception {
        assertThat(get(platform.managementUrl() + "/actuator/prometheus").statusCode()).isEqualTo(200);
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(
                URI.create(platform.managementUrl() + "/actuator/prometheus")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void theFirstStartGeneratesAnAdminKeyReadableOnlyByItsOwner() throws Exception {
        Path file = Path.of(platform.context().getEnvironment().getProperty("dharma.security.admin-key-file"));

        assertThat(platform.generatedAdminKey()).isPresent();
        assertThat(java.nio.file.Files.readString(file).strip()).isEqualTo(platform.generatedAdminKey().orElseThrow());
        assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(platform.banner()).contains(platform.generatedAdminKey().orElseThrow());
    }

    @Test
    void anonymousCallsAreRefusedWithAChallenge() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/api/v1/blueprints"))
                .header("X-Dharma-Tenant", "default").header("X-Dharma-User", "someone")
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("../examples/aws-web-app.yaml"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"auth.unauthenticated\"");
    }

    /** As `./dharma up`'s first user does: with the generated platform-admin key. */
    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + adminKey()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String adminKey() {
        return platform.generatedAdminKey().orElseThrow();
    }
}
