package io.dharma.infra.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code infra/docker-compose.yml} as {@code docker-compose config} resolves it: every variable a
 * Dharma service is given is one of that service's configuration properties, no secret has a
 * working default, every service is probed on readiness and waits for what it needs.
 */
class ComposeEnvironmentTest {

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
    void everyDharmaServiceRunsInCompose() {
        Set<String> images = new TreeSet<>();
        ComposeFile.dharmaServices(config).forEach(service -> images.add(ComposeFile.imageName(service.getValue())));
        assertThat(images).containsExactlyInAnyOrderElementsOf(DharmaServices.MODULES.keySet());
    }

    @Test
    void everyVariableGivenToADharmaServiceIsOneOfItsConfigurationProperties() {
        List<String> unknown = new ArrayList<>();
        Map<String, String> checked = new HashMap<>();
        for (Map.Entry<String, JsonNode> service : ComposeFile.dharmaServices(config)) {
            ConfigurationMetadata metadata = services.metadataOf(ComposeFile.imageName(service.getValue()));
            for (String variable : service.getValue().path("environment").propertyNames()) {
                metadata.propertyOf(variable).ifPresentOrElse(
                        property -> checked.put(service.getKey() + " " + variable, property),
                        () -> unknown.add(service.getKey() + ": " + variable));
            }
        }
        assertThat(unknown).as("variables that set no configuration property of their service").isEmpty();
        assertThat(checked).containsEntry("intake SPRING_DATASOURCE_URL", "spring.datasource.url")
                .containsEntry("streams-2 DHARMA_STREAMS_ADVERTISED_HOST", "dharma.streams.advertised-host")
                .containsEntry("orchestrator DHARMA_SECURITY_ISSUERS_0_JWK_SET_URI", "dharma.security.issuers[0].jwk-set-uri");
    }

    @Test
    void aMisspelledOrForeignVariableIsReported() {
        ConfigurationMetadata intake = services.metadataOf("intake");
        assertThat(intake.propertyOf("SPRING_DATASOURCE_URL")).contains("spring.datasource.url");
        assertThat(intake.propertyOf("DHARMA_SECURITY_ISSUERS_0_ISSUER_URI")).contains("dharma.security.issuers[0].issuer-uri");
        assertThat(intake.propertyOf("DHARMA_SECURITY_ISSUERS_1_ISSUERURI")).contains("dharma.security.issuers[1].issuer-uri");
        assertThat(intake.propertyOf("SPRING_KAFKA_PROPERTIES_LINGER_MS")).contains("spring.kafka.properties.linger.ms");
        assertThat(intake.propertyOf("DHARMA_INTAKE_MAX_PAGE_SIZE")).isPresent();

        assertThat(intake.propertyOf("SPRING_DATASOURCE_PASWORD")).as("misspelled").isEmpty();
        assertThat(intake.propertyOf("SPRING_DATASOURCE_URL_X")).as("a scalar has no sub-property").isEmpty();
        assertThat(intake.propertyOf("DHARMA_SECURITY_ISSUERS_0_ISSUER_URL")).as("no such field of an issuer").isEmpty();
        assertThat(intake.propertyOf("DHARMA_SECURITY_ISSUERS_FIRST_ISSUER_URI")).as("a list takes an index").isEmpty();
        assertThat(intake.propertyOf("DHARMA_BOOTSTRAP_ADMIN_KEY"))
                .as("the launcher's variable: a service alone reads DHARMA_SECURITY_BOOTSTRAP_ADMIN_KEY").isEmpty();
        assertThat(intake.propertyOf("DHARMA_STREAMS_ADVERTISED_HOST")).as("another service's property").isEmpty();
        assertThat(intake.propertyOf("DHARMA_INTAKE_PLAN_GENERATOR_URL")).contains("dharma.intake.plan.generator-url");
        assertThat(services.metadataOf("generator").propertyOf("DHARMA_INTAKE_PLAN_GENERATOR_URL"))
                .as("intake's property, not the generator's").isEmpty();
        assertThat(services.metadataOf("streams").propertyOf("DHARMA_STREAMS_ADVERTIZED_HOST")).isEmpty();
    }

