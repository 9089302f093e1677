package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import io.dharma.testing.TestIssuer;
import io.dharma.testing.TopicProbe;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15's alias-expansion document on the running platform: a small YAML whose anchors repeat one
 * long {@code dependsOn} list is refused at submit, and a normal submission right after it is
 * accepted and published to {@code dharma.blueprints.v1} exactly once (nothing was left in the
 * outbox to hold it back or to send it again).
 */
class OversizedBlueprintEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOPIC = "dharma.blueprints.v1";

    private final RunningPlatform platform = SharedPlatform.get();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String bearer = TestIssuer.get().token("e2e-oversized", "oversized-user");

    @Test
    void theAliasExpansionDocumentIsRefusedAndTheNextSubmissionIsPublishedOnce() throws Exception {
        TopicProbe probe = GenericEvents.probe(platform);
        HttpResponse<String> refused = submit(aliasExpansion());
        assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("resource.too-many-dependencies");

        String blueprintId = accepted(submit(bucket("after-oversized-" + suffix())));
        probe.<GenericRecord>await(TOPIC, found -> found.stream().anyMatch(record -> record.key().equals(blueprintId)),
                Duration.ofSeconds(60));

        // A sentinel after it: once the sentinel is read, a second copy of the first would have been too.
        String sentinelId = accepted(submit(bucket("sentinel-" + suffix())));
        List<ConsumerRecord<String, GenericRecord>> published = probe.<GenericRecord>await(TOPIC,
                found -> found.stream().anyMatch(record -> record.key().equals(sentinelId)), Duration.ofSeconds(60))
                .stream().filter(record -> record.key().equals(blueprintId)).toList();
        assertThat(published).hasSize(1);
    }

    /** 50 resources whose dependsOn is one anchored list of 1,500 names: about 8 KB that expand 50-fold. */
    private static String aliasExpansion() {
        StringBuilder yaml = new StringBuilder(bucket("alias-expansion-" + suffix()))
                .append("    - name: many\n      type: storage.bucket\n      dependsOn: &deps [")
                .append(String.join(", ", Collections.nCopies(1_500, "files"))).append("]\n");
        for (int i = 0; i < 50; i++) {
            yaml.append("    - {name: copy-").append(i).append(", type: storage.bucket, dependsOn: *deps}\n");
        }
        return yaml.toString();
    }

    private static String bucket(String name) {
        return """
                apiVersion: dharma/v1
                kind: Blueprint
                metadata:
                  name: %s
                  environment: dev
                  tags: {owner: team-e2e}
                spec:
                  cloud: aws
                  region: eu-west-1
                  approval: auto
                  resources:
                    - name: files
                      type: storage.bucket
                      properties: {versioning: true}
                """.formatted(name);
    }

    private HttpResponse<String> submit(String yaml) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/api/v1/blueprints"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        return body.path("blueprintId").asString();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
