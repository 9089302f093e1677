package io.dharma.infra.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Prometheus scrapes every Dharma service of the compose file where its metrics are served and
 * readable, Grafana's dashboards use only metric names the services' scrape tests find, and the
 * provisioning and the trace pipeline point at services that exist.
 */
class ComposeObservabilityTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static JsonNode config;
    private static DharmaServices services;

    @BeforeAll
    static void resolve() {
        config = ComposeFile.config(ComposeFile.SECRETS);
        services = new DharmaServices(ComposeFile.repository());
    }

    @AfterAll
    static void close() {
        services.close();
    }

    @Test
    void prometheusScrapesEveryDharmaServiceAtItsManagementPort() {
        Map<String, String> pathOfTarget = new HashMap<>();
        for (JsonNode job : YAML.readTree(ComposeFile.infraDirectory().resolve("prometheus/prometheus.yml").toFile())
                .path("scrape_configs")) {
            String path = job.path("metrics_path").asString("/metrics");
            for (JsonNode group : job.path("static_configs")) {
                group.path("targets").forEach(target -> pathOfTarget.put(target.asString(), path));
            }
        }
        Set<String> expected = new TreeSet<>();
        for (Map.Entry<String, JsonNode> service : ComposeFile.dharmaServices(config)) {
            expected.add(service.getKey() + ":" + service.getValue().path("environment").path("MANAGEMENT_SERVER_PORT").asString());
        }
        expected.forEach(target -> assertThat(pathOfTarget).as("Prometheus targets").containsEntry(target, "/actuator/prometheus"));
        assertThat(pathOfTarget.keySet()).as("every target is a service of the compose file").allSatisfy(target ->
                assertThat(config.path("services").has(target.substring(0, target.indexOf(':')))).as(target).isTrue());
    }

    /**
     * A service with platform/security lets only platform-admins read {@code /actuator/prometheus};
     * in compose its management port is not published and lists the endpoint among its open paths,
     * keeping the defaults (the probes need them). A service without security serves it openly.
     */
    @Test
    void everyScrapedEndpointIsOpenOnAnUnpublishedPortOnly() throws Exception {
        for (Map.Entry<String, JsonNode> service : ComposeFile.dharmaServices(config)) {
            JsonNode environment = service.getValue().path("environment");
            String managementPort = environment.path("MANAGEMENT_SERVER_PORT").asString();
            service.getValue().path("ports").forEach(port -> assertThat(port.asString()).as(service.getKey() + " publishes")
                    .doesNotEndWith(":" + managementPort + "/tcp").doesNotEndWith(":" + managementPort));
            ConfigurationMetadata metadata = services.metadataOf(ComposeFile.imageName(service.getValue()));
            if (metadata.names().contains("dharma.security.open-paths")) {
                List<String> openPaths = Arrays.asList(environment.path("DHARMA_SECURITY_OPEN_PATHS").asString("").split(","));
                assertThat(openPaths).as(service.getKey() + " open paths").contains("/actuator/prometheus")
                        .containsAll(defaultOpenPaths(metadata));
            }
        }
    }

    private static List<String> defaultOpenPaths(ConfigurationMetadata metadata) throws Exception {
        Class<?> properties = metadata.type("io.dharma.security.SecurityProperties").orElseThrow();
        Class<? extends java.lang.annotation.Annotation> defaultValue = metadata
                .type("org.springframework.boot.context.properties.bind.DefaultValue").orElseThrow()
                .asSubclass(java.lang.annotation.Annotation.class);
        Constructor<?> canonical = properties.getDeclaredConstructors()[0];
        for (Parameter parameter : canonical.getParameters()) {
            if (parameter.getName().equals("openPaths")) {
                java.lang.annotation.Annotation annotation = parameter.getAnnotation(defaultValue);
                return List.of((String[]) defaultValue.getMethod("value").invoke(annotation));
            }
        }
        throw new IllegalStateException("SecurityProperties has no openPaths");
    }

    @Test
    void dashboardsUseOnlyMetricsTheScrapeTestsFind() throws IOException {
        Map<String, Set<String>> scraped = ScrapedMetricNames.in(ComposeFile.repository());
        assertThat(scraped).as("names the services' scrape tests assert").containsKeys(
                "dharma_blueprints_submitted_total", "dharma_outbox_backlog", "kafka_consumer_fetch_manager_records_lag_max");
        List<String> unknown = new ArrayList<>();
        int expressions = 0;
        try (Stream<Path> dashboards = Files.list(ComposeFile.infraDirectory().resolve("grafana/dashboards"))) {
            for (Path dashboard : dashboards.filter(file -> file.toString().endsWith(".json")).toList()) {
                for (JsonNode expression : JsonMapper.builder().build().readTree(dashboard.toFile()).findValues("expr")) {
                    expressions++;
                    for (String metric : PromQl.metricNames(expression.asString())) {
                        if (!scraped.containsKey(metric)) {
                            unknown.add(dashboard.getFileName() + ": " + metric + " in " + expression.asString());
                        }
                    }
                }
            }
        }
        assertThat(expressions).as("PromQL expressions in the dashboards").isPositive();
        assertThat(unknown).as("metrics no scrape test finds (see README, Operating limits > Metrics)").isEmpty();
    }

    @Test
    void grafanaAndTheCollectorPointAtServicesOfTheComposeFile() throws IOException {
        Path infra = ComposeFile.infraDirectory();
        Set<String> datasources = new TreeSet<>();
        for (JsonNode datasource : YAML.readTree(infra.resolve("grafana/provisioning/datasources/datasources.yaml").toFile())
                .path("datasources")) {
            datasources.add(datasource.path("uid").asString());
            assertThat(config.path("services").has(hostOf(datasource.path("url").asString()))).as(datasource.toString()).isTrue();
        }
        try (Stream<Path> dashboards = Files.list(infra.resolve("grafana/dashboards"))) {
            for (Path dashboard : dashboards.toList()) {
                JsonMapper.builder().build().readTree(dashboard.toFile()).findValues("datasource").forEach(datasource ->
                        assertThat(datasources).as(dashboard.getFileName() + " datasource").contains(datasource.path("uid").asString()));
            }
        }
        String dashboardPath = YAML.readTree(infra.resolve("grafana/provisioning/dashboards/dashboards.yaml").toFile())
                .path("providers").get(0).path("options").path("path").asString();
        assertThat(config.path("services").path("grafana").path("volumes").valueStream().map(JsonNode::asString))
                .anyMatch(volume -> volume.endsWith("/grafana/dashboards:" + dashboardPath + ":ro"));

        JsonNode collector = YAML.readTree(infra.resolve("otel-collector/config.yaml").toFile());
        assertThat(collector.path("service").path("pipelines").path("traces").path("exporters").valueStream()
                .map(JsonNode::asString)).containsExactly("otlp/jaeger");
        assertThat(hostOf("http://" + collector.path("exporters").path("otlp/jaeger").path("endpoint").asString()))
                .isEqualTo("jaeger");
        assertThat(config.path("services").has("jaeger")).isTrue();
    }

    private static String hostOf(String url) {
        return java.net.URI.create(url).getHost();
    }
}
