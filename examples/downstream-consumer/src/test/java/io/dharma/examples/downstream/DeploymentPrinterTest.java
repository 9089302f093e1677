package io.dharma.examples.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dharma.events.BlockReason;
import io.dharma.events.BlockReasonKind;
import io.dharma.events.DeploymentBlocked;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentFailed;
import io.dharma.events.DeploymentOperation;
import io.dharma.events.DeploymentPlanned;
import io.dharma.events.DeploymentRequested;
import io.dharma.events.DeploymentSucceeded;
import io.dharma.events.Envelopes;
import io.dharma.serde.AvroSerializer;
import io.dharma.testing.EmbeddedStack;

/**
 * The printer against the real embedded broker and registry, fed real DeploymentEvents written the
 * way the orchestrator writes them (transactions, Avro through the registry, key blueprintId).
 * Tests share the topic, so each uses its own blueprintIds and looks only at its lines.
 */
class DeploymentPrinterTest {

    private static final EmbeddedStack STACK = EmbeddedStack.get();
    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @BeforeAll
    static void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(DeploymentPrinter.TOPIC, 6, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @Test
    void printsEachCommittedDeploymentEventOnceInBlueprintOrder() throws Exception {
        String blueprint = "bp-" + UUID.randomUUID();
        String deployment = "dep-" + UUID.randomUUID();
        DeploymentEvent requested = event(blueprint, deployment, 0, DeploymentRequested.newBuilder()
                .setOperation(DeploymentOperation.APPLY).setIacContentHash("sha256:ab").setExecutor("sandbox").build());
        DeploymentEvent planned = event(blueprint, deployment, 1, DeploymentPlanned.newBuilder()
                .setToAdd(2).setToChange(0).setToDestroy(0).setActions(List.of()).build());
        DeploymentEvent failedButAborted = event(blueprint, deployment, 2, DeploymentFailed.newBuilder()
                .setError("never committed").build());
        DeploymentEvent succeeded = event(blueprint, deployment, 3, DeploymentSucceeded.newBuilder()
                .setResourcesChanged(2).build());

        try (KafkaProducer<String, Object> producer = transactionalProducer()) {
            inTransaction(producer, requested, planned);
            producer.beginTransaction();
            send(producer, failedButAborted);
            producer.abortTransaction();
            inTransaction(producer, succeeded, succeeded);   // a redelivery: same eventId twice
        }

        Output output = runUntil(PrinterOptions.parse("--bootstrap-server", STACK.bootstrapServers(),
                        "--registry-url", STACK.registryUrl(), "--group", "printer-" + UUID.randomUUID(), "--from-beginning"),
                lines -> lines.stream().anyMatch(l -> l.contains(blueprint) && l.contains("SUCCEEDED")));

        assertThat(output.linesAbout(blueprint)).containsExactly(
                "2026-01-01T12:00:00Z " + blueprint + " " + deployment + " REQUESTED operation=APPLY executor=sandbox",
                "2026-01-01T12:00:01Z " + blueprint + " " + deployment + " PLANNED add=2 change=0 destroy=0",
                "2026-01-01T12:00:03Z " + blueprint + " " + deployment + " SUCCEEDED resourcesChanged=2");
    }

    @Test
    void skipsAnUnreadableRecordAndGoesOn() throws Exception {
        String blueprint = "bp-" + UUID.randomUUID();
        String deployment = "dep-" + UUID.randomUUID();
        DeploymentEvent blocked = event(blueprint, deployment, 0, DeploymentBlocked.newBuilder()
                .setReasons(List.of(BlockReason.newBuilder().setKind(BlockReasonKind.GUARDRAILS)
                        .setPolicyId("storage.encryption-at-rest").setMessage("bucket uploads is not encrypted").build()))
                .build());
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(DeploymentPrinter.TOPIC, blueprint, "not avro".getBytes(StandardCharsets.UTF_8))).get();
        }
        try (KafkaProducer<String, Object> producer = transactionalProducer()) {
            inTransaction(producer, blocked);
        }

        Output output = runUntil(PrinterOptions.parse("--bootstrap-server", STACK.bootstrapServers(),
                        "--registry-url", STACK.registryUrl(), "--group", "printer-" + UUID.randomUUID(), "--from-beginning"),
                lines -> lines.stream().anyMatch(l -> l.contains(blueprint)));

