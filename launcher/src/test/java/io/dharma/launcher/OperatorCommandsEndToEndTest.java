package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.dharma.testing.TopicProbe;
import io.dharma.topics.DharmaTopic;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * The operator commands on the running platform after a real end-to-end run: replay and audit
 * return exactly what the run produced, as a downstream reader of the topics sees it.
 */
class OperatorCommandsEndToEndTest {

    private static final String TENANT = "e2e-operator";
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

    private static RunningPlatform platform;
    private static PlatformApi.Accepted run;
    private static Instant runStarted;
    /** Every record of the run's blueprint on every lifecycle topic, as a plain consumer reads them. */
    private static List<ConsumerRecord<String, GenericRecord>> produced;

    @BeforeAll
    static void deployOneBlueprint() throws Exception {
        platform = SharedPlatform.get();
        PlatformApi api = new PlatformApi(platform.apiUrl(), TENANT);
        runStarted = Instant.now();
        run = api.submitExample("aws-web-app.yaml", "audited-" + UUID.randomUUID().toString().substring(0, 8));
        TopicProbe probe = GenericEvents.probe(platform);
        probe.<GenericRecord>await(DharmaTopic.DEPLOYMENTS.topicName(), records -> records.stream().anyMatch(r ->
                run.blueprintId().equals(r.key())
                        && ((GenericRecord) r.value().get("payload")).getSchema().getName().equals("DeploymentSucceeded")),
                RUN_TIMEOUT);
        // DeploymentSucceeded ends the run: everything the run produced before it is committed by now.
        produced = probe.<GenericRecord>readAll(DharmaTopic.values().stream().map(DharmaTopic::topicName).toList())
                .stream().filter(r -> run.blueprintId().equals(r.key()) && isLifecycle(r.topic())).toList();
    }

