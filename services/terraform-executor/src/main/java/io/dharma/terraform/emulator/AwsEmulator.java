package io.dharma.terraform.emulator;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * moto_server, an AWS API emulator, as a child process on 127.0.0.1, seeded with what the data
 * sources of the shipped AWS examples look up and Terraform cannot create: the AMIs of
 * {@code aws_ami} (moto serves the images of the file named by {@code MOTO_AMIS_PATH} instead
 * of its own) and the public hosted zones of {@code aws_route53_zone}. Its state lives only in
 * the process: every start is a fresh AWS, except that a start on a fixed port finds the emulator
 * a killed platform left running with the same home, and uses it (what was deployed is in there).
 *
 * <p>The seed holds one image per image the AWS mapping knows, not only the examples' ones, and
 * no {@code creation_date}: moto 5.2 parses that field in place in the list every region shares,
 * so DescribeImages in the second region asked would fail with a 500.
 *
 * <p>Where moto answers unlike AWS, the emulator is mended, never the generated Terraform: a
 * {@code sitecustomize.py} on moto's {@code PYTHONPATH} patches moto's ElastiCache modules when
 * moto loads them, so that a replication group has its member clusters ({@code <group>-001},
 * ...), a deleted group is gone and DeleteCacheSubnetGroup exists (moto 5.2 creates no member,
 * keeps the group "deleting" forever and does not implement the latter). If moto's internals are
 * not what it expects, one line in {@code moto.log} says so and moto runs unpatched.
 */
public final class AwsEmulator implements AutoCloseable {

    public static final String COMMAND = "moto_server";

    /** The zones the dns.record resources of examples/*.yaml name; {@code AwsEmulatorTest} keeps the two in step. */
    static final List<String> HOSTED_ZONES = List.of("shop.example.com", "orders.example.com");

    private static final String AMIS = "/aws-emulator/amis.json";
    /** Imported by Python at start-up from moto's PYTHONPATH: fills moto's ElastiCache gaps (see its docstring). */
    private static final String PATCHES = "/aws-emulator/sitecustomize.py";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(AwsEmulator.class);

    private final ProcessHandle process;
    private final String endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AwsEmulator(ProcessHandle process, int port) {
        this.process = process;
        this.endpoint = "http://127.0.0.1:" + port;
    }

