package io.dharma.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the registry inside the current JVM as its own Spring context and web server, e.g. for
 * the one-JVM launcher and for tests:
 *
 * <pre>{@code
 * try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
 *     String url = registry.url(); // http://localhost:<port>
 * }
 * }</pre>
 *
 * Its settings are passed as command-line arguments, which outrank environment variables and
 * config files, so the host's {@code SERVER_PORT} or {@code application.yml} cannot leak in.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;
    private final String host;

    private EmbeddedSchemaRegistry(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.host = connectHost(context.getEnvironment().getProperty("server.address", "localhost"));
    }

    /**
     * Port 0 picks a free port; the schema topic is {@code _schemas}. Anyone may write: for tests
     * and benchmarks on a private stack ({@code dharma up} passes its own {@link WriteAccess}).
     */
    public static EmbeddedSchemaRegistry start(String bootstrapServers, int port) {
        return start(bootstrapServers, port, Map.of());
    }

    /**
     * As {@link #start(String, int)}, anyone writing.
     *
     * @param properties extra registry properties, e.g. {@code dharma.registry.topic}, {@code server.address}
     */
    public static EmbeddedSchemaRegistry start(String bootstrapServers, int port, Map<String, String> properties) {
        return start(bootstrapServers, port, properties, WriteAccess.ANYONE);
    }

    /**
     * @param properties extra registry properties; {@code server.address} is where it listens
     *                   (default {@code localhost})
     * @param writes     who may register, configure and delete
     */
    public static EmbeddedSchemaRegistry start(String bootstrapServers, int port, Map<String, String> properties,
            WriteAccess writes) {
        List<String> args = new ArrayList<>();
        args.add("--spring.config.name=" + SchemaRegistryApplication.CONFIG_NAME);
        args.add("--server.port=" + port);
        args.add("--server.address=" + properties.getOrDefault("server.address", "localhost"));
        args.add("--dharma.registry.bootstrap-servers=" + bootstrapServers);
        args.add("--spring.main.banner-mode=off");
        args.add("--spring.jmx.enabled=false");
        properties.forEach((key, value) -> {
            if (!key.equals("server.address")) {
                args.add("--" + key + "=" + value);
            }
        });

        SpringApplication application = new SpringApplication(SchemaRegistryApplication.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setRegisterShutdownHook(false);
        application.setLogStartupInfo(false);
        // The host owns the logging system; a second initialisation would reset its configuration.
        List<ApplicationListener<?>> listeners = new ArrayList<>(application.getListeners());
        listeners.removeIf(LoggingApplicationListener.class::isInstance);
        application.setListeners(listeners);
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("registryWriteAccess", writes));
        return new EmbeddedSchemaRegistry(application.run(args.toArray(String[]::new)));
    }

    public int port() {
        return port;
    }

    /** Base URL for {@code schema.registry.url}. */
    public String url() {
        return "http://" + host + ":" + port;
    }

    /** A client on this machine reaches a wildcard listener on loopback, any other at its address. */
    private static String connectHost(String address) {
        return switch (address) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::" -> "[::1]";
            default -> address.contains(":") ? "[" + address + "]" : address;
        };
    }

    @Override
    public void close() {
        context.close();
    }
}
