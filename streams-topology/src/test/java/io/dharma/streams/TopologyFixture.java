package io.dharma.streams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.CostEstimated;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DriftEvent;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.events.IacEvent;
import io.dharma.events.ResourceObserved;
import io.dharma.serde.AvroSerdeConfig;
import io.dharma.streams.views.BlueprintView;
import io.dharma.streams.views.DeploymentView;
import io.dharma.streams.views.DriftView;
import io.dharma.streams.views.TenantSummary;
import io.dharma.streams.views.TrackingView;
import io.dharma.testing.EmbeddedStack;
import io.dharma.topics.DharmaTopicNames;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The topology in a {@link TopologyTestDriver}, with Avro serdes against the real embedded registry:
 * a fresh driver and state directory for each test, closed and deleted after it. A test class
 * registers it as a field, {@code @RegisterExtension final TopologyFixture topology = new TopologyFixture();}.
 */
final class TopologyFixture implements BeforeEachCallback, AfterEachCallback {

    private Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, BlueprintSubmitted> blueprints;
    private TestInputTopic<String, IacEvent> iac;
    private TestInputTopic<String, GuardrailsEvaluated> guardrails;
    private TestInputTopic<String, CostEstimated> costs;
    private TestInputTopic<String, DeploymentEvent> deployments;
    private TestInputTopic<String, ResourceObserved> observations;
    private TestOutputTopic<String, DriftEvent> drift;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        stateDir = Files.createTempDirectory("dharma-topology-test");
        StreamsSerdes serdes = StreamsSerdes.avro(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedStack.get().registryUrl()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dharma-streams-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(DharmaTopology.build(serdes), props);
        StringSerializer keys = new StringSerializer();
        blueprints = driver.createInputTopic(DharmaTopicNames.BLUEPRINTS, keys, serdes.blueprints().serializer());
        iac = driver.createInputTopic(DharmaTopicNames.IAC, keys, serdes.iac().serializer());
        guardrails = driver.createInputTopic(DharmaTopicNames.GUARDRAILS, keys, serdes.guardrails().serializer());
        costs = driver.createInputTopic(DharmaTopicNames.COSTS, keys, serdes.costs().serializer());
        deployments = driver.createInputTopic(DharmaTopicNames.DEPLOYMENTS, keys, serdes.deployments().serializer());
        observations = driver.createInputTopic(DharmaTopicNames.OBSERVATIONS, keys, serdes.observations().serializer());
        drift = driver.createOutputTopic(DharmaTopicNames.DRIFT, new StringDeserializer(),
                serdes.driftEvents().deserializer());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            driver.close();
        } finally {
            try (Stream<Path> paths = Files.walk(stateDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** Pipes each event to its topic, keyed by blueprintId like the producers (and the drift observer) do. */
    TopologyFixture pipe(Object... events) {
        for (Object event : events) {
            switch (event) {
                case BlueprintSubmitted e -> blueprints.pipeInput(e.getEnvelope().getBlueprintId(), e);
                case IacEvent e -> iac.pipeInput(e.getEnvelope().getBlueprintId(), e);
                case GuardrailsEvaluated e -> guardrails.pipeInput(e.getEnvelope().getBlueprintId(), e);
                case CostEstimated e -> costs.pipeInput(e.getEnvelope().getBlueprintId(), e);
                case DeploymentEvent e -> deployments.pipeInput(e.getEnvelope().getBlueprintId(), e);
                case ResourceObserved e -> observations.pipeInput(e.getEnvelope().getBlueprintId(), e);
                default -> throw new IllegalArgumentException("not a lifecycle event: " + event);
            }
        }
        return this;
    }

    TrackingView tracking(String trackingId) {
        KeyValueStore<String, TrackingView> store = driver.getKeyValueStore(DharmaTopology.TRACKING_STORE);
        return store.get(trackingId);
    }

    DeploymentView deployment(String deploymentId) {
        KeyValueStore<String, DeploymentView> store = driver.getKeyValueStore(DharmaTopology.DEPLOYMENTS_STORE);
        return store.get(deploymentId);
    }

    BlueprintView blueprint(String blueprintId) {
        KeyValueStore<String, BlueprintView> store = driver.getKeyValueStore(DharmaTopology.BLUEPRINTS_STORE);
        return store.get(blueprintId);
    }

    TenantSummary tenantSummary(String tenantId) {
        KeyValueStore<String, TenantSummary> store = driver.getKeyValueStore(DharmaTopology.TENANT_SUMMARY_STORE);
        return store.get(tenantId);
    }

    DriftView drift(String blueprintId) {
        KeyValueStore<String, DriftView> store = driver.getKeyValueStore(DharmaTopology.DRIFT_STORE);
        return store.get(blueprintId);
    }

    /** The value of {@code key} in {@code store}, as the query API reads it (null when absent). */
    <V> V stored(String store, String key) {
        KeyValueStore<String, V> values = driver.getKeyValueStore(store);
        return values.get(key);
    }

    /** The entries of an index store under {@code prefix}: index key → store key, in key order. */
    List<KeyValue<String, String>> indexed(String indexStore, String prefix) {
        KeyValueStore<String, String> store = driver.getKeyValueStore(indexStore);
        try (var entries = store.range(prefix, TenantIndex.upperBound(prefix))) {
            List<KeyValue<String, String>> all = new ArrayList<>();
            entries.forEachRemaining(all::add);
            return all;
        }
    }

    /** The drift events written since the last call, with their keys. */
    List<KeyValue<String, DriftEvent>> driftEvents() {
        return drift.readKeyValuesToList();
    }

}
