package io.dharma.infra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.dharma.testing.ChildProcess;
import io.dharma.testing.EmbeddedStack;
import io.dharma.testing.TestIssuer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.util.FileSystemUtils;

/**
 * The platform split as compose and Helm run it, on this machine without Docker: the embedded
 * broker, registry and PostgreSQL started once in the test JVM ({@link EmbeddedStack}), then every
 * {@link Service} as a JVM of its own from its {@code -exec.jar}, configured only by
 * {@link ServiceEnvironment}, all started at once. A service is up when its readiness probe answers
 * 200. Their spans go to an OTLP receiver in this JVM ({@link OtlpTraceReceiver}). Each start's output is in {@code target/split-process/logs}; a failed test prints every
 * service's tail, and the processes are stopped after the class (killed when this JVM exits first).
 */
final class SplitPlatform implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Path HOME = Path.of("target", "split-process").toAbsolutePath();
    /** C1 only and the CDS archive: these JVMs start in parallel on a small machine, and none of them runs long. */
    private static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto",
            "-XX:+UseSerialGC", "-Xmx384m");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final Map<Service, ChildProcess> processes = new EnumMap<>(Service.class);
    private final OtlpTraceReceiver traces = new OtlpTraceReceiver();

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        // A new broker and database each run: a streams state directory left by the last one would not match them.
        FileSystemUtils.deleteRecursively(HOME);
        EmbeddedStack stack = EmbeddedStack.get();
        Map<String, Object> spring = stack.springProperties();
        ServiceEnvironment.Infrastructure infra = new ServiceEnvironment.Infrastructure(stack.bootstrapServers(),
                stack.registryUrl(), stack.jdbcUrl(), (String) spring.get("spring.datasource.username"),
                (String) spring.get("spring.datasource.password"), TestIssuer.get().issuerUri(), traces.endpoint());
        for (Service service : Service.values()) {
            ports.put(service, freePort());
        }
        for (Service service : Service.values()) {
            Path dataDir = HOME.resolve(service.id());
            List<String> command = new ArrayList<>(List.of(ChildProcess.javaBinary()));
            command.addAll(JVM_FLAGS);
            command.addAll(List.of("-jar", service.execJar().toString()));
            processes.put(service, new ChildProcess(service.id(), command, dataDir, HOME.resolve("logs"))
                    .withEnvironmentOnly(ServiceEnvironment.of(service, infra, ports, dataDir)));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.values().forEach(ChildProcess::kill9),
                "split-process-kill"));
        // A thread per start: the common pool has a single thread on a 2-core machine.
        try (ExecutorService starts = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture.allOf(processes.keySet().stream()
                    .map(service -> CompletableFuture.runAsync(() -> start(service), starts))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts {@code service} (again: same port, environment and data) and returns once it is ready. */
    void start(Service service) {
        processes.get(service).start(START_TIMEOUT, log -> ready(service));
    }

    /** SIGKILL to the service's JVM. */
    void kill9(Service service) {
        processes.get(service).kill9();
    }

    /** The spans every service process has exported. */
    OtlpTraceReceiver traces() {
        return traces;
    }

    String url(Service service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    private boolean ready(Service service) {
        return probe(service, "readiness") == 200;
    }

    /** The HTTP status of the service's {@code liveness} or {@code readiness} probe, 0 when nothing answers. */
    int probe(Service service, String probe) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url(service) + "/actuator/health/" + probe))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        processes.values().forEach(process -> System.err.printf("%n===== %s (%s), last lines =====%n%s%n",
                process.name(), process.log(), process.tail(60)));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void close() {
        processes.values().parallelStream().forEach(ChildProcess::close);
        traces.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
