package io.dharma.infra.process;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that configures a service in the split-process test: environment variables only, the
 * same ones a container of infra/docker-compose.yml gets (compare the two when either changes). A
 * variable is set only for a service that reads it.
 */
final class ServiceEnvironment {

    /** base64 of 32 bytes, as compose's DHARMA_NOTIFIER_ENCRYPTION_KEY from infra/.env. */
    private static final String NOTIFIER_ENCRYPTION_KEY = "c3BsaXQtcHJvY2Vzcy10ZXN0LW5vdGlmaWVyLWtleSE=";

    /** Where the shared infrastructure is, as the services reach it. */
    record Infrastructure(String bootstrapServers, String registryUrl, String jdbcUrl, String databaseUser,
            String databasePassword, String issuerUri, String traceEndpoint) {
    }

    private ServiceEnvironment() {
    }

    /**
     * The environment of {@code service} listening on its port of {@code ports} (where every service
     * listens), keeping its local state under {@code dataDir}.
     */
    static Map<String, String> of(Service service, Infrastructure infra, Map<Service, Integer> ports, Path dataDir) {
        return merge(own(service, infra, ports, dataDir), tracing(infra));
    }

    private static Map<String, String> own(Service service, Infrastructure infra, Map<Service, Integer> ports, Path dataDir) {
        int port = ports.get(service);
        return switch (service) {
            case INTAKE -> merge(server(port), kafka(infra), database(infra), callers(infra), planStages(ports));
            case GUARDRAILS, ORCHESTRATOR, GENERATOR, COSTING -> merge(server(port), kafka(infra), database(infra), callers(infra));
            case SANDBOX -> merge(server(port), database(infra), callers(infra));
            // The URL its tokens name as their issuer: where clients reach it.
            case IDENTITY -> merge(server(port), database(infra), Map.of("DHARMA_IDENTITY_ISSUER", "http://127.0.0.1:" + port));
            case STREAMS -> merge(server(port), kafka(infra), callers(infra), Map.of(
                    "DHARMA_STREAMS_STATE_DIR", dataDir.resolve("state").toString(),
                    "DHARMA_STREAMS_ADVERTISED_HOST", "127.0.0.1",
                    "DHARMA_STREAMS_INTAKE_URL", "http://127.0.0.1:" + ports.get(Service.INTAKE)));
            case NOTIFIER -> merge(server(port), kafka(infra), database(infra), callers(infra), Map.of(
                    "DHARMA_NOTIFIER_ENCRYPTION_KEY", NOTIFIER_ENCRYPTION_KEY,
                    "DHARMA_NOTIFIER_ORCHESTRATOR_URL", "http://127.0.0.1:" + ports.get(Service.ORCHESTRATOR)));
        };
    }

    /** Every service exports its spans over OTLP/HTTP, as compose's services do to the collector. */
    private static Map<String, String> tracing(Infrastructure infra) {
        return Map.of("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", infra.traceEndpoint());
    }

    private static Map<String, String> server(int port) {
        return Map.of("SERVER_PORT", String.valueOf(port));
    }

    private static Map<String, String> kafka(Infrastructure infra) {
        return Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers(),
                "DHARMA_SCHEMA_REGISTRY_URL", infra.registryUrl());
    }

    private static Map<String, String> database(Infrastructure infra) {
        return Map.of(
                "SPRING_DATASOURCE_URL", infra.jdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", infra.databaseUser(),
                "SPRING_DATASOURCE_PASSWORD", infra.databasePassword());
    }

    /** Where intake's dry run asks the stages (ADR 0026): compose gives their service names instead. */
    private static Map<String, String> planStages(Map<Service, Integer> ports) {
        return Map.of(
                "DHARMA_INTAKE_PLAN_GENERATOR_URL", "http://127.0.0.1:" + ports.get(Service.GENERATOR),
                "DHARMA_INTAKE_PLAN_GUARDRAILS_URL", "http://127.0.0.1:" + ports.get(Service.GUARDRAILS),
                "DHARMA_INTAKE_PLAN_COSTING_URL", "http://127.0.0.1:" + ports.get(Service.COSTING),
                "DHARMA_INTAKE_PLAN_STREAMS_URL", "http://127.0.0.1:" + ports.get(Service.STREAMS));
    }

    /** A service with an API trusts the callers' identity provider. */
    private static Map<String, String> callers(Infrastructure infra) {
        return Map.of("DHARMA_SECURITY_ISSUERS_0_ISSUER_URI", infra.issuerUri());
    }

    @SafeVarargs
    private static Map<String, String> merge(Map<String, String>... parts) {
        Map<String, String> all = new TreeMap<>();
        for (Map<String, String> part : parts) {
            all.putAll(part);
        }
        return all;
    }
}
