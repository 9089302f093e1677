package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.dharma.streams.runtime.StreamsProperties;
import io.dharma.testing.TopicProbe;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The streams application on the one-JVM platform: the tracking of a real submission shows every
 * stage up to deployed, live over Server-Sent Events; a resource changed behind the platform's
 * back is drift within one observer interval, and putting it back resolves it.
 */
class StreamsEndToEndTest {

    static final Duration OBSERVER_INTERVAL = Duration.ofSeconds(3);
    private static final String TENANT = "e2e-state";
    private static final String OBSERVATIONS = "dharma.observations.v1";
    private static final String DRIFT = "dharma.drift.v1";

    private final RunningPlatform platform = SharedPlatform.get();
    private final PlatformApi api = new PlatformApi(platform.apiUrl(), TENANT);
    private final TopicProbe probe = GenericEvents.probe(platform);
    /** Changing the sandbox behind the platform's back is platform-admin's. */
    private final PlatformApi platformAdmin = PlatformApi.withBearer(platform.apiUrl(),
            io.dharma.testing.TestIssuer.get().token(TENANT, "operator", java.util.Set.of("platform-admin")));

    /** One Server-Sent Event as received, with when it arrived. */
    record Received(String event, JsonNode data, Instant at) {
    }

    @Test
    void theAwsExampleIsTrackedStageByStageLiveUpToDeployed() throws Exception {
        PlatformApi.Accepted accepted = api.submitExample("aws-web-app.yaml", "tracked-" + shortId());
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(platform.apiUrl() + "/api/v1/tracking/" + accepted.trackingId() + "/events"))
                .header("Authorization", "Bearer " + io.dharma.testing.TestIssuer.get().token(TENANT, "e2e-user")).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        List<Received> received = CompletableFuture.supplyAsync(() -> read(stream)).get(120, TimeUnit.SECONDS);