    @Test
    void noSecretHasAWorkingDefault() {
        for (String secret : ComposeFile.SECRETS.keySet()) {
            Map<String, String> withoutIt = new HashMap<>(ComposeFile.SECRETS);
            withoutIt.remove(secret);
            ComposeFile.Result result = ComposeFile.run(withoutIt);
            assertThat(result.exitCode()).as("docker-compose config without " + secret).isNotZero();
            assertThat(result.stderr()).contains(secret);
        }
        Set<String> secretValues = new HashSet<>(ComposeFile.SECRETS.values());
        List<String> notFromASecret = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : config.path("services").properties()) {
            for (Map.Entry<String, JsonNode> variable : service.getValue().path("environment").properties()) {
                if (variable.getKey().matches(".*(PASSWORD|SECRET|TOKEN|_KEY)$")
                        && !secretValues.contains(variable.getValue().asString())) {
                    notFromASecret.add(service.getKey() + ": " + variable.getKey());
                }
            }
        }
        assertThat(notFromASecret).as("secrets that do not come from a required variable").isEmpty();
    }

    @Test
    void everyDharmaServiceIsProbedOnReadinessAndWaitsForWhatItUses() {
        for (Map.Entry<String, JsonNode> service : ComposeFile.dharmaServices(config)) {
            JsonNode environment = service.getValue().path("environment");
            String managementPort = environment.path("MANAGEMENT_SERVER_PORT").asString("");
            assertThat(managementPort).as(service.getKey() + " has its actuator on its own port").isNotEmpty();
            String probe = String.join(" ", service.getValue().path("healthcheck").path("test").valueStream()
                    .map(JsonNode::asString).toList());
            assertThat(probe).as(service.getKey() + "'s health check")
                    .contains("/" + managementPort).contains("/actuator/health/readiness");

            JsonNode dependsOn = service.getValue().path("depends_on");
            if (environment.has("SPRING_DATASOURCE_URL")) {
                assertThat(environment.path("SPRING_DATASOURCE_URL").asString()).startsWith("jdbc:postgresql://postgres:5432/");
                assertThat(dependsOn.path("postgres").path("condition").asString()).as(service.getKey()).isEqualTo("service_healthy");
            }
            if (environment.has("SPRING_KAFKA_BOOTSTRAP_SERVERS")) {
                assertThat(environment.path("SPRING_KAFKA_BOOTSTRAP_SERVERS").asString()).isEqualTo("kafka:9092");
                assertThat(environment.path("DHARMA_SCHEMA_REGISTRY_URL").asString()).isEqualTo("http://schema-registry:8081");
                assertThat(dependsOn.path("kafka").path("condition").asString()).as(service.getKey()).isEqualTo("service_healthy");
                assertThat(dependsOn.path("schema-registry").path("condition").asString()).as(service.getKey())
                        .isEqualTo("service_healthy");
            }
        }
        for (String infrastructure : List.of("kafka", "schema-registry", "postgres")) {
            assertThat(config.path("services").path(infrastructure).has("healthcheck")).as(infrastructure).isTrue();
        }
    }

    @Test
    void theStreamsApplicationRunsTwiceEachAdvertisingItsOwnQueryAddress() {
        List<Map.Entry<String, JsonNode>> streams = ComposeFile.dharmaServices(config).stream()
                .filter(service -> ComposeFile.imageName(service.getValue()).equals("streams")).toList();
        assertThat(streams).hasSize(2);
        Set<String> addresses = new HashSet<>();
        for (Map.Entry<String, JsonNode> instance : streams) {
            JsonNode environment = instance.getValue().path("environment");
            assertThat(environment.path("DHARMA_STREAMS_ADVERTISED_HOST").asString())
                    .as("the other instance reaches it by its compose name").isEqualTo(instance.getKey());
            addresses.add(environment.path("DHARMA_STREAMS_ADVERTISED_HOST").asString() + ":"
                    + environment.path("SERVER_PORT").asString());
            assertThat(environment.path("SERVER_PORT").asString()).isNotEmpty();
        }
        assertThat(addresses).hasSize(2);
        assertThat(streams.stream().map(instance -> instance.getValue().path("environment").path("SERVER_PORT").asString())
                .distinct()).hasSize(2);
    }
}
