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
    void readinessIsUpWithKafkaRegistryAndDatabase() throws Exception {
        HttpResponse<String> response = get(platform.apiUrl() + "/actuator/health/readiness");

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
    void prometheusMetricsAreExposed() throws Exception {
        assertThat(get(platform.apiUrl() + "/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
