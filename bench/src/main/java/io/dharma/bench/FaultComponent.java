package io.dharma.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.dharma.embedded.BindAddress;
import io.dharma.embedded.EmbeddedKafkaBroker;
import io.dharma.embedded.EmbeddedPostgresServer;
import io.dharma.launcher.EmbeddedSettings;
import io.dharma.launcher.PlatformLauncher;
import io.dharma.launcher.RunningPlatform;
import io.dharma.streams.StreamsAutoConfiguration;
import io.dharma.streams.app.StreamsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The entry point of one {@link ComponentProcess}: runs one part of the fault bench's split
 * topology in this JVM until it is stopped (SIGTERM closes it cleanly) or killed. Every start of a
 * component uses the same ports and data directory, so a restart finds what the killed one left.
 */
@Command(name = "component", hidden = true,
        description = "Runs one component of the fault bench's topology (started by bench/run faults).")
final class FaultComponent implements Callable<Integer> {

    /** Printed once the component serves; {@link ComponentProcess} waits for it. */
    static final String READY = "dharma-fault-component-ready";

    enum Kind {
        /** A single-node KRaft broker, its log under --home. */
        kafka,
        /** The embedded PostgreSQL server (its postmaster is a process of its own; this JVM only starts it). */
        postgres,
        /** The launcher without its own broker, PostgreSQL and streams application: every service and the registry. */
        platform,
        /** The standalone streams application (Kafka Streams topology and query API). */
        streams
    }

    @Parameters(index = "0", description = "kafka, postgres, platform or streams")
    Kind kind;

    @Option(names = "--home", required = true)
    Path home;

    @Option(names = "--port", required = true, description = "Kafka, PostgreSQL or HTTP port")
    int port;

    @Option(names = "--controller-port", defaultValue = "0")
    int controllerPort;

    @Option(names = "--registry-port", defaultValue = "0")
    int registryPort;

    @Option(names = "--bootstrap-servers")
    String bootstrapServers;

    @Option(names = "--jdbc-url")
    String jdbcUrl;

    @Option(names = "--registry-url")
    String registryUrl;

    @Option(names = "--registry-token", description = "A platform-admin key: registering a schema is a registry write")
    String registryToken;

    @Option(names = "--issuer-uri", description = "The load's stand-in IdP, served by the bench process")
    String issuerUri;

    @Option(names = "--property", description = "More platform properties (key=value)")
    Map<String, String> properties = Map.of();

    @Override
    public Integer call() throws Exception {
        AutoCloseable running = switch (kind) {
            case kafka -> kafka();
            case postgres -> EmbeddedPostgresServer.start(home, port);
            case platform -> platform();
            case streams -> streams();
        };
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("error while stopping " + kind + ": " + e);
            }
            stopped.countDown();
        }, "fault-component-stop"));
        System.out.println(READY);
        stopped.await();
        return 0;
    }

    private EmbeddedKafkaBroker kafka() {
        // The controller's port is fixed too: a restarted node must find the quorum its log names.
        return EmbeddedKafkaBroker.start(home, port, Map.of(
                "listeners", "PLAINTEXT://" + BindAddress.LOOPBACK + ":" + port + ",CONTROLLER://" + BindAddress.LOOPBACK + ":" + controllerPort,
                "controller.quorum.voters", "1@" + BindAddress.LOOPBACK + ":" + controllerPort));
    }

    private RunningPlatform platform() {
        EmbeddedSettings settings = EmbeddedSettings.ephemeral(home)
                .withPorts(new EmbeddedSettings.Ports(port, 0, 0, registryPort, 0))
                .withExternal(new EmbeddedSettings.External(bootstrapServers,
                        new EmbeddedSettings.External.Postgres(jdbcUrl, "postgres", "")));
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("dharma.security.issuers[1].issuer-uri", issuerUri);
        all.put("spring.autoconfigure.exclude", StreamsAutoConfiguration.class.getName());
        // the launcher's readiness group names the streams application's health, which runs in its own process here
        all.put("management.endpoint.health.validate-group-membership", "false");
        return PlatformLauncher.start(settings, all);
    }

    private ConfigurableApplicationContext streams() {
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--dharma.schema-registry.url=" + registryUrl,
                "--server.port=" + port,
                "--dharma.security.issuers[0].issuer-uri=" + issuerUri,
                "--dharma.streams.state-dir=" + home.resolve("state"),
                "--spring.kafka.properties.bearer.auth.credentials.source=STATIC_TOKEN",
                "--spring.kafka.properties.bearer.auth.token=" + registryToken,
                "--spring.autoconfigure.exclude=" + StreamsCluster.EXCLUDED_SERVICES,
                "--spring.main.banner-mode=off"));
        return new SpringApplicationBuilder(StreamsApplication.class)
                .properties(StreamsApplication.CONFIG_NAME)
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new));
    }
}
