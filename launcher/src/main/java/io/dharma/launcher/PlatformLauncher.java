package io.dharma.launcher;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dharma.embedded.EmbeddedKafkaBroker;
import io.dharma.embedded.EmbeddedPostgresServer;
import io.dharma.registry.EmbeddedSchemaRegistry;
import io.dharma.streams.runtime.DharmaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the embedded infrastructure in dependency order (Kafka and PostgreSQL, then the
 * registry that stores its schemas in Kafka), then the platform's Spring context wired to it.
 * Kafka or PostgreSQL given as {@link EmbeddedSettings.External} is used instead of started.
 */
public final class PlatformLauncher {

    /** Where a generated platform-admin key is written, under the platform's home. */
    public static final String ADMIN_KEY_FILE = "admin.key";

    private static final Duration STREAMS_START_TIMEOUT = Duration.ofSeconds(120);

    private static final Logger log = LoggerFactory.getLogger(PlatformLauncher.class);

    private PlatformLauncher() {
    }

    public static RunningPlatform start(EmbeddedSettings settings) {
        return start(settings, Map.of());
    }

    /** As {@link #start(EmbeddedSettings)}, with more default properties (a test trusting its own issuer). */
    public static RunningPlatform start(EmbeddedSettings requested, Map<String, Object> extraProperties) {
        int httpPort = requested.ports().http();
        EmbeddedSettings settings = requested.withHttpPort(httpPort == 0 ? freePort() : httpPort);
        EmbeddedSettings.Ports ports = settings.ports();
        ShutdownStack started = new ShutdownStack();
        try {
            EmbeddedSettings.External external = settings.external();
            String bootstrapServers = external.kafkaBootstrapServers() != null ? external.kafkaBootstrapServers()
                    : started.push(EmbeddedKafkaBroker.start(settings.home(), ports.kafka(), settings.bindAddress(), Map.of()))
                            .bootstrapServers();
            EmbeddedSettings.External.Postgres postgres = external.postgres() != null ? external.postgres()
                    : embeddedPostgres(started.push(EmbeddedPostgresServer.start(settings.home(), ports.postgres(),
                            settings.bindAddress())));
            PlatformAdminWrites registryWrites = new PlatformAdminWrites();
            EmbeddedSchemaRegistry registry = started.push(EmbeddedSchemaRegistry.start(bootstrapServers,
                    ports.registry(), Map.of("server.address", settings.bindAddress()), registryWrites));
            Map<String, Object> properties = platformProperties(settings, bootstrapServers, postgres, registry);
            if (external.kafkaBootstrapServers() == null) {
                properties.putAll(StaticMembership.properties(settings.home()));
            }
            properties.put("spring.kafka.properties.bearer.auth.credentials.source", "STATIC_TOKEN");
            properties.put("spring.kafka.properties.bearer.auth.token", registryWrites.servicesToken());
            properties.putAll(AwsDeployments.properties(settings, started));
            properties.putAll(extraProperties);
            ConfigurableApplicationContext platform = new SpringApplicationBuilder(DharmaPlatformApplication.class)
                    .properties(properties)
                    .registerShutdownHook(false)
                    .run();
            started.push(platform::close);
            registryWrites.platformStarted(platform);
            awaitStreams(platform);
            return new RunningPlatform(bootstrapServers, postgres.jdbcUrl(), registry, platform, started);
        } catch (RuntimeException e) {
            log.error("Dharma failed to start; stopping what was started", e);
            started.close();
            throw e;
        }
    }

    /**
     * Passed as default properties: anything the user sets in the environment or in
     * application properties still wins.
     */
    private static Map<String, Object> platformProperties(EmbeddedSettings settings, String bootstrapServers,
            EmbeddedSettings.External.Postgres postgres, EmbeddedSchemaRegistry registry) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("server.port", settings.ports().http());
        // Actuator apart from the API; /livez and /readyz stay on the API port for probes.
        props.put("management.server.port", settings.ports().management());
        props.put("spring.kafka.bootstrap-servers", bootstrapServers);
        props.put("dharma.schema-registry.url", registry.url());
        props.put("spring.datasource.url", postgres.jdbcUrl());
        props.put("spring.datasource.username", postgres.username());
        props.put("spring.datasource.password", postgres.password());
        props.put("dharma.streams.state-dir", settings.home().resolve("state").toString());
        // The embedded issuer is the platform's own URL, and the platform trusts it like any company IdP.
        String issuer = "http://localhost:" + settings.ports().http();
        props.put("dharma.identity.issuer", issuer);
        props.put("dharma.security.issuers[0].issuer-uri", issuer);
        props.put("dharma.security.issuers[0].jwk-set-uri", issuer + "/oauth2/jwks");
        // The tracking URL asks the intake for submissions not folded yet over HTTP, here as when they run apart (ADR 0025).
        props.put("dharma.streams.intake-url", issuer);
        props.put("dharma.security.admin-key-file", settings.home().resolve(ADMIN_KEY_FILE).toString());
        // The dry run asks each stage over HTTP as it does when they run apart; here they all answer at this URL.
        String self = "http://localhost:" + settings.ports().http();
        for (String stage : List.of("generator", "guardrails", "costing", "streams")) {
            props.put("dharma.intake.plan." + stage + "-url", self);
        }
        // The notifier: its key in the home, links to this API (where ServiceNow decisions are relayed too),
        // and receivers on this machine allowed.
        props.put("dharma.notifier.encryption-key", NotifierKeyFile.readOrCreate(settings.home()));
        props.put("dharma.notifier.public-url", issuer);
        props.put("dharma.notifier.targets.allow-loopback", true);
        props.put("dharma.notifier.orchestrator-url", issuer);
        return props;
    }

    private static EmbeddedSettings.External.Postgres embeddedPostgres(EmbeddedPostgresServer server) {
        return new EmbeddedSettings.External.Postgres(server.jdbcUrl(), server.username(), server.password());
    }

    /** The issuer's URL must be known before the web server starts, so "any free port" is chosen here. */
    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Returns once the streams application has restored its stores, so the query API answers from the start. */
    private static void awaitStreams(ConfigurableApplicationContext platform) {
        DharmaStreams streams = platform.getBeanProvider(DharmaStreams.class).getIfAvailable();
        if (streams == null) {
            return;
        }
        try {
            if (!streams.awaitRunning(STREAMS_START_TIMEOUT)) {
                log.warn("the streams application is not RUNNING after {}; queries answer 503 until it is", STREAMS_START_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