    @Test
    void replayReturnsExactlyTheRecordsTheRunProducedInOffsetOrder(@TempDir Path dir) throws Exception {
        String topic = DharmaTopic.DEPLOYMENTS.topicName();
        Path out = dir.resolve("deployments.jsonl");

        Result replay = cli("replay", "--topic", topic, "--key", run.blueprintId(), "--out", out.toString());

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        List<JsonNode> lines = Files.readAllLines(out).stream().map(PlatformApi::json).toList();
        List<Long> expectedOffsets = produced.stream().filter(r -> r.topic().equals(topic))
                .map(ConsumerRecord::offset).sorted().toList();
        assertThat(expectedOffsets).isNotEmpty();
        assertThat(lines).extracting(l -> l.get("offset").asLong()).containsExactlyElementsOf(expectedOffsets);
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.get("key").asString()).isEqualTo(run.blueprintId());
            assertThat(l.at("/value/envelope/tenantId").asString()).isEqualTo(TENANT);
        });
        assertThat(replay.out()).contains(expectedOffsets.size() + " matched, 0 undecodable");
    }

    @Test
    void aTimeWindowBeforeTheRunHasNoneOfItsRecords() {
        Result replay = cli("replay", "--topic", DharmaTopic.BLUEPRINTS.topicName(), "--key", run.blueprintId(),
                "--to", runStarted.minusSeconds(60).toString());

        assertThat(replay.exitCode()).isZero();
        assertThat(replay.out()).isEmpty();
        assertThat(replay.err()).contains(" 0 matched");
    }

    @Test
    void auditTimelineHasEveryEventOfTheBlueprintInTimeOrder() {
        Result audit = cli("audit", run.blueprintId(), "--json");

        assertThat(audit.exitCode()).as(audit.err()).isZero();
        List<JsonNode> entries = lifecycleEntries(PlatformApi.json(audit.out()).get("entries"));
        List<String> eventIds = produced.stream().map(GenericEvents::eventId).sorted().toList();
        assertThat(entries.stream().map(e -> e.get("eventId").asString()).sorted().toList()).isEqualTo(eventIds);
        List<String> times = entries.stream().map(e -> e.get("time").asString()).toList();
        assertThat(times).isSortedAccordingTo(Comparator.comparing(Instant::parse));
        assertThat(entries.get(0).get("eventType").asString()).isEqualTo("BlueprintSubmitted");
        assertThat(entries.get(entries.size() - 1).get("eventType").asString()).isEqualTo("DeploymentSucceeded");
    }

    @Test
    void auditEndpointServesTheSameTimelineToItsTenantOnly() throws Exception {
        var mine = new PlatformApi(platform.apiUrl(), TENANT).get("/api/v1/audit/blueprints/" + run.blueprintId());
        var theirs = new PlatformApi(platform.apiUrl(), "someone-else").get("/api/v1/audit/blueprints/" + run.blueprintId());

        assertThat(mine.statusCode()).isEqualTo(200);
        Map<String, String> typesById = lifecycleEntries(PlatformApi.json(mine.body()).get("entries")).stream()
                .collect(Collectors.toMap(e -> e.get("eventId").asString(), e -> e.get("eventType").asString()));
        assertThat(typesById.keySet()).containsExactlyInAnyOrderElementsOf(produced.stream().map(GenericEvents::eventId).toList());
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(PlatformApi.json(theirs.body()).get("code").asString()).isEqualTo("audit.blueprint-not-found");
    }

    @Test
    void topicsListsTheCatalogueWithSchemasAndOffsets() {
        Result topics = cli("topics");

        assertThat(topics.exitCode()).as(topics.err()).isZero();
        for (String name : DharmaTopic.allTopicNames()) {
            assertThat(topics.out()).contains(name);
        }
        assertThat(topics.out()).containsPattern("dharma\\.deployments\\.v1 +6 +-1 +delete +dharma\\.deployments\\.v1-value +v\\d+ +\\d+");
    }

    @Test
    void securityEventsOfATenantAreReplayedWithWhoDidWhat(@TempDir Path dir) throws Exception {
        PlatformApi policyAdmin = new PlatformApi(platform.apiUrl(), TENANT, "policy-boss");
        assertThat(policyAdmin.post("/api/v1/policies/storage.versioning/disable", "").statusCode()).isEqualTo(200);
        assertThat(policyAdmin.post("/api/v1/policies/storage.versioning/enable", "").statusCode()).isEqualTo(200);
        Path out = dir.resolve("security.jsonl");

        List<JsonNode> events = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            Result replay = cli("replay", "--topic", DharmaTopic.SECURITY.topicName(), "--tenant", TENANT,
                    "--out", out.toString());
            assertThat(replay.exitCode()).as(replay.err()).isZero();
            return Files.readAllLines(out).stream().map(PlatformApi::json)
                    .filter(line -> line.at("/value/subject").asString().equals("storage.versioning"))
                    .toList();
        }, lines -> lines.size() >= 2);

        assertThat(events).extracting(line -> line.at("/value/kind").asString())
                .containsExactly("POLICY_DISABLED", "POLICY_ENABLED");
        assertThat(events).allSatisfy(line -> {
            assertThat(line.get("key").asString()).isEqualTo(TENANT);
            assertThat(line.at("/value/actor").toString()).contains("policy-boss");
        });
    }

    @Test
    void anUnknownTopicIsAClearError() {
        Result replay = cli("replay", "--topic", "dharma.nothing.v1");

        assertThat(replay.exitCode()).isEqualTo(1);
        assertThat(replay.err()).contains("Unknown topic dharma.nothing.v1");
    }

    private record Result(int exitCode, String out, String err) {
    }

    /**
     * The drift observer keeps observing the deployed stack (every few seconds in these tests), so
     * the run's own records are those of the lifecycle topics, not observations and drift.
     */
    private static boolean isLifecycle(String topic) {
        return !topic.equals(DharmaTopic.OBSERVATIONS.topicName()) && !topic.equals(DharmaTopic.DRIFT.topicName());
    }

    private static List<JsonNode> lifecycleEntries(JsonNode entries) {
        return entries.valueStream().filter(entry -> isLifecycle(entry.get("topic").asString())).toList();
    }

    @Test
    void setAsideOutboxRowsAreShownToPlatformAdminsOnly() throws Exception {
        UUID eventId = UUID.randomUUID();
        try (java.sql.Connection connection = platform.context().getBean(javax.sql.DataSource.class).getConnection();
                java.sql.PreparedStatement insert = connection.prepareStatement("""
                        insert into platform.outbox (topic, record_key, record_value, event_id, failed_at, failure)
                        values (?, ?, ?, ?, now(), ?)""")) {
            insert.setString(1, DharmaTopic.BLUEPRINTS.topicName());
            insert.setString(2, "bp-set-aside");
            insert.setBytes(3, new byte[] {0});
            insert.setObject(4, eventId);
            insert.setString(5, "RecordTooLargeException: The message is 1048577 bytes");
            insert.executeUpdate();
        }
        String adminKey = platform.generatedAdminKey().orElseThrow();

        var asAdmin = PlatformApi.withBearer(platform.apiUrl(), adminKey).get("/api/v1/operations/outbox/set-aside");
        var asTenant = new PlatformApi(platform.apiUrl(), TENANT).get("/api/v1/operations/outbox/set-aside");
        Result listed = run("outbox", "set-aside", "--api-url", platform.apiUrl(), "--token", adminKey);

        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(PlatformApi.json(asAdmin.body()).get("items").valueStream()
                .filter(row -> row.get("eventId").asString().equals(eventId.toString())).toList())
                .singleElement().satisfies(row -> {
                    assertThat(row.get("key").asString()).isEqualTo("bp-set-aside");
                    assertThat(row.get("reason").asString()).contains("RecordTooLargeException");
                });
        assertThat(asTenant.statusCode()).isEqualTo(403);
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains(eventId.toString(), "RecordTooLargeException");
    }

    /** A command that reads Kafka and the registry, pointed at the platform's. */
    private static Result cli(String... args) {
        return run(java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--bootstrap-server", platform.bootstrapServers(), "--registry-url", platform.registryUrl())).toArray(String[]::new));
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = DharmaCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Result(cli.execute(args), out.toString(), err.toString());
    }
}
