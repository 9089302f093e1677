package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import tools.jackson.databind.JsonNode;

/**
 * One submission is one trace: the intake's HTTP request, the outbox relay's publication, the
 * generator, guardrails and costing answering it, the orchestrator's join, decision and deployment
 * run, the sandbox's plan and apply, and the streams application's tracking, all under the trace
 * the request started, carried in PostgreSQL rows and W3C {@code traceparent} Kafka headers. In the
 * one JVM every service shares one tracer, so each span names its service in {@code dharma.service}
 * (the intake's HTTP span by its route). A dry run's calls to the stages carry its trace too.
 */
class TracingEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final AttributeKey<String> SERVICE = AttributeKey.stringKey("dharma.service");
    private static final AttributeKey<String> MESSAGE_KEY = AttributeKey.stringKey("messaging.kafka.message.key");
    private static final String INTAKE = "dharma-intake";
    private static final Set<String> SERVICES = Set.of(INTAKE, "dharma-generator", "dharma-guardrails", "dharma-costing",
            "dharma-orchestrator", "dharma-sandbox", "dharma-streams");
    private static final Set<String> SPANS = Set.of("http post /api/v1/blueprints", "outbox append dharma.blueprints.v1",
            "publish dharma.blueprints.v1", "dharma.blueprints.v1 send", "process dharma.blueprints.v1",
            "process dharma.iac.v1", "process dharma.guardrails.v1", "process dharma.costs.v1", "schedule deployment",
            "run deployment", "sandbox plan", "sandbox apply", "outbox append dharma.deployments.v1",
            "process dharma.deployments.v1");

    private final RunningPlatform platform = SharedPlatform.get();
    private final PlatformApi api = new PlatformApi(platform.apiUrl(), "e2e-tracing");
    private final RecordedSpans recorded = platform.context().getBean(RecordedSpans.class);

    @BeforeEach
    void record() {
        recorded.start();
    }

    @AfterEach
    void forget() {
        recorded.stop();
    }

    @Test
    void oneSubmissionIsOneTraceWithSpansOfEveryServiceOnItsWay() throws Exception {
        PlatformApi.Accepted accepted = api.submitExample("aws-web-app.yaml", "traced-" + UUID.randomUUID().toString().substring(0, 8));
        awaitDeployed(accepted.blueprintId());

        // Spans are exported in batches, a few seconds after they end; the deployment's run ends after its last event.
        List<SpanData> trace = Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> traceOf(accepted.blueprintId()), spans -> services(spans).containsAll(SERVICES)
                        && spans.stream().map(SpanData::getName).collect(Collectors.toSet()).containsAll(SPANS));

        System.out.println("Trace " + trace.getFirst().getTraceId() + " of " + accepted.trackingId() + ":\n" + trace.stream()
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .map(span -> "  " + serviceOf(span) + "  " + span.getName() + " (" + span.getKind() + ")")
                .collect(Collectors.joining("\n")));
        assertThat(services(trace)).hasSizeGreaterThanOrEqualTo(5).containsAll(SERVICES);
        assertThat(trace).extracting(SpanData::getName).containsAll(SPANS);
        // Every record of this blueprint that a service or the streams application processed is in this one trace.
        List<SpanData> processing = recorded.finished().stream()
                .filter(span -> accepted.blueprintId().equals(span.getAttributes().get(MESSAGE_KEY))).toList();
        assertThat(processing).isNotEmpty().allSatisfy(span ->
                assertThat(span.getTraceId()).as(span.getName()).isEqualTo(trace.getFirst().getTraceId()));
        assertThat(processing).allSatisfy(span -> assertThat(span.getParentSpanContext().isValid())
                .as("%s continues a parent", span.getName()).isTrue());
    }

    @Test
    void aDryRunsCallsToTheStagesAreInThePlanRequestsTrace() throws Exception {
        String document = PlanEndToEndTest.renamed("aws-web-app.yaml", "traced-plan-" + UUID.randomUUID().toString().substring(0, 8));
        HttpResponse<String> planned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(platform.apiUrl() + "/api/v1/blueprints/plan"))
                .header("Authorization", "Bearer " + PlatformApi.bearer("e2e-tracing", "e2e-user"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(document)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);

        Set<String> stageRoutes = Set.of("/api/v1/iac/preview", "/api/v1/policies/evaluate", "/api/v1/costs/estimate");
        SpanData plan = Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> recorded.finished().stream().filter(span -> span.getKind() == SpanKind.SERVER
                        && "/api/v1/blueprints/plan".equals(route(span))).findFirst(), Optional::isPresent).orElseThrow();
        List<SpanData> stages = Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> recorded.finished().stream().filter(span -> span.getKind() == SpanKind.SERVER
                        && stageRoutes.contains(route(span))).toList(), spans -> spans.size() >= stageRoutes.size());

        // Each stage's server span continues the client span intake opened for it, inside the plan's trace.
        assertThat(stages).extracting(TracingEndToEndTest::route).containsAll(stageRoutes);
        assertThat(stages).allSatisfy(span -> assertThat(span.getTraceId()).as(route(span)).isEqualTo(plan.getTraceId()));
        // A client span ends after its server's, so it may be exported in a later batch.
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<SpanData> finished = recorded.finished();
            assertThat(stages).allSatisfy(span -> assertThat(finished).filteredOn(other -> other.getSpanId()
                    .equals(span.getParentSpanId())).as("the parent of %s", route(span)).singleElement()
                    .satisfies(caller -> assertThat(caller.getKind()).isEqualTo(SpanKind.CLIENT)));
        });
    }

    /** The trace started by the submission's HTTP request, once it holds a span of the blueprint's first answer. */
    private List<SpanData> traceOf(String blueprintId) {
        List<SpanData> spans = recorded.finished();
        Set<String> traceIds = spans.stream().filter(span -> blueprintId.equals(span.getAttributes().get(MESSAGE_KEY)))
                .map(SpanData::getTraceId).collect(Collectors.toSet());
        return spans.stream().filter(span -> traceIds.contains(span.getTraceId())).toList();
    }

    private static Set<String> services(List<SpanData> spans) {
        return spans.stream().map(TracingEndToEndTest::serviceOf).filter(service -> !service.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The span's {@code dharma.service}, or the intake for the HTTP request that submits a blueprint. */
    private static String serviceOf(SpanData span) {
        String service = span.getAttributes().get(SERVICE);
        if (service != null) {
            return service;
        }
        return span.getKind() == SpanKind.SERVER && "/api/v1/blueprints".equals(route(span)) ? INTAKE : "";
    }

    private static String route(SpanData span) {
        String uri = span.getAttributes().get(AttributeKey.stringKey("uri"));
        return uri != null ? uri : span.getAttributes().get(AttributeKey.stringKey("http.route"));
    }

    private void awaitDeployed(String blueprintId) {
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode list = PlatformApi.json(api.get("/api/v1/blueprints/" + blueprintId + "/deployments").body());
            assertThat(list.isArray() && !list.isEmpty()).as("deployments of %s", blueprintId).isTrue();
            assertThat(list.get(0).path("status").asString()).isEqualTo("SUCCEEDED");
        });
    }
}
