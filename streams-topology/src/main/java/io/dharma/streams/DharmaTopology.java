package io.dharma.streams;

import java.util.List;
import java.util.Map;

import io.dharma.events.CostEstimated;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentPlanned;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.events.IacEvent;
import io.dharma.events.DriftEvent;
import io.dharma.events.Envelope;
import io.dharma.events.ResourceObserved;
import io.dharma.streams.views.BlueprintStatusChange;
import io.dharma.streams.views.ObservedResource;
import io.dharma.streams.views.TrackingStep;
import io.dharma.streams.views.TrackingView;
import io.dharma.topics.DharmaTopicNames;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.kafka.streams.Topology;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The streams topology: materialises the lifecycle and observation topics into queryable key-value
 * stores, and emits drift events.
 *
 * <ul>
 *   <li>{@link #TRACKING_STORE}: trackingId → {@code TrackingView}, fed by every lifecycle topic;</li>
 *   <li>{@link #BLUEPRINTS_STORE}: blueprintId → {@code BlueprintView} (latest version, its status,
 *       last deployment), fed by the tracking views' changes;</li>
 *   <li>{@link #DEPLOYMENTS_STORE}: deploymentId → {@code DeploymentView}, fed by
 *       {@value DharmaTopicNames#DEPLOYMENTS} and the observations the drift processor accepted;</li>
 *   <li>{@link #TENANT_SUMMARY_STORE}: tenantId → {@code TenantSummary} (blueprints by status), fed by
 *       blueprint status changes;</li>
 *   <li>{@link #DRIFT_STORE}: blueprintId → {@code DriftView} (desired and observed state of each
 *       resource, drift), fed by {@value DharmaTopicNames#DEPLOYMENTS} and
 *       {@value DharmaTopicNames#OBSERVATIONS}; its {@code DriftEvent}s go to {@value DharmaTopicNames#DRIFT};</li>
 *   <li>{@link #IAC_STORE}, {@link #COSTS_STORE}, {@link #VERDICTS_STORE}: {@link #resultKey}
 *       (blueprintId and version) → the version's last {@code IacEvent}, {@code CostEstimated},
 *       {@code GuardrailsEvaluated} as published; partitioned by blueprintId like their input topics,
 *       so the instance hosting a result is found with {@link #resultPartitionKey};</li>
 *   <li>{@link #PLANS_STORE}: deploymentId → the deployment's last {@code DeploymentPlanned} event,
 *       beside the deployments store (same repartition);</li>
 *   <li>{@link #DEPLOYMENTS_BY_TENANT_STORE} and {@link #DRIFT_BY_TENANT_STORE}: {@link TenantIndex}
 *       keys → deploymentId or blueprintId, kept by the processor of the store they index, so a
 *       tenant's list reads only that tenant's entries (these two are the exception to the rule
 *       below: never looked up by key, only scanned by prefix on the partitions of their store).</li>
 * </ul>
 *
 * <p><b>Every store but the indexes is keyed by its partitioning key</b>, so
 * {@code KafkaStreams.queryMetadataForKey(store, key, Serdes.String().serializer())} names the
 * instance that hosts a key. The inputs are keyed by blueprintId; the topology re-keys through named
 * repartition topics ({@code <application.id>-<name>-repartition}):
 * {@value #STEPS_BY_TRACKING} (trackingId), {@value #TRACKINGS_BY_BLUEPRINT} (blueprintId),
 * {@value #STATUS_CHANGES_BY_TENANT} (tenantId), {@value #DEPLOYMENTS_BY_ID} and
 * {@value #OBSERVATIONS_BY_DEPLOYMENT} (deploymentId). The drift store needs no repartition: its
 * inputs are co-partitioned by blueprintId. Each repartition keeps the order of one key's records:
 * all events of one trackingId or deploymentId carry one blueprintId, so they are read from one
 * input partition by one task and written to the repartition topic in that order; the views of one
 * tracking likewise come from the one task that owns that trackingId. Records of different keys may
 * interleave, which the folds tolerate (they order by time and version, not by arrival).
 *
 * <p>Stores are persistent RocksDB stores with changelog topics (the defaults). Run the topology
 * with {@code processing.guarantee=exactly_once_v2}: a store update, its changelog record, the
 * repartition or output records and the input offset commit are then one transaction. The folds
 * are also idempotent on eventId, so a redelivered event never counts twice; the tenant counts rely
 * on exactly-once for their repartition hop.
 */
public final class DharmaTopology {

    public static final String TRACKING_STORE = "dharma-tracking";
    public static final String BLUEPRINTS_STORE = "dharma-blueprints";
    public static final String DEPLOYMENTS_STORE = "dharma-deployments";
    public static final String TENANT_SUMMARY_STORE = "dharma-tenant-summary";
    public static final String DRIFT_STORE = "dharma-drift";
    /** Results stores (ADR 0025): the events themselves, keyed by {@link #resultKey} or deploymentId. */
    public static final String IAC_STORE = "dharma-iac";
    public static final String COSTS_STORE = "dharma-costs";
    public static final String VERDICTS_STORE = "dharma-verdicts";
    public static final String PLANS_STORE = "dharma-deployment-plans";
    /** Index stores (see {@link TenantIndex}): same task and partitions as the store they index. */
    public static final String DEPLOYMENTS_BY_TENANT_STORE = "dharma-deployments-by-tenant";
    public static final String DRIFT_BY_TENANT_STORE = "dharma-drift-by-tenant";

    /** Repartition names; the topics are {@code <application.id>-<name>-repartition}. */
    public static final String STEPS_BY_TRACKING = "lifecycle-by-tracking";
    public static final String TRACKINGS_BY_BLUEPRINT = "tracking-changes-by-blueprint";
    public static final String STATUS_CHANGES_BY_TENANT = "tenant-status-changes";
    public static final String DEPLOYMENTS_BY_ID = "deployments-by-id";
    public static final String OBSERVATIONS_BY_DEPLOYMENT = "observations-by-deployment";

    private static final String DRIFT_OUTPUT = "drift-output-";

    private DharmaTopology() {
    }

    /** The key of one blueprint version's result in {@link #IAC_STORE}, {@link #COSTS_STORE}, {@link #VERDICTS_STORE}. */
    public static String resultKey(String blueprintId, int version) {
        return blueprintId + "/" + version;
    }

    /** The key the results stores are partitioned by: the blueprintId, the key of their input topics. */
    public static String resultPartitionKey(String blueprintId) {
        return blueprintId;
    }

    private static String resultKey(Envelope envelope) {
        return resultKey(envelope.getBlueprintId(), envelope.getBlueprintVersion());
    }

    /** The topology without metrics (an empty composite registry counts nothing), for tests of its shape. */
    public static Topology build(StreamsSerdes serdes) {
        return build(serdes, new StreamsMetrics(new CompositeMeterRegistry()));
    }

    public static Topology build(StreamsSerdes serdes, StreamsMetrics metrics) {
        return build(serdes, metrics, ObservationRegistry.NOOP);
    }

    /** @param tracing traces each lifecycle record ({@link RecordSpans}) */
    public static Topology build(StreamsSerdes serdes, StreamsMetrics metrics, ObservationRegistry tracing) {
        Serde<String> keys = Serdes.String();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(store(TRACKING_STORE, keys, serdes.trackingView()));
        builder.addStateStore(store(BLUEPRINTS_STORE, keys, serdes.blueprintView()));
        builder.addStateStore(store(DEPLOYMENTS_STORE, keys, serdes.deploymentView()));
        builder.addStateStore(store(TENANT_SUMMARY_STORE, keys, serdes.tenantSummary()));
        builder.addStateStore(store(DRIFT_STORE, keys, serdes.driftView()));
        builder.addStateStore(store(DEPLOYMENTS_BY_TENANT_STORE, keys, Serdes.String()));
        builder.addStateStore(store(DRIFT_BY_TENANT_STORE, keys, Serdes.String()));
        builder.addStateStore(store(IAC_STORE, keys, serdes.iac()));
        builder.addStateStore(store(COSTS_STORE, keys, serdes.costs()));
        builder.addStateStore(store(VERDICTS_STORE, keys, serdes.guardrails()));
        builder.addStateStore(store(PLANS_STORE, keys, serdes.deployments()));

        KStream<String, DeploymentEvent> deployments = builder.stream(DharmaTopicNames.DEPLOYMENTS,
                        Consumed.with(keys, serdes.deployments()).withName("deployments-source"))
                .filter((blueprintId, event) -> event != null, Named.as("deployments-not-null"));
        KStream<String, ResourceObserved> observations = builder.stream(DharmaTopicNames.OBSERVATIONS,
                        Consumed.with(keys, serdes.observations()).withName("observations-source"))
                .filter((blueprintId, event) -> event != null, Named.as("observations-not-null"));

        trackingsBlueprintsAndTenants(builder, deployments, serdes, keys, tracing);
        KStream<String, ObservedResource> observedByDeployment = drift(deployments, observations, serdes, keys, metrics);
        deployments(deployments, observedByDeployment, serdes, keys);
        return builder.build();
    }

    /** Lifecycle events → steps by trackingId → tracking store → views by blueprintId → blueprints → tenants. */
    private static void trackingsBlueprintsAndTenants(StreamsBuilder builder, KStream<String, DeploymentEvent> deployments,
                                                      StreamsSerdes serdes, Serde<String> keys,
                                                      ObservationRegistry tracing) {
        KStream<String, IacEvent> iac = builder.stream(DharmaTopicNames.IAC,
                Consumed.with(keys, serdes.iac()).withName("iac-source"));
        KStream<String, GuardrailsEvaluated> verdicts = builder.stream(DharmaTopicNames.GUARDRAILS,
                Consumed.with(keys, serdes.guardrails()).withName("guardrails-source"));
        KStream<String, CostEstimated> costs = builder.stream(DharmaTopicNames.COSTS,
                Consumed.with(keys, serdes.costs()).withName("costs-source"));
        iac.process(() -> new ResultStoreProcessor<IacEvent>(IAC_STORE, event -> resultKey(event.getEnvelope())),
                Named.as("iac-results"), IAC_STORE);
        verdicts.process(() -> new ResultStoreProcessor<GuardrailsEvaluated>(VERDICTS_STORE,
                event -> resultKey(event.getEnvelope())), Named.as("verdict-results"), VERDICTS_STORE);
        costs.process(() -> new ResultStoreProcessor<CostEstimated>(COSTS_STORE, event -> resultKey(event.getEnvelope())),
                Named.as("cost-results"), COSTS_STORE);
        KStream<String, SpecificRecord> lifecycle = builder.stream(DharmaTopicNames.BLUEPRINTS,
                        Consumed.with(keys, serdes.blueprints()).withName("blueprints-source"))
                .<SpecificRecord>mapValues(event -> event, Named.as("blueprints-as-lifecycle"))
                .merge(iac.mapValues(event -> event, Named.as("iac-as-lifecycle")))
                .merge(verdicts.mapValues(event -> event, Named.as("guardrails-as-lifecycle")))
                .merge(costs.mapValues(event -> event, Named.as("costs-as-lifecycle")))
                .merge(deployments.mapValues(event -> event, Named.as("deployments-as-lifecycle")));

        lifecycle
                .processValues(() -> new RecordSpans<>(tracing), Named.as("lifecycle-spans"))
                .flatMapValues(DharmaTopology::trackingSteps, Named.as("tracking-steps"))
                .selectKey((blueprintId, step) -> step.getTrackingId(), Named.as("steps-keyed-by-tracking"))
                .repartition(Repartitioned.<String, TrackingStep>as(STEPS_BY_TRACKING)
                        .withKeySerde(keys).withValueSerde(serdes.trackingStep()))
                .process(TrackingProcessor::new, Named.as("tracking-processor"), TRACKING_STORE)
                .repartition(Repartitioned.<String, TrackingView>as(TRACKINGS_BY_BLUEPRINT)
                        .withKeySerde(keys).withValueSerde(serdes.trackingView()))
                .process(BlueprintProcessor::new, Named.as("blueprint-processor"), BLUEPRINTS_STORE)
                .repartition(Repartitioned.<String, BlueprintStatusChange>as(STATUS_CHANGES_BY_TENANT)
                        .withKeySerde(keys).withValueSerde(serdes.statusChange()))
                .process(TenantSummaryProcessor::new, Named.as("tenant-summary-processor"), TENANT_SUMMARY_STORE);
    }

    private static List<TrackingStep> trackingSteps(SpecificRecord event) {
        TrackingStep step = event != null ? TrackingFold.stepOf(event) : null;
        return step != null ? List.of(step) : List.of();
    }

    /**
     * Deployments and observations (co-partitioned by blueprintId) → drift store; drift events to
     * {@value DharmaTopicNames#DRIFT}; returns the accepted observations keyed by deploymentId.
     */
    private static KStream<String, ObservedResource> drift(KStream<String, DeploymentEvent> deployments,
                                                           KStream<String, ResourceObserved> observations,
                                                           StreamsSerdes serdes, Serde<String> keys,
                                                           StreamsMetrics metrics) {
        Map<String, KStream<String, SpecificRecord>> outputs = deployments
                .<SpecificRecord>mapValues(event -> event, Named.as("deployments-as-drift-input"))
                .merge(observations.mapValues(event -> event, Named.as("observations-as-drift-input")),
                        Named.as("drift-inputs"))
                .process(() -> new DriftProcessor(metrics), Named.as("drift-processor"), DRIFT_STORE, DRIFT_BY_TENANT_STORE)
                .split(Named.as(DRIFT_OUTPUT))
                .branch((key, value) -> value instanceof DriftEvent, Branched.as("events"))
                .branch((key, value) -> value instanceof ObservedResource, Branched.as("observations"))
                .noDefaultBranch();
        outputs.get(DRIFT_OUTPUT + "events")
                .mapValues(value -> (DriftEvent) value, Named.as("drift-events"))
                .to(DharmaTopicNames.DRIFT, Produced.with(keys, serdes.driftEvents()).withName("drift-sink"));
        return outputs.get(DRIFT_OUTPUT + "observations")
                .mapValues(value -> (ObservedResource) value, Named.as("observed-resources"));
    }

    /** Deployment events and accepted observations, each repartitioned by deploymentId → deployments store. */
    private static void deployments(KStream<String, DeploymentEvent> deployments,
                                    KStream<String, ObservedResource> observedByDeployment,
                                    StreamsSerdes serdes, Serde<String> keys) {
        KStream<String, DeploymentEvent> repartitioned = deployments
                .selectKey((blueprintId, event) -> event.getDeploymentId(), Named.as("deployments-keyed-by-id"))
                .repartition(Repartitioned.<String, DeploymentEvent>as(DEPLOYMENTS_BY_ID)
                        .withKeySerde(keys).withValueSerde(serdes.deployments()));
        repartitioned.process(() -> new ResultStoreProcessor<DeploymentEvent>(PLANS_STORE,
                event -> event.getPayload() instanceof DeploymentPlanned ? event.getDeploymentId() : null),
                Named.as("plan-results"), PLANS_STORE);
        KStream<String, SpecificRecord> byId = repartitioned
                .mapValues(event -> event, Named.as("deployments-as-deployment-input"));
        KStream<String, SpecificRecord> observed = observedByDeployment
                .repartition(Repartitioned.<String, ObservedResource>as(OBSERVATIONS_BY_DEPLOYMENT)
                        .withKeySerde(keys).withValueSerde(serdes.observedResource()))
                .mapValues(observation -> observation, Named.as("observations-as-deployment-input"));
        byId.merge(observed, Named.as("deployment-inputs"))
                .process(DeploymentsProcessor::new, Named.as("deployments-processor"), DEPLOYMENTS_STORE,
                        DEPLOYMENTS_BY_TENANT_STORE);
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<String> keys, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values);
    }
}
