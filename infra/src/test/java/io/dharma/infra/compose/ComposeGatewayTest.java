package io.dharma.infra.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dharma.infra.gateway.ApiOwners;
import io.dharma.infra.gateway.NginxRoutes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The compose file's gateway, the platform's single origin: as {@code docker-compose config} mounts
 * them, its nginx configuration and the chart's routing table send every path of openapi.yaml to a
 * container of the service that owns it, the web console's pages and the issuer's endpoints to theirs,
 * and the identity service lets the console sign in at the gateway's origin.
 */
class ComposeGatewayTest {

    private static JsonNode config;
    private static NginxRoutes routes;
    private static Map<String, List<String>> upstreams;

    @BeforeAll
    static void resolve() throws IOException {
        config = ComposeFile.config(ComposeFile.SECRETS);
        JsonNode gateway = config.path("services").path("gateway");
        String nginxConf = Files.readString(mounted(gateway, "/etc/nginx/nginx.conf"));
        assertThat(NginxRoutes.includes(nginxConf)).contains("/etc/nginx/dharma/routes.conf");
        routes = NginxRoutes.parse(Files.readString(mounted(gateway, "/etc/nginx/dharma/routes.conf")));
        upstreams = NginxRoutes.upstreams(nginxConf);
    }

    @Test
    void everyApiPathReachesAContainerOfTheServiceThatOwnsIt() {
        List<String> wrong = new ArrayList<>();
        for (ApiOwners.ApiPath path : ApiOwners.read()) {
            if (path.owner().isEmpty()) {
                assertThat(path.tags()).as(path.path()).containsAnyElementsOf(ApiOwners.LAUNCHER_ONLY_TAGS);
                continue;
            }
            check(path.path(), path.example(), path.owner().get(), wrong);
        }
        assertThat(wrong).as("openapi paths the gateway does not pass to their owner").isEmpty();
    }

    @Test
    void theConsoleAndTheIssuerAreServedAtTheSameOrigin() {
        List<String> wrong = new ArrayList<>();
        ApiOwners.CONSOLE_PATHS.forEach(path -> check(path, path, ApiOwners.CONSOLE_OWNER, wrong));
        ApiOwners.ISSUER_PATHS.forEach(path -> check(path, path, ApiOwners.ISSUER_OWNER, wrong));
        assertThat(wrong).isEmpty();
    }

    @Test
    void theIssuerLetsTheConsoleSignInAtTheGatewaysOrigin() {
        String published = config.path("services").path("gateway").path("ports").valueStream().map(ComposeGatewayTest::portText)
                .findFirst().orElseThrow();
        assertThat(published).as("published on the host's loopback only").startsWith("127.0.0.1:");
        String origin = "http://localhost:" + published.split(":")[1];

        JsonNode identity = config.path("services").path("identity").path("environment");
        assertThat(identity.path("DHARMA_IDENTITY_CONSOLE_ORIGINS_0").asString()).isEqualTo(origin);
        assertThat(identity.path("SERVER_FORWARD_HEADERS_STRATEGY").asString()).isEqualTo("native");
        assertThat(config.path("services").path("notifier").path("environment").path("DHARMA_NOTIFIER_PUBLIC_URL").asString())
                .isEqualTo(origin);
    }

    private static void check(String path, String example, String owner, List<String> wrong) {
        Optional<String> upstream = routes.upstreamOf(example);
        if (upstream.isEmpty()) {
            wrong.add(path + ": no route");
            return;
        }
        List<String> servers = upstreams.get(upstream.get());
        if (servers == null || servers.isEmpty()) {
            wrong.add(path + ": upstream " + upstream.get() + " is not defined in infra/gateway/nginx.conf");
            return;
        }
        for (String server : servers) {
            String host = server.substring(0, server.indexOf(':'));
            String port = server.substring(server.indexOf(':') + 1);
            JsonNode service = config.path("services").path(host);
            if (!service.path("image").asString("").startsWith("dharma/") || !ComposeFile.imageName(service).equals(owner)) {
                wrong.add(path + " -> " + server + ", which is not a container of " + owner);
            } else if (!portsOf(service).contains(port)) {
                wrong.add(path + " -> " + server + ", but " + host + " listens on " + portsOf(service));
            }
        }
    }

    /** The ports a compose service's server listens on: its SERVER_PORT, else the container ports it publishes. */
    private static List<String> portsOf(JsonNode service) {
        String serverPort = service.path("environment").path("SERVER_PORT").asString("");
        if (!serverPort.isEmpty()) {
            return List.of(serverPort);
        }
        return service.path("ports").valueStream().map(ComposeGatewayTest::portText)
                .map(port -> port.split(":")[port.split(":").length - 1].replace("/tcp", "")).toList();
    }

    /** A port as docker-compose v1 prints it ("127.0.0.1:8000:8000/tcp") or v2 (an object). */
    private static String portText(JsonNode port) {
        return port.isObject() ? port.path("host_ip").asString() + ":" + port.path("published").asString() + ":" + port.path("target").asString()
                : port.asString();
    }

    private static Path mounted(JsonNode service, String target) {
        for (JsonNode volume : service.path("volumes")) {
            String source = volume.isObject() ? volume.path("source").asString() : volume.asString().split(":")[0];
            String at = volume.isObject() ? volume.path("target").asString() : volume.asString().split(":")[1];
            if (at.equals(target)) {
                return Path.of(source);
            }
        }
        throw new AssertionError("the gateway mounts nothing at " + target);
    }
}
