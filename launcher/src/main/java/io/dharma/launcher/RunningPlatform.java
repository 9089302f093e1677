package io.dharma.launcher;

import io.dharma.embedded.EmbeddedKafkaBroker;
import io.dharma.embedded.EmbeddedPostgresServer;
import io.dharma.orchestrator.deployment.ExecutorChoice;
import io.dharma.registry.EmbeddedSchemaRegistry;
import java.util.stream.Collectors;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A started platform: its addresses, and {@link #close()} to stop everything in reverse order. */
public final class RunningPlatform implements AutoCloseable {

    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedSchemaRegistry registry;
    private final ConfigurableApplicationContext context;
    private final ShutdownStack shutdown;

    RunningPlatform(EmbeddedKafkaBroker kafka, EmbeddedPostgresServer postgres, EmbeddedSchemaRegistry registry,
            ConfigurableApplicationContext context, ShutdownStack shutdown) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.registry = registry;
        this.context = context;
        this.shutdown = shutdown;
    }

    public String apiUrl() {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return "http://localhost:" + port;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    String banner() {
        return """

                Dharma is up.
                  API and health   %s  (readiness: %s/actuator/health/readiness)
                  Kafka            %s
                  Schema registry  %s
                  PostgreSQL       %s
                  Deployments      %s
                Submit a blueprint:
                  curl -X POST -H 'Content-Type: application/yaml' --data-binary @examples/aws-web-app.yaml %s/api/v1/blueprints
                Press Ctrl-C to stop.
                """.formatted(apiUrl(), apiUrl(), bootstrapServers(), registryUrl(), jdbcUrl(), deployments(), apiUrl());
    }

    /** Per cloud, the executor that deploys it and where to: "aws: terraform -> http://...; azure: sandbox; ...". */
    String deployments() {
        ExecutorChoice executors = context.getBean(ExecutorChoice.class);
        return executors.clouds().entrySet().stream()
                .map(cloud -> {
                    String where = executors.named(cloud.getValue()).details().get("awsEndpoint");
                    return cloud.getKey() + ": " + cloud.getValue()
                            + ("terraform".equals(cloud.getValue()) && where != null ? " (AWS API " + where + ")" : "");
                })
                .collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        shutdown.close();
    }
}