    /**
     * Starts moto_server on 127.0.0.1:{@code port} (0 picks a free port), its seed and log in
     * {@code home}, and returns once it answers and the hosted zones exist.
     *
     * @throws IllegalStateException if moto_server is not on the PATH, the port is taken, or it does not come up
     */
    public static AwsEmulator start(Path home, int port) {
        if (!onPath(COMMAND)) {
            throw new IllegalStateException(COMMAND + " is not on the PATH: install moto (pip install 'moto[server]') "
                    + "to deploy AWS blueprints into the emulator.");
        }
        if (port != 0) {
            Optional<ProcessHandle> left = leftRunning(home, port);
            if (left.isPresent()) {
                // A platform killed before it could stop its emulator: what was deployed lives in there.
                log.warn("AWS API emulator (moto, pid {}) of a platform process that did not stop is still serving "
                        + "127.0.0.1:{}; using it", left.get().pid(), port);
                return new AwsEmulator(left.get(), port);
            }
        }
        int chosen = port == 0 ? freePort() : requireFree(port);
        Process process;
        try {
            Files.createDirectories(home);
            Path amis = home.resolve("amis.json");
            copyResource(AMIS, amis);
            // A directory of its own: whatever else lands in home never shadows a Python module.
            Path python = Files.createDirectories(home.resolve("python"));
            copyResource(PATCHES, python.resolve("sitecustomize.py"));
            ProcessBuilder builder = new ProcessBuilder(COMMAND, "-H", "127.0.0.1", "-p", String.valueOf(chosen))
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("moto.log").toFile());
            builder.environment().put("MOTO_AMIS_PATH", amis.toAbsolutePath().toString());
            String pythonPath = builder.environment().get("PYTHONPATH");
            builder.environment().put("PYTHONPATH", python.toAbsolutePath()
                    + (pythonPath == null || pythonPath.isEmpty() ? "" : File.pathSeparator + pythonPath));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + COMMAND + " in " + home, e);
        }
        AwsEmulator emulator = new AwsEmulator(process.toHandle(), chosen);
        try {
            emulator.awaitAnswer(home.resolve("moto.log"));
            HOSTED_ZONES.forEach(emulator::createPublicZone);
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
        log.info("AWS API emulator (moto) ready at {}, log in {}", emulator.endpoint, home.resolve("moto.log"));
        return emulator;
    }

    /** The URL every AWS service endpoint of the provider points at: moto serves them all on one port. */
    public String endpoint() {
        return endpoint;
    }

    /** True when {@code command} is an executable file in a directory of the PATH. */
    public static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops moto and whatever it started. The descendants are listed before the process is
     * stopped: once it is gone, its children are re-parented and no longer found through it.
     */
    @Override
    public void close() {
        List<ProcessHandle> all = Stream.concat(process.descendants(), Stream.of(process)).toList();
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        }
    }

    @Override
    public String toString() {
        return "AWS API emulator at " + endpoint;
    }

    private void awaitAnswer(Path logFile) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpRequest probe = HttpRequest.newBuilder(URI.create(endpoint + "/moto-api/"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(COMMAND + " exited before answering; see " + logFile);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // moto imports every service's models before it binds the port: a few seconds
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + COMMAND, e);
            }
            pause();
        }
        throw new IllegalStateException(COMMAND + " did not answer at " + endpoint + " within " + START_TIMEOUT
                + "; see " + logFile);
    }

    /**
     * Route53's REST API (CreateHostedZone). moto serves every service on one port and tells them
     * apart by the service named in the Authorization header's credential scope; it checks no
     * signature, so the header carries the scope only.
     */
    private void createPublicZone(String zone) {
        String body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <CreateHostedZoneRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/">
                  <Name>%s</Name>
                  <CallerReference>dharma-seed-%s</CallerReference>
                  <HostedZoneConfig><Comment>Seeded by Dharma</Comment><PrivateZone>false</PrivateZone></HostedZoneConfig>
                </CreateHostedZoneRequest>
                """.formatted(zone, zone);
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/2013-04-01/hostedzone"))
                .header("Authorization", credentialScope("route53"))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("The emulator refused hosted zone " + zone + " ("
                        + response.statusCode() + "): " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create hosted zone " + zone + " in the emulator", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding the emulator", e);
        }
    }

    /** An Authorization header that routes a request to {@code service} in moto (unsigned: moto does not verify). */
    private static String credentialScope(String service) {
        return "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/" + service
                + "/aws4_request, SignedHeaders=host, Signature=unsigned";
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = AwsEmulator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            Files.write(target, in.readAllBytes());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }

    /**
     * Refuses a taken port up front: moto would exit on it, but another server answering there
     * (an emulator already running) would look ready and get seeded in our place.
     */
    /**
     * The moto_server an earlier start with this home left serving {@code port}: its command line is
     * ours and its MOTO_AMIS_PATH (read from /proc) is this home's seed.
     */
    private static Optional<ProcessHandle> leftRunning(Path home, int port) {
        String seed = "MOTO_AMIS_PATH=" + home.resolve("amis.json").toAbsolutePath();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine()
                        .map(line -> line.contains(COMMAND) && line.endsWith("-p " + port)).orElse(false))
                .filter(process -> {
                    try {
                        return List.of(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "environ"))
                                .split("\u0000")).contains(seed);
                    } catch (IOException | RuntimeException e) {
                        return false;
                    }
                })
                .findFirst();
    }

    private static int requireFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is already in use; choose another for "
                    + COMMAND + " (0 picks a free one).", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + COMMAND, e);
        }
    }
}
