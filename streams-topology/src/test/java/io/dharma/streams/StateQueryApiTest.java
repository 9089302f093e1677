package io.dharma.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.dharma.streams.query.InstanceForwarding;
import io.dharma.testing.TestIssuer;
import io.dharma.testing.PrometheusScrape;
import io.dharma.topics.DharmaTopicNames;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The query API of two streams application instances on the embedded stack: each answers for every
 * key (its own from its stores, the other's through that instance), scans cover both, tenants
 * never see each other, and a rebalance never yields a wrong answer, only 503 + Retry-After.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StateQueryApiTest {

    private static final String TENANT = "tenant-" + UUID.randomUUID();
    private static StreamsInstances.Instance first;
    private static StreamsInstances.Instance second;
    private static StreamsInstances.Events events;
    private static final List<LifecycleStory> stories = new ArrayList<>();

    @BeforeAll
    static void startTwoInstancesAndDeployTwelveBlueprints() {
        first = StreamsInstances.start("a");
        second = StreamsInstances.start("b");
        events = new StreamsInstances.Events();
        awaitRunning();
        for (int i = 0; i < 12; i++) {
            LifecycleStory story = new LifecycleStory(TENANT);
            stories.add(story);
            events.deployed(story);
        }
    }

    @AfterAll
    static void stop() {
        events.close();
        second.close();
        first.close();
    }

    private static void awaitRunning() {
        await().atMost(Duration.ofSeconds(90)).until(() -> first.state() == KafkaStreams.State.RUNNING
                && second.state() == KafkaStreams.State.RUNNING);
    }

    @Test
    @Order(1)
    void eachInstanceAnswersEveryTrackingWithEveryStageIncludingKeysTheOtherHosts() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (LifecycleStory story : stories) {
                for (StreamsInstances.Instance instance : List.of(first, second)) {
                    StreamsInstances.Reply reply = instance.get("/api/v1/tracking/" + story.trackingId, TENANT);
                    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
                    JsonNode tracking = reply.json();
                    assertThat(tracking.get("status").asString()).isEqualTo("SUCCEEDED");
                    assertThat(tracking.get("stages")).extracting(stage -> stage.get("status").asString())
                            .containsExactly("SUBMITTED", "IAC_GENERATED", "GUARDRAILS_PASSED", "COST_ESTIMATED",
                                    "REQUESTED", "PLANNING", "PLANNED", "APPLYING", "SUCCEEDED");
                    assertThat(tracking.get("links").get("deployment").asString())
                            .isEqualTo("/api/v1/deployments/" + story.deploymentId);
                }
            }
        });
        assertThat(hostedBy(second, DharmaTopology.TRACKING_STORE, stories.stream().map(s -> s.trackingId).toList()))
                .as("some trackings live on the second instance, so the first answered them through it")
                .isNotEmpty();
        assertThat(hostedBy(first, DharmaTopology.TRACKING_STORE, stories.stream().map(s -> s.trackingId).toList()))
                .isNotEmpty();
    }

    @Test
    @Order(2)
    void deploymentsAndBlueprintStatusAreAnsweredByBothInstances() {
        for (LifecycleStory story : stories) {
            for (StreamsInstances.Instance instance : List.of(first, second)) {
                JsonNode deployment = instance.get("/api/v1/deployments/" + story.deploymentId, TENANT).json();
                assertThat(deployment.get("status").asString()).isEqualTo("SUCCEEDED");
                assertThat(deployment.get("blueprintId").asString()).isEqualTo(story.blueprintId);
                assertThat(deployment.get("plan").get("toAdd").asInt()).isEqualTo(1);
                assertThat(deployment.get("resources")).extracting(r -> r.get("resourceName").asString())
                        .containsExactly("vpc_main");
                JsonNode blueprint = instance.get("/api/v1/blueprints/" + story.blueprintId + "/status", TENANT).json();
                assertThat(blueprint.get("status").asString()).isEqualTo("SUCCEEDED");
                assertThat(blueprint.get("lastDeployment").get("deploymentId").asString()).isEqualTo(story.deploymentId);
            }
        }
    }

    @Test
    @Order(3)
    void anotherTenantSeesNothingWhicheverInstanceItAsks() {
        for (LifecycleStory story : stories) {
            for (StreamsInstances.Instance instance : List.of(first, second)) {
                StreamsInstances.Reply tracking = instance.get("/api/v1/tracking/" + story.trackingId, "intruder");
                assertThat(tracking.status()).isEqualTo(404);
                assertThat(tracking.header("Content-Type")).startsWith("application/problem+json");
                assertThat(tracking.json().get("code").asString()).isEqualTo("tracking.not-found");
                assertThat(instance.get("/api/v1/deployments/" + story.deploymentId, "intruder").status()).isEqualTo(404);
            }
        }
        assertThat(first.get("/api/v1/deployments", "intruder").json().get("items")).isEmpty();
    }

    @Test
    @Order(3)
    void anotherTenantsKeyIsNotFoundAlsoWhenItsRequestIsForwardedToTheOwningInstance() {
        for (LifecycleStory story : stories) {
            for (var key : List.of(
                    new Object[] {DharmaTopology.TRACKING_STORE, story.trackingId, "/api/v1/tracking/", "", "tracking.not-found"},
                    new Object[] {DharmaTopology.DEPLOYMENTS_STORE, story.deploymentId, "/api/v1/deployments/", "",
                            "deployment.not-found"},
                    new Object[] {DharmaTopology.BLUEPRINTS_STORE, story.blueprintId, "/api/v1/blueprints/", "/status",
                            "blueprint.not-found"})) {
                String store = (String) key[0];
                String id = (String) key[1];
                StreamsInstances.Instance owner = hostedBy(first, store, List.of(id)).isEmpty() ? second : first;
                StreamsInstances.Instance notOwner = owner == first ? second : first;
                assertThat(hostedBy(notOwner, store, List.of(id))).as("the request lands where " + id + " is not").isEmpty();
                StreamsInstances.Reply forwarded = notOwner.get(key[2] + id + key[3], "intruder");
                assertThat(forwarded.status()).as(forwarded.raw().body()).isEqualTo(404);
                assertThat(forwarded.header("Content-Type")).startsWith("application/problem+json");
                assertThat(forwarded.json().get("code").asString()).isEqualTo(key[4]);
                assertThat(notOwner.get(key[2] + id + key[3], TENANT).status())
                        .as("the owner's tenant gets it through the same forwarding").isEqualTo(200);
            }
        }
    }

    @Test
    @Order(3)
    void aBlueprintsDeploymentsAreListedNewestFirstWithWhatTheEventsSayByEitherInstance() {
        LifecycleStory older = new LifecycleStory("tenant-" + UUID.randomUUID());
        LifecycleStory newer = older.nextVersion();
        LifecycleStory undeployed = new LifecycleStory(older.tenantId);
        events.deployed(older);
        events.deployed(newer);
        events.publish(DharmaTopicNames.BLUEPRINTS, undeployed.blueprintId, List.of(undeployed.submitted()));
        String path = "/api/v1/blueprints/" + older.blueprintId + "/deployments";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (StreamsInstances.Instance instance : List.of(first, second)) {
                StreamsInstances.Reply reply = instance.get(path, older.tenantId);
                assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
                assertThat(reply.json()).extracting(deployment -> deployment.get("deploymentId").asString())
                        .containsExactly(newer.deploymentId, older.deploymentId);
                assertThat(reply.json().get(0).get("status").asString()).isEqualTo("SUCCEEDED");
            }
        });
        JsonNode latest = second.get(path, older.tenantId).json().get(0);
        assertThat(latest.get("blueprintVersion").asInt()).isEqualTo(2);
        assertThat(latest.get("trackingId").asString()).isEqualTo(newer.trackingId);
        assertThat(latest.get("operation").asString()).isEqualTo("APPLY");
        assertThat(latest.get("executor").asString()).isEqualTo("sandbox");
        assertThat(latest.get("attempt").asInt()).isEqualTo(1);
        assertThat(latest.get("resourcesChanged").asInt()).isEqualTo(1);
        assertThat(latest.get("plan").get("toAdd").asInt()).isEqualTo(1);
        assertThat(latest.get("decidedBy").isNull()).isTrue();
        assertThat(java.time.Instant.parse(latest.get("createdAt").asString())).isEqualTo(newer.time(4));
        assertThat(java.time.Instant.parse(latest.get("updatedAt").asString())).isEqualTo(newer.time(9));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            StreamsInstances.Reply known = first.get("/api/v1/blueprints/" + undeployed.blueprintId + "/deployments",
                    older.tenantId);
            assertThat(known.status()).as("a blueprint the state knows, not deployed yet").isEqualTo(200);
            assertThat(known.json()).isEmpty();
        });
        for (StreamsInstances.Instance instance : List.of(first, second)) {
            for (String blueprintId : List.of(older.blueprintId, undeployed.blueprintId, "bp-never-submitted")) {
                StreamsInstances.Reply hidden = instance.get("/api/v1/blueprints/" + blueprintId + "/deployments", "intruder");
                assertThat(hidden.status()).as(blueprintId).isEqualTo(404);
                assertThat(hidden.json().get("code").asString()).isEqualTo("blueprint.not-found");
            }
        }
    }

    @Test
    @Order(3)
    void aQueryWithoutACredentialIsUnauthenticated() {
        LifecycleStory story = stories.getFirst();
        for (StreamsInstances.Instance instance : List.of(first, second)) {
            for (String path : List.of("/api/v1/tracking/" + story.trackingId, "/api/v1/deployments/" + story.deploymentId,
                    "/api/v1/blueprints/" + story.blueprintId + "/status", "/api/v1/deployments", "/api/v1/drift",
                    "/api/v1/blueprints/" + story.blueprintId + "/deployments",
                    "/api/v1/summary")) {
                StreamsInstances.Reply reply = instance.getWith(path, java.util.Map.of());
                assertThat(reply.status()).as(path).isEqualTo(401);
                assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
                assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
                assertThat(reply.json().get("code").asString()).isEqualTo("auth.unauthenticated");
                assertThat(reply.json().properties().stream().map(java.util.Map.Entry::getKey).toList())
                        .as("a problem, no data").containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "code");
            }
        }
    }

    @Test
    @Order(3)
    void identityHeadersAndForeignTokensAreNotCredentials() {
        String path = "/api/v1/tracking/" + stories.getFirst().trackingId;
        StreamsInstances.Reply headersOnly = first.getWith(path, java.util.Map.of("X-Dharma-Tenant", TENANT,
                "X-Dharma-User", "someone", InstanceForwarding.FORWARDED_HEADER, "true"));
        assertThat(headersOnly.status()).isEqualTo(401);
        assertThat(headersOnly.json().get("code").asString()).isEqualTo("auth.unauthenticated");
        try (TestIssuer stranger = TestIssuer.start()) {
            StreamsInstances.Reply foreign = first.getWith(path,
                    java.util.Map.of("Authorization", "Bearer " + stranger.token(TENANT, "mallory")));
            assertThat(foreign.status()).isEqualTo(401);
            assertThat(foreign.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(foreign.json().get("code").asString()).isEqualTo("auth.unauthenticated");
        }
    }

    @Test
    @Order(4)
    void deploymentPagesFromEitherInstanceCoverEveryDeploymentOnceInIdOrder() {
        for (StreamsInstances.Instance instance : List.of(first, second)) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = instance.get("/api/v1/deployments?status=succeeded&limit=5"
                        + (cursor == null ? "" : "&cursor=" + cursor), TENANT).json();
                page.get("items").forEach(item -> seen.add(item.get("deploymentId").asString()));
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
                pages++;
            } while (cursor != null);
            assertThat(pages).isEqualTo(3);
            assertThat(seen).containsExactlyElementsOf(stories.stream().map(s -> s.deploymentId).sorted().toList());
        }
        assertThat(first.get("/api/v1/deployments?status=FAILED", TENANT).json().get("items")).isEmpty();
        StreamsInstances.Reply bad = first.get("/api/v1/deployments?status=HAPPY", TENANT);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asString()).isEqualTo("query.invalid-parameter");
    }

    @Test
    @Order(5)
    void summaryCountsTheTenantsBlueprintsAndDeployedCost() {
        for (StreamsInstances.Instance instance : List.of(first, second)) {
            JsonNode summary = instance.get("/api/v1/summary", TENANT).json();
            assertThat(summary.get("blueprintsByStatus").get("SUCCEEDED").asLong()).isEqualTo(12);
            assertThat(summary.get("deployedMonthly").decimalValue()).isEqualByComparingTo("1446.0000");
        }
        assertThat(first.get("/api/v1/summary", "nobody").json().get("blueprints").asLong()).isZero();
    }

    @Test
    @Order(6)
    void serverSentEventsDeliverEachStageLiveThenEnd() throws Exception {
        LifecycleStory story = new LifecycleStory(TENANT);
        events.publish(DharmaTopicNames.BLUEPRINTS, story.blueprintId, List.of(story.submitted()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                first.get("/api/v1/tracking/" + story.trackingId, TENANT).status() == 200);
        StreamsInstances.Instance notHosting = hostedBy(first, DharmaTopology.TRACKING_STORE, List.of(story.trackingId))
                .isEmpty() ? first : second;

        List<String> received = new CopyOnWriteArrayList<>();
        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(notHosting.baseUrl() + "/api/v1/tracking/" + story.trackingId + "/events"))
                .header("Authorization", StreamsInstances.bearer(TENANT)).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> readEvents(stream, received));
        await().atMost(Duration.ofSeconds(20)).until(() -> received.contains("stage:SUBMITTED"));

        events.publish(DharmaTopicNames.IAC, story.blueprintId, List.of(story.iacGenerated(1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> received.contains("stage:IAC_GENERATED"));
        assertThat(received).as("nothing is sent before it happened").doesNotContain("stage:SUCCEEDED");

        events.publish(DharmaTopicNames.GUARDRAILS, story.blueprintId,
                List.of(story.guardrails(2, io.dharma.events.GuardrailOutcome.PASSED)));
        events.publish(DharmaTopicNames.COSTS, story.blueprintId, List.of(story.cost(3, "10.0000")));
        events.publish(DharmaTopicNames.DEPLOYMENTS, story.blueprintId, List.of(story.requested(4), story.planning(5),
                story.planned(6, 0, 0, 0), story.applying(7), story.succeeded(8, 0)));
        reading.get(30, TimeUnit.SECONDS);
        assertThat(received).containsExactly("stage:SUBMITTED", "stage:IAC_GENERATED", "stage:GUARDRAILS_PASSED",
                "stage:COST_ESTIMATED", "stage:REQUESTED", "stage:PLANNING", "stage:PLANNED", "stage:APPLYING",
                "stage:SUCCEEDED", "end:SUCCEEDED");
    }

    @Test
    @Order(7)
    void theEventStreamNeedsACredentialAndHidesAnotherTenantsTracking() {
        LifecycleStory story = stories.getFirst();
        StreamsInstances.Instance notHosting = hostedBy(first, DharmaTopology.TRACKING_STORE, List.of(story.trackingId))
                .isEmpty() ? first : second;
        for (StreamsInstances.Instance instance : List.of(first, second)) {
            StreamsInstances.Reply anonymous = instance.getWith("/api/v1/tracking/" + story.trackingId + "/events",
                    java.util.Map.of("Accept", "text/event-stream"));
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
            assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(anonymous.json().get("code").asString()).isEqualTo("auth.unauthenticated");
        }
        StreamsInstances.Reply intruder = notHosting.getWith("/api/v1/tracking/" + story.trackingId + "/events",
                java.util.Map.of("Accept", "text/event-stream", "Authorization", StreamsInstances.bearer("intruder")));
        assertThat(intruder.status()).as("asked through the instance that does not host it").isEqualTo(404);
        assertThat(intruder.json().get("code").asString()).isEqualTo("tracking.not-found");
    }

    @Test
    @Order(7)
    void unknownTrackingIsNotFoundForTheEventStreamToo() {
        StreamsInstances.Reply reply = first.get("/api/v1/tracking/" + UUID.randomUUID() + "/events", TENANT);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("code").asString()).isEqualTo("tracking.not-found");
    }

    @Test
    @Order(8)
    void duringARebalanceAnswersAreRightOrServiceUnavailableNeverWrong() throws Exception {
        Set<Integer> statuses = new HashSet<>();
        StreamsInstances.Instance third = StreamsInstances.start("c");
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            boolean settled = false;
            while (System.nanoTime() < until && !settled) {
                for (LifecycleStory story : stories) {
                    StreamsInstances.Reply reply = first.get("/api/v1/tracking/" + story.trackingId, TENANT);
                    statuses.add(reply.status());
                    if (reply.status() == 200) {
                        assertThat(reply.json().get("status").asString()).isEqualTo("SUCCEEDED");
                    } else {
                        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(503);
                        assertThat(reply.header("Retry-After")).isNotBlank();
                        assertThat(reply.json().get("code").asString()).isEqualTo("state.unavailable");
                    }
                }
                settled = third.state() == KafkaStreams.State.RUNNING && first.state() == KafkaStreams.State.RUNNING
                        && second.state() == KafkaStreams.State.RUNNING && statuses.contains(200);
            }
            assertThat(settled).as("the three instances settle").isTrue();
            System.out.println("answers seen while the third instance joined: " + statuses);
            for (LifecycleStory story : stories) {
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        third.get("/api/v1/tracking/" + story.trackingId, TENANT).status() == 200);
            }
        } finally {
            third.close();
        }
        awaitRunning();
    }

    @Test
    @Order(9)
    void queriesWhileTheStoresAreWrittenNeverBlockTheStreamThread() throws Exception {
        String tenant = "busy-" + UUID.randomUUID();
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
        List<LifecycleStory> busy = new ArrayList<>();
        List<CompletableFuture<Void>> readers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            StreamsInstances.Instance instance = i % 2 == 0 ? first : second;
            readers.add(CompletableFuture.runAsync(() -> {
                while (writing.get()) {
                    int status = instance.get("/api/v1/summary", tenant).status();
                    assertThat(status).isIn(200, 503);
                    answered.incrementAndGet();
                    if (!busy.isEmpty()) {
                        assertThat(instance.get("/api/v1/tracking/" + busy.getLast().trackingId, tenant).status())
                                .isIn(200, 404, 503);
                    }
                }
            }));
        }
        for (int i = 0; i < 40; i++) {
            LifecycleStory story = new LifecycleStory(tenant);
            events.deployed(story);
            synchronized (busy) {
                busy.add(story);
            }
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                first.get("/api/v1/summary", tenant).json().path("blueprintsByStatus").path("SUCCEEDED").asLong())
                .isEqualTo(40));
        writing.set(false);
        CompletableFuture.allOf(readers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(answered.get()).as("readers kept getting answers while the stores were written").isGreaterThan(40);
    }

    @Test
    @Order(10)
    void driftPagesFromEitherInstanceCoverEveryDriftedResourceOnceInOrder() {
        for (LifecycleStory story : stories) {
            events.publish(DharmaTopicNames.OBSERVATIONS, story.blueprintId,
                    List.of(story.observed(30, "network.vpc_main", false, java.util.Map.of())));
        }
        List<String> everyBlueprint = stories.stream().map(s -> s.blueprintId).sorted().toList();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                first.get("/api/v1/drift?limit=500", TENANT).json().get("items").size() == everyBlueprint.size());
        for (StreamsInstances.Instance instance : List.of(first, second)) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = instance.get("/api/v1/drift?limit=5" + (cursor == null ? "" : "&cursor=" + cursor), TENANT).json();
                page.get("items").forEach(item -> seen.add(item.get("blueprintId").asString()));
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
                pages++;
            } while (cursor != null);
            assertThat(pages).isEqualTo(3);
            assertThat(seen).containsExactlyElementsOf(everyBlueprint);
        }
        for (String bad : List.of("limit=0", "limit=501", "cursor=bm90LWEtY3Vyc29y")) {
            StreamsInstances.Reply reply = first.get("/api/v1/drift?" + bad, TENANT);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.json().get("code").asString()).isEqualTo("query.invalid-parameter");
        }
        // Each instance counts what its own tasks detect and holds; Prometheus sums the instances.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<PrometheusScrape> scrapes = List.of(PrometheusScrape.of(first.baseUrl()), PrometheusScrape.of(second.baseUrl()));
            assertThat(scrapes.stream().mapToDouble(scrape -> scrape.sum("dharma_drift_detected_total",
                    java.util.Map.of("kind", "deleted"))).sum()).as("every vpc_main observed gone").isGreaterThanOrEqualTo(stories.size());
            assertThat(scrapes.stream().mapToDouble(scrape -> scrape.sum("dharma_tenants", java.util.Map.of())).sum())
                    .isGreaterThanOrEqualTo(1);
            assertThat(scrapes).allSatisfy(scrape -> assertThat(
                    scrape.has("kafka_consumer_fetch_manager_records_lag_max", java.util.Map.of())).isTrue());
        });
    }

    private static List<String> hostedBy(StreamsInstances.Instance instance, String store, List<String> keys) {
        KafkaStreams streams = instance.streams().running();
        HostInfo self = instance.streams().self();
        return keys.stream()
                .filter(key -> streams.queryMetadataForKey(store, key, Serdes.String().serializer()).activeHost().equals(self))
                .toList();
    }

    private static void readEvents(HttpResponse<java.io.InputStream> stream, List<String> received) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:") && event != null) {
                    JsonNode data = StreamsInstances.JSON.readTree(line.substring("data:".length()));
                    received.add(event + ":" + data.get("status").asString());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
