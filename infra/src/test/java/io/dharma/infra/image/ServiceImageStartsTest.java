package io.dharma.infra.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import io.dharma.testing.EmbeddedStack;

/**
 * Runs the state application from its image, without a container engine ({@link UnpackedContainer}),
 * against the embedded broker, registry and PostgreSQL, configured only through environment
 * variables as compose and Helm configure it, until its readiness probe says UP. It is the image
 * most likely to break on a small base: its state stores load RocksDB's native library, which
 * needs the C++ runtime, from the image's /tmp. Readiness covers Kafka, the registry and the
 * Streams state, so UP means the image's JVM, libraries, user and classpath all work.
 */
@EnabledIfSystemProperty(named = "dharma.images", matches = "true", disabledReason = "images are built with -Pimages (ADR 0024)")
class ServiceImageStartsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path root;

    @Test
    void theStateApplicationStartsFromItsImageAndGetsReady() throws Exception {
        ServiceImage streams = ServiceImage.ALL.stream().filter(s -> s.name().equals("streams")).findFirst().orElseThrow();
        OciImageTar image = OciImageTar.open(streams.tar());
        int port = freePort();
        Map<String, String> env = environment(EmbeddedStack.get().springProperties());
        env.put("SERVER_PORT", Integer.toString(port));
        Path log = Files.createDirectories(Path.of("target", "image-runs")).resolve(streams.name() + ".log");

        try (UnpackedContainer container = UnpackedContainer.start(image, root, env, log)) {
            URI liveness = URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness");
            URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .failFast("the container exited; its output is in " + log.toAbsolutePath(), () -> !container.isAlive())
                    .untilAsserted(() -> assertThat(get(readiness)).as(container::logTail).isEqualTo("200 UP"));
            assertThat(get(liveness)).isEqualTo("200 UP");
            // Spring Boot's start line: the image's Java, first process of its own PID namespace, in
            // the image's working directory, and (when this build runs as root) not as root.
            String started = Files.readString(log).lines().filter(l -> l.contains("Starting StreamsApplication"))
                    .findFirst().orElseThrow();
            assertThat(started).contains("using Java 25", "with PID 1 (/app/classes started by ", " in /tmp)");
            if (UnpackedContainer.runningAsRoot()) {
                assertThat(started).doesNotContain("started by root");
            }
            // Its stores are open: RocksDB's native library loaded on the image's C++ runtime.
            try (Stream<Path> state = Files.walk(root.resolve("tmp/.dharma"))) {
                assertThat(state.filter(Files::isDirectory).map(p -> p.getFileName().toString())).contains("rocksdb");
            }
        }
    }

    /** Spring property names as the environment variables compose and Helm set (Boot's relaxed binding). */
    private static Map<String, String> environment(Map<String, Object> properties) {
        Map<String, String> env = new HashMap<>();
        properties.forEach((name, value) -> env.put(
                name.replace("[", "_").replace("]", "").replaceAll("[.-]", "_").toUpperCase(Locale.ROOT),
                value.toString()));
        return env;
    }

    /** The status code and the health status, or why there is no answer yet. */
    private static String get(URI uri) throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String status = response.body().replaceAll("(?s).*\"status\"\\s*:\\s*\"([A-Z_]+)\".*", "$1");
            return response.statusCode() + " " + status;
        } catch (IOException e) {
            return "no answer: " + e;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
