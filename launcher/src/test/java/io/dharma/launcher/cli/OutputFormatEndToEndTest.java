package io.dharma.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.dharma.launcher.RunningPlatform;
import io.dharma.launcher.SharedPlatform;
import io.dharma.testing.TestIssuer;
import io.dharma.topics.DharmaTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code -o json} and {@code -o yaml} on the running platform, read back as a script would: the
 * tracking API's answer ({@code status}) and the topic catalogue read from Kafka ({@code topics}).
 */
class OutputFormatEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static RunningPlatform platform;
    private static String token;
    private static String trackingId;

    @BeforeAll
    static void submitOneBlueprint() {
        platform = SharedPlatform.get();
        token = TestIssuer.get().token("e2e-output-" + UUID.randomUUID().toString().substring(0, 8), "cli-user");
        Cli submit = api("submit", "../examples/aws-web-app.yaml");
        assertThat(submit.exitCode()).as(submit.err()).isZero();
        trackingId = submit.out().lines().toList().getLast().strip();
        // Until the tracking view has folded the submission, the answer is intake's receipt, without stages.
        await().atMost(Duration.ofSeconds(60)).until(
                () -> JSON.readTree(api("status", trackingId, "-o", "json").out()).path("stages").size() > 0);
    }

    @Test
    void statusAsJsonIsTheTrackingApisAnswer() {
        Cli status = api("status", trackingId, "-o", "json");

        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode tracking = JSON.readTree(status.out());
        assertThat(tracking.get("trackingId").asString()).isEqualTo(trackingId);
        assertThat(tracking.get("status").asString()).isNotBlank();
        assertThat(tracking.get("stages").isArray()).isTrue();
        assertThat(tracking.get("stages").get(0).get("kind").asString()).isEqualTo("SUBMITTED");
        assertThat(status.out()).doesNotContain("Tracking " + trackingId + ":");
    }

    @Test
    void statusAsYamlIsTheSameData() {
        JsonNode json = JSON.readTree(api("status", trackingId, "--output", "json").out());

        Cli status = api("status", trackingId, "-o", "yaml");

        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode yaml = YAML.readTree(status.out());
        assertThat(yaml.get("trackingId")).isEqualTo(json.get("trackingId"));
        assertThat(yaml.get("blueprintId")).isEqualTo(json.get("blueprintId"));
        assertThat(yaml.get("version")).isEqualTo(json.get("version"));
        // The first stage is history: it reads back exactly as the JSON has it.
        assertThat(yaml.get("stages").get(0)).isEqualTo(json.get("stages").get(0));
    }

    @Test
    void topicsAsJsonIsAnArrayWithOneObjectPerCatalogueTopic() {
        Cli topics = kafka("topics", "-o", "json");

        assertThat(topics.exitCode()).as(topics.err()).isZero();
        JsonNode array = JSON.readTree(topics.out());
        assertThat(array.isArray()).isTrue();
        List<String> names = array.valueStream().map(topic -> topic.get("topic").asString()).toList();
        assertThat(names).containsAll(DharmaTopic.allTopicNames());
        JsonNode deployments = array.valueStream()
                .filter(topic -> topic.get("topic").asString().equals(DharmaTopic.DEPLOYMENTS.topicName())).findFirst().orElseThrow();
        assertThat(deployments.get("exists").asBoolean()).isTrue();
        assertThat(deployments.get("partitions").asInt()).isEqualTo(6);
        assertThat(deployments.get("subject").asString()).isEqualTo("dharma.deployments.v1-value");
    }

    @Test
    void topicsAsYamlIsTheSameArray() {
        Cli topics = kafka("topics", "-o", "yaml");

        assertThat(topics.exitCode()).as(topics.err()).isZero();
        JsonNode array = YAML.readTree(topics.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array.valueStream().map(topic -> topic.get("topic").asString()).toList())
                .containsAll(DharmaTopic.allTopicNames());
        assertThat(array.valueStream().map(topic -> topic.get("partitions").isInt()).distinct().toList()).containsExactly(true);
    }

    private static Cli api(String... args) {
        return Cli.run(Stream.concat(Stream.of(args), Stream.of("--api-url", platform.apiUrl(), "--token", token))
                .toArray(String[]::new));
    }

    private static Cli kafka(String... args) {
        return Cli.run(Stream.concat(Stream.of(args),
                Stream.of("--bootstrap-server", platform.bootstrapServers(), "--registry-url", platform.registryUrl()))
                .toArray(String[]::new));
    }
}
