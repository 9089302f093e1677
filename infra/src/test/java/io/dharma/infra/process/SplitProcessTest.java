package io.dharma.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.dharma.testing.EmbeddedStack;
import io.dharma.testing.ExampleBlueprints;
import io.dharma.testing.TopicProbe;
import io.dharma.topics.DharmaTopic;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The proof that the compose and Helm topology works: every service in a JVM of its own, from its
 * own jar, configured only by environment variables ({@link SplitPlatform}). Submissions go to the
 * intake's API and their end states are read from the state application's query API; what
 * happened is counted where a downstream team or an auditor would look: the topics (read from the
 * beginning, committed records only) and the sandbox cloud's append-only audit log.
 */
class SplitProcessTest {

    private static final Duration END_STATE_TIMEOUT = Duration.ofMinutes(4);
    private static final String WEB_APP = "aws-web-app.yaml";

    @RegisterExtension
    static final SplitPlatform platform = new SplitPlatform();

    private final TopicProbe probe = TopicProbe.onStack().generic();

    @Test
    void everyServiceAnswersItsProbesWithoutACredential() {
        for (Service service : Service.values()) {
            assertThat(platform.probe(service, "liveness")).as("%s liveness", service).isEqualTo(200);
            assertThat(platform.probe(service, "readiness")).as("%s readiness", service).isEqualTo(200);
        }
    }

    @Test
    void everyExampleReachesItsEndStateOnce() {
        String tenant = "split-examples-" + shortId();
        TenantApi api = new TenantApi(platform, tenant);
        Map<String, String> expected = Map.of(
                "aws-web-app.yaml", "SUCCEEDED",
                "insecure-demo.yaml", "BLOCKED",
                "aws-prod-api.yaml", "AWAITING_APPROVAL",
                "azure-data-platform.yaml", "AWAITING_APPROVAL",
                "gcp-kubernetes-service.yaml", "AWAITING_APPROVAL");
        Map<TenantApi.Accepted, String> submitted = new HashMap<>();
        expected.forEach((file, status) -> submitted.put(api.submitExample(file, "example-" + shortId()), status));

        awaitEndStates(api, submitted);

        Map<String, List<ConsumerRecord<String, GenericRecord>>> events = deploymentEventsByBlueprint(tenant);
        submitted.forEach((accepted, status) -> assertThat(distinctEventIds(events.get(accepted.blueprintId()),
                endEvent(status))).as("%s events of %s", endEvent(status), accepted).isEqualTo(1));
    }

    /** Intake asks the generator, guardrails, costing and streams processes at the URLs its environment names. */
    @Test
    void aPlanIsAnsweredByEveryStageProcess() {
        TenantApi api = new TenantApi(platform, "split-plan-" + shortId());

        java.net.http.HttpResponse<String> plan = api.planExample("insecure-demo.yaml", "planned-" + shortId());

        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        assertThat(plan.body()).contains("\"outcome\":\"GENERATED\"", "\"outcome\":\"BLOCKED\"", "\"lineItems\"",
                "\"toAdd\":6");
    }