        List<String> stages = received.stream().filter(r -> r.event().equals("stage"))
                .map(r -> r.data().get("status").asString()).toList();
        assertThat(stages.getFirst()).isEqualTo("SUBMITTED");
        assertThat(stages.subList(1, 4)).containsExactlyInAnyOrder("IAC_GENERATED", "GUARDRAILS_PASSED", "COST_ESTIMATED");
        assertThat(stages.subList(4, stages.size()))
                .containsExactly("REQUESTED", "APPROVED", "PLANNING", "PLANNED", "APPLYING", "SUCCEEDED");
        Received end = received.getLast();
        assertThat(end.event()).isEqualTo("end");
        assertThat(end.data().get("status").asString()).isEqualTo("SUCCEEDED");
        // The stream follows the changelog, committed a moment before the store's read view: allow that moment.
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "SUCCEEDED".equals(
                PlatformApi.json(api.get("/api/v1/tracking/" + accepted.trackingId()).body()).path("status").asString()));
        JsonNode tracking = PlatformApi.json(api.get("/api/v1/tracking/" + accepted.trackingId()).body());
        // The stream pushes stages as they arrive; the tracking lists them by when they happened.
        assertThat(tracking.get("stages")).extracting(stage -> stage.get("status").asString())
                .containsExactlyInAnyOrderElementsOf(stages);
        assertThat(tracking.get("stages")).extracting(stage -> java.time.Instant.parse(stage.get("occurredAt").asString()))
                .isSorted();
        Instant succeededAt = tracking.get("stages").valueStream().filter(stage -> stage.get("status").asString().equals("SUCCEEDED"))
                .map(stage -> Instant.parse(stage.get("occurredAt").asString())).findFirst().orElseThrow();
        assertThat(received.getFirst().at()).as("stages arrive as they happen, not all at the end").isBefore(succeededAt);
        String deploymentId = tracking.get("deploymentId").asString();
        JsonNode deployment = PlatformApi.json(api.get("/api/v1/deployments/" + deploymentId).body());
        assertThat(deployment.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(deployment.get("resources")).hasSize(12);
        JsonNode blueprint = PlatformApi.json(api.get("/api/v1/blueprints/" + accepted.blueprintId() + "/status").body());
        assertThat(blueprint.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(blueprint.get("deployedVersion").asInt()).isEqualTo(1);
    }

    @Test
    void aTamperedResourceIsDriftWithinOneObserverIntervalAndRestoringItResolvesTheDrift() throws Exception {
        PlatformApi.Accepted accepted = api.submitExample("aws-web-app.yaml", "drifting-" + shortId());
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> "SUCCEEDED".equals(
                PlatformApi.json(api.get("/api/v1/tracking/" + accepted.trackingId()).body()).path("status").asString()));
        String bucket = sandboxResourceId(accepted.blueprintId(), "uploads");
        // The observer's first round of the deployed stack must show no drift. No sentinel can follow
        // its observations into the state application's store: wait until it has committed past them.
        List<ConsumerRecord<String, GenericRecord>> firstRound = probe.<GenericRecord>await(OBSERVATIONS,
                records -> records.stream().anyMatch(record -> record.key().equals(accepted.blueprintId())),
                OBSERVER_INTERVAL.plusSeconds(30)).stream().filter(record -> record.key().equals(accepted.blueprintId())).toList();
        probe.awaitConsumed(platform.context().getBean(StreamsProperties.class).applicationId(),
                firstRound, Duration.ofSeconds(30));
        assertThat(driftOf(accepted.blueprintId())).isEmpty();

        long tamperedAt = System.nanoTime();
        assertThat(platformAdmin.post("/api/v1/sandbox/resources/" + bucket, "{\"attributes\":{\"versioning\":false}}").statusCode())
                .isEqualTo(200);
        ConsumerRecord<String, GenericRecord> detected = awaitDrift(accepted.blueprintId(), "DriftDetected");
        long detectedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - tamperedAt);
        assertThat(GenericEvents.field(detected.value(), "resourceName")).isEqualTo("uploads");
        assertThat(detected.value().get("payload").toString()).contains("\"versioning\"", "\"deleted\": false");
        System.out.printf("drift detected %d ms after the tamper (observer interval %d ms)%n", detectedAfterMillis,
                OBSERVER_INTERVAL.toMillis());

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<JsonNode> items = driftOf(accepted.blueprintId());
            assertThat(items).hasSize(1);
            assertThat(items.getFirst().get("resourceName").asString()).isEqualTo("uploads");
            assertThat(items.getFirst().get("driftedAttributes")).anySatisfy(attribute -> {
                assertThat(attribute.get("name").asString()).isEqualTo("versioning");
                assertThat(attribute.get("desired").asString()).isEqualTo("true");
                assertThat(attribute.get("actual").asString()).isEqualTo("false");
            });
        });

        assertThat(platformAdmin.post("/api/v1/sandbox/resources/" + bucket, "{\"attributes\":{\"versioning\":true}}").statusCode())
                .isEqualTo(200);
        ConsumerRecord<String, GenericRecord> resolved = awaitDrift(accepted.blueprintId(), "DriftResolved");
        assertThat(resolved.value().get("payload").toString()).contains("CONVERGED");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> driftOf(accepted.blueprintId()).isEmpty());
    }

    private List<JsonNode> driftOf(String blueprintId) throws Exception {
        HttpResponse<String> response = api.get("/api/v1/drift?blueprintId=" + blueprintId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        PlatformApi.json(response.body()).get("items").forEach(items::add);
        return items;
    }

    private String sandboxResourceId(String blueprintId, String name) throws Exception {
        for (JsonNode resource : PlatformApi.json(api.get("/api/v1/sandbox/resources?blueprintId=" + blueprintId).body())
                .path("items")) {
            if (resource.get("name").asString().equals(name)) {
                return resource.get("id").asString();
            }
        }
        throw new AssertionError("no sandbox resource " + name + " for " + blueprintId);
    }

    /** The first drift event of {@code type} of the blueprint, within one observer interval and some. */
    private ConsumerRecord<String, GenericRecord> awaitDrift(String blueprintId, String type) {
        Predicate<ConsumerRecord<String, GenericRecord>> wanted = record -> record.key().equals(blueprintId) && payloadIs(record, type);
        return probe.<GenericRecord>await(DRIFT, records -> records.stream().anyMatch(wanted), OBSERVER_INTERVAL.plusSeconds(10))
                .stream().filter(wanted).findFirst().orElseThrow();
    }

    private static boolean payloadIs(ConsumerRecord<String, GenericRecord> record, String type) {
        return ((GenericRecord) record.value().get("payload")).getSchema().getName().equals(type);
    }

    private static List<Received> read(HttpResponse<InputStream> stream) {
        List<Received> received = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:") && event != null) {
                    received.add(new Received(event, PlatformApi.json(line.substring("data:".length())), Instant.now()));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return received;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