        assertThat(output.linesAbout(blueprint)).containsExactly("2026-01-01T12:00:00Z " + blueprint + " " + deployment
                + " BLOCKED reasons=[GUARDRAILS storage.encryption-at-rest: bucket uploads is not encrypted]");
        assertThat(output.errors()).contains("skipping unreadable record " + DeploymentPrinter.TOPIC + "-")
                .contains("Unknown magic byte");
    }

    @Test
    void aRestartedGroupContinuesAfterWhatItPrinted() throws Exception {
        String blueprint = "bp-" + UUID.randomUUID();
        String group = "printer-" + UUID.randomUUID();
        PrinterOptions options = PrinterOptions.parse("--bootstrap-server", STACK.bootstrapServers(),
                "--registry-url", STACK.registryUrl(), "--group", group);
        DeploymentEvent first = event(blueprint, "dep-1", 0, DeploymentSucceeded.newBuilder().setResourcesChanged(1).build());
        DeploymentEvent second = event(blueprint, "dep-2", 1, DeploymentSucceeded.newBuilder().setResourcesChanged(2).build());

        // Without --from-beginning a new group starts at the end: produce once it is assigned.
        Output firstRun = runUntil(options, lines -> lines.stream().anyMatch(l -> l.contains(blueprint)),
                () -> produce(first));
        Output secondRun = runUntil(options, lines -> lines.stream().anyMatch(l -> l.contains("dep-2")),
                () -> produce(second));

        assertThat(firstRun.linesAbout(blueprint)).containsExactly(
                "2026-01-01T12:00:00Z " + blueprint + " dep-1 SUCCEEDED resourcesChanged=1");
        assertThat(secondRun.linesAbout(blueprint)).containsExactly(
                "2026-01-01T12:00:01Z " + blueprint + " dep-2 SUCCEEDED resourcesChanged=2");
    }

    @Test
    void rejectsBadArguments() {
        assertThat(PrinterOptions.parse()).isEqualTo(new PrinterOptions("localhost:9092", "http://localhost:8081",
                "example-deployment-printer", false));
        assertThatThrownBy(() -> PrinterOptions.parse("--group")).hasMessage("--group needs a value");
        assertThatThrownBy(() -> PrinterOptions.parse("--to-the-end")).hasMessage("unknown argument: --to-the-end");
    }

    // --- plumbing ---

    private record Output(List<String> lines, String errors) {

        List<String> linesAbout(String blueprintId) {
            return lines.stream().filter(l -> l.contains(" " + blueprintId + " ")).toList();
        }
    }

    private static Output runUntil(PrinterOptions options, Predicate<List<String>> done) throws Exception {
        return runUntil(options, done, () -> { });
    }

    /**
     * Runs the printer on its own thread, runs {@code whileRunning} once its group is assigned, waits until its
     * output satisfies {@code done}, then stops it like Ctrl-C.
     */
    private static Output runUntil(PrinterOptions options, Predicate<List<String>> done, Runnable whileRunning)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (DeploymentPrinter printer = new DeploymentPrinter(options, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))) {
            Thread thread = Thread.ofPlatform().name("printer-under-test").start(printer::run);
            try {
                await().atMost(TIMEOUT).until(() -> assigned(options.group()));
                whileRunning.run();
                await().atMost(TIMEOUT).untilAsserted(
                        () -> assertThat(done.test(lines(out))).as("output %s / %s", out, err).isTrue());
            } finally {
                printer.stop();
                thread.join(TIMEOUT);
            }
            assertThat(thread.isAlive()).as("printer stopped").isFalse();
        }
        return new Output(lines(out), err.toString(StandardCharsets.UTF_8));
    }

    private static boolean assigned(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers()))) {
            var description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            return description.members().stream().anyMatch(m -> !m.assignment().topicPartitions().isEmpty());
        }
    }

    private static List<String> lines(ByteArrayOutputStream out) {
        String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static DeploymentEvent event(String blueprintId, String deploymentId, int secondsAfterT0, Object payload) {
        Envelopes envelopes = Envelopes.forProducer("orchestrator",
                Clock.fixed(T0.plusSeconds(secondsAfterT0), ZoneOffset.UTC));
        return DeploymentEvent.newBuilder()
                .setEnvelope(envelopes.originating("tenant-printer", "trk-" + blueprintId, blueprintId, 1))
                .setDeploymentId(deploymentId)
                .setPayload(payload)
                .build();
    }

    private static KafkaProducer<String, Object> transactionalProducer() {
        KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "printer-test-" + UUID.randomUUID(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class.getName(),
                "schema.registry.url", STACK.registryUrl()));
        producer.initTransactions();
        return producer;
    }

    private static void inTransaction(KafkaProducer<String, Object> producer, DeploymentEvent... events) {
        producer.beginTransaction();
        for (DeploymentEvent event : events) {
            send(producer, event);
        }
        producer.commitTransaction();
    }

    private static void send(KafkaProducer<String, Object> producer, DeploymentEvent event) {
        producer.send(new ProducerRecord<>(DeploymentPrinter.TOPIC, event.getEnvelope().getBlueprintId(), event));
        producer.flush();
    }

    private static void produce(DeploymentEvent event) {
        try (KafkaProducer<String, Object> producer = transactionalProducer()) {
            inTransaction(producer, event);
        }
    }
}