    @Test
    void oneSubmissionIsOneTraceAcrossTheServiceProcesses() {
        TenantApi api = new TenantApi(platform, "split-trace-" + shortId());
        TenantApi.Accepted accepted = api.submitExample(WEB_APP, "traced-" + shortId());
        awaitEndStates(api, Map.of(accepted, "SUCCEEDED"));

        // Every record of the submission's way, as each consuming process saw it (drift observations
        // of the same blueprint start traces of their own, so they are not among these topics).
        Set<String> lifecycle = Stream.of(DharmaTopic.BLUEPRINTS, DharmaTopic.IAC, DharmaTopic.GUARDRAILS, DharmaTopic.COSTS,
                DharmaTopic.DEPLOYMENTS).map(topic -> "process " + topic.topicName()).collect(Collectors.toSet());
        Awaitility.await("the submission's spans from the service processes").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    Set<String> traces = platform.traces().traceIds(span -> lifecycle.contains(span.name())
                            && accepted.blueprintId().equals(span.attributes().get("messaging.kafka.message.key")));
                    assertThat(traces).as("traces of the submission's records").hasSize(1);
                    assertThat(platform.traces().servicesIn(traces.iterator().next())).as("processes in the trace")
                            .contains("dharma-intake", "dharma-generator", "dharma-guardrails", "dharma-costing",
                                    "dharma-orchestrator", "dharma-streams");
                });
    }

    @Test
    void anOrchestratorKilledMidStreamLosesNothingAndDuplicatesNothing() throws Exception {
        String tenant = "split-kill-" + shortId();
        TenantApi api = new TenantApi(platform, tenant);
        int perPhase = 12;
        List<TenantApi.Accepted> accepted = new CopyOnWriteArrayList<>();
        submit(api, perPhase, "before", accepted);

        // Mid-stream: some deployments have ended, others are on their way.
        probe.<GenericRecord>await(DharmaTopic.DEPLOYMENTS.topicName(),
                records -> blueprintsWith(ofTenant(records, tenant), "DeploymentSucceeded").size() >= 3, END_STATE_TIMEOUT);
        platform.kill9(Service.ORCHESTRATOR);
        List<ConsumerRecord<String, GenericRecord>> atKill = deploymentEvents(tenant);
        Set<String> endedAtKill = blueprintsWith(atKill, "DeploymentSucceeded");
        Set<String> applyingAtKill = new HashSet<>(blueprintsWith(atKill, "DeploymentApplying"));
        applyingAtKill.removeAll(endedAtKill);
        // More submissions while the orchestrator is down and while it starts again on its port and data.
        try (ExecutorService load = Executors.newSingleThreadExecutor()) {
            Future<?> during = load.submit(() -> submit(api, perPhase, "during", accepted));
            platform.start(Service.ORCHESTRATOR);
            during.get();
        }
        assertThat(endedAtKill).as("deployments ended when the orchestrator was killed").hasSizeLessThan(perPhase);

        Map<TenantApi.Accepted, String> all = new HashMap<>();
        accepted.forEach(a -> all.put(a, "SUCCEEDED"));
        awaitEndStates(api, all);
        // A sentinel behind everything the killed orchestrator had left: once it has ended, a late duplicate would be there too.
        TenantApi.Accepted sentinel = api.submitExample(WEB_APP, "sentinel-" + shortId());
        awaitEndStates(api, Map.of(sentinel, "SUCCEEDED"));
        all.put(sentinel, "SUCCEEDED");

        Set<String> blueprints = all.keySet().stream().map(TenantApi.Accepted::blueprintId).collect(Collectors.toSet());
        Map<String, List<ConsumerRecord<String, GenericRecord>>> deployments = deploymentEventsByBlueprint(tenant);
        assertThat(deployments.keySet()).containsExactlyInAnyOrderElementsOf(blueprints);
        deployments.forEach((blueprint, events) -> {
            assertThat(distinctEventIds(events, "DeploymentRequested")).as("deployments requested for %s", blueprint).isEqualTo(1);
            assertThat(distinctEventIds(events, "DeploymentSucceeded")).as("successes of %s", blueprint).isEqualTo(1);
            assertThat(distinctEventIds(events, "DeploymentFailed")).as("failures of %s", blueprint).isZero();
        });
        for (DharmaTopic<?> stage : List.of(DharmaTopic.BLUEPRINTS, DharmaTopic.IAC, DharmaTopic.GUARDRAILS, DharmaTopic.COSTS)) {
            Map<String, Long> perBlueprint = distinctEventIdsPerBlueprint(stage.topicName(), tenant);
            assertThat(perBlueprint).as("events per blueprint on %s", stage.topicName())
                    .isEqualTo(blueprints.stream().collect(Collectors.toMap(Function.identity(), b -> 1L)));
        }
        int resources = ExampleBlueprints.blueprint(WEB_APP).spec().resources().size();
        Map<String, Long> creates = sandboxCreatesPerBlueprint(tenant);
        assertThat(creates).as("resources created in the sandbox per blueprint")
                .isEqualTo(blueprints.stream().collect(Collectors.toMap(Function.identity(), b -> (long) resources)));
        Map<String, Long> byStatus = summaryByStatus(api);
        assertThat(byStatus).as("the state application's summary").isEqualTo(Map.of("SUCCEEDED", (long) all.size()));

        List<ConsumerRecord<String, GenericRecord>> deploymentRecords = deployments.values().stream().flatMap(List::stream).toList();
        long redelivered = deploymentRecords.size() - deploymentRecords.stream().map(SplitProcessTest::eventId).distinct().count();
        System.out.printf("kill -9 orchestrator: %d submissions accepted (%d before the kill, %d while it was down or "
                        + "restarting, and a sentinel); at the kill %d deployments had succeeded and %d were applying; "
                        + "afterwards %d succeeded once each, %d resources created (%d each), state view %s, "
                        + "%d deployment records redelivered with the same eventId%n",
                all.size(), perPhase, perPhase, endedAtKill.size(), applyingAtKill.size(), deployments.size(),
                creates.values().stream().mapToLong(Long::longValue).sum(), resources, byStatus, redelivered);
    }

    /** {@code count} new blueprints of aws-web-app, a little apart, as a steady stream of users would send them. */
    private static void submit(TenantApi api, int count, String phase, List<TenantApi.Accepted> accepted) {
        for (int i = 0; i < count; i++) {
            accepted.add(api.submitExample(WEB_APP, phase + "-" + i + "-" + shortId()));
            pause(Duration.ofMillis(250));
        }
    }

    private static void awaitEndStates(TenantApi api, Map<TenantApi.Accepted, String> expected) {
        Awaitility.await("end states in the state application").atMost(END_STATE_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Map<String, String> statuses = new HashMap<>();
                    expected.keySet().forEach(a -> statuses.put(a.trackingId(), api.trackingStatus(a.trackingId()).orElse("unknown")));
                    assertThat(statuses).isEqualTo(expected.entrySet().stream()
                            .collect(Collectors.toMap(e -> e.getKey().trackingId(), Map.Entry::getValue)));
                });
    }

    private static Map<String, Long> summaryByStatus(TenantApi api) {
        Map<String, Long> byStatus = new HashMap<>();
        api.read("/api/v1/summary").orElseThrow().path("blueprintsByStatus").properties()
                .forEach(entry -> byStatus.put(entry.getKey(), entry.getValue().asLong()));
        return byStatus;
    }

    private List<ConsumerRecord<String, GenericRecord>> deploymentEvents(String tenant) {
        return ofTenant(probe.<GenericRecord>readAll(DharmaTopic.DEPLOYMENTS.topicName()), tenant);
    }

    private Map<String, List<ConsumerRecord<String, GenericRecord>>> deploymentEventsByBlueprint(String tenant) {
        return deploymentEvents(tenant).stream().collect(Collectors.groupingBy(ConsumerRecord::key));
    }

    private Map<String, Long> distinctEventIdsPerBlueprint(String topic, String tenant) {
        return ofTenant(probe.<GenericRecord>readAll(topic), tenant).stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(SplitProcessTest::eventId, Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
    }

    /** Every CREATE in the sandbox's append-only audit log: a resource created twice would be there twice. */
    private static Map<String, Long> sandboxCreatesPerBlueprint(String tenant) throws SQLException {
        Map<String, Long> creates = new HashMap<>();
        try (Connection connection = EmbeddedStack.get().dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT blueprint_id, count(*) FROM sandbox.operation "
                        + "WHERE tenant_id = ? AND kind = 'CREATE' GROUP BY blueprint_id")) {
            query.setString(1, tenant);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    creates.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return creates;
    }

    private static String endEvent(String status) {
        return switch (status) {
            case "SUCCEEDED" -> "DeploymentSucceeded";
            case "BLOCKED" -> "DeploymentBlocked";
            case "AWAITING_APPROVAL" -> "DeploymentAwaitingApproval";
            default -> throw new IllegalArgumentException(status);
        };
    }

    private static long distinctEventIds(List<ConsumerRecord<String, GenericRecord>> events, String payload) {
        return events.stream().filter(r -> payload(r).equals(payload)).map(SplitProcessTest::eventId).distinct().count();
    }

    /** The blueprints (record keys) with at least one {@code payload} event. */
    private static Set<String> blueprintsWith(List<ConsumerRecord<String, GenericRecord>> records, String payload) {
        return records.stream().filter(r -> payload(r).equals(payload)).map(ConsumerRecord::key).collect(Collectors.toSet());
    }

    private static List<ConsumerRecord<String, GenericRecord>> ofTenant(List<ConsumerRecord<String, GenericRecord>> records,
            String tenant) {
        return records.stream().filter(r -> tenant.equals(envelope(r).get("tenantId").toString())).toList();
    }

    private static GenericRecord envelope(ConsumerRecord<String, GenericRecord> record) {
        return (GenericRecord) record.value().get("envelope");
    }

    private static String eventId(ConsumerRecord<String, GenericRecord> record) {
        return envelope(record).get("eventId").toString();
    }

    private static String payload(ConsumerRecord<String, GenericRecord> record) {
        return ((GenericRecord) record.value().get("payload")).getSchema().getName();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
