package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.dharma.testing.TestIssuer;
import org.junit.jupiter.api.Test;

/**
 * What `./dharma up` exposes, and to whom: registry writes for platform-admins only, probes open
 * on the API port, health details on the management port for platform-admins, and Kafka, the
 * registry and PostgreSQL reachable from this machine only.
 */
class ExposureEndToEndTest {

    private static final String SCHEMA = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\","
            + "\\\"namespace\\\":\\\"test\\\",\\\"fields\\\":[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"}]}\"}";

    private final RunningPlatform platform = SharedPlatform.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void registryWritesAndDeletesNeedAPlatformAdmin() throws Exception {
        String subject = "exposure-" + UUID.randomUUID() + "-value";
        String developer = TestIssuer.get().token("e2e-exposure", "dev", Set.of("developer", "tenant-admin"));

        for (String method : List.of("POST", "DELETE")) {
            HttpResponse<String> anonymous = registry(method, subject, null);
            assertThat(anonymous.statusCode()).as(method + " anonymous").isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(anonymous.body()).contains("\"code\":\"auth.unauthenticated\"", "\"error_code\":40101");

            HttpResponse<String> notAdmin = registry(method, subject, developer);
            assertThat(notAdmin.statusCode()).as(method + " by a tenant-admin").isEqualTo(403);
            assertThat(notAdmin.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(notAdmin.body()).contains("\"code\":\"auth.forbidden\"", "\"error_code\":40301");
        }
        HttpResponse<String> configure = http.send(HttpRequest.newBuilder(URI.create(platform.registryUrl() + "/config"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"NONE\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(configure.statusCode()).isEqualTo(401);

        String admin = platform.generatedAdminKey().orElseThrow();
        assertThat(registry("POST", subject, admin).statusCode()).isEqualTo(200);
        assertThat(get(platform.registryUrl() + "/subjects/" + subject + "/versions", null).body())
                .as("reads stay open").isEqualTo("[1]");
        assertThat(registry("DELETE", subject, admin).statusCode()).isEqualTo(200);
        assertThat(registry("DELETE", subject + "?permanent=true", admin).statusCode()).isEqualTo(200);
    }

    @Test
    void livenessAndReadinessAnswerAnonymouslyOnTheApiPortWithoutDetails() throws Exception {
        for (String probe : List.of("/livez", "/readyz")) {
            HttpResponse<String> response = get(platform.apiUrl() + probe, null);

            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
        assertThat(get(platform.apiUrl() + "/actuator/health", null).statusCode())
                .as("actuator is not on the API port").isIn(401, 404);
    }

    @Test
    void healthDetailsOnTheManagementPortAreForPlatformAdminsOnly() throws Exception {
        String health = platform.managementUrl() + "/actuator/health";
        String developer = TestIssuer.get().token("e2e-exposure", "dev", Set.of("developer", "tenant-admin"));

        HttpResponse<String> anonymous = get(health, null);
        HttpResponse<String> tenantAdmin = get(health, developer);
        HttpResponse<String> admin = get(health, platform.generatedAdminKey().orElseThrow());

        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"")
                .doesNotContain("components", "clusterId", platform.registryUrl());
        assertThat(tenantAdmin.body()).doesNotContain("components", "clusterId", platform.registryUrl());
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"kafka\"", "\"schemaRegistry\"", "\"db\"");
        assertThat(get(platform.managementUrl() + "/actuator/prometheus", null).statusCode()).isEqualTo(401);
    }

    @Test
    void kafkaRegistryAndPostgresListenOnLoopbackOnly() throws Exception {
        List<Integer> ports = List.of(
                port(platform.bootstrapServers()),
                URI.create(platform.registryUrl()).getPort(),
                URI.create(platform.jdbcUrl().substring("jdbc:".length())).getPort());
        for (int port : ports) {
            assertThat(connects(InetAddress.getLoopbackAddress(), port)).as("loopback :" + port).isTrue();
        }
        Optional<InetAddress> other = nonLoopbackAddress();
        assumeTrue(other.isPresent(), "this machine has no address but loopback to try from");
        for (int port : ports) {
            assertThat(connects(other.get(), port)).as(other.get().getHostAddress() + ":" + port).isFalse();
        }
    }

    @Test
    void theEmbeddedInfrastructureIsAddressedOnLoopback() {
        assertThat(platform.bootstrapServers()).startsWith("127.0.0.1:");
        assertThat(platform.registryUrl()).startsWith("http://127.0.0.1:");
        assertThat(platform.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
    }

    private HttpResponse<String> registry(String method, String subject, String bearer) throws Exception {
        String path = method.equals("POST") ? "/subjects/" + subject + "/versions" : "/subjects/" + subject;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.registryUrl() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString(SCHEMA)
                        : HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int port(String hostAndPort) {
        return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }
}
