package io.dharma.streams;

import io.dharma.events.DeploymentEvent;
import io.dharma.streams.views.BlueprintStatusChange;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The state topology: materialises the lifecycle topics into queryable key-value stores.
 *
 * <ul>
 *   <li>{@link #TRACKING_STORE}: trackingId → {@code TrackingView}, fed by every lifecycle topic;</li>
 *   <li>{@link #BLUEPRINTS_STORE}: blueprintId → {@code BlueprintView} (latest version, its status,
 *       last deployment), updated with the tracking store;</li>
 *   <li>{@link #DEPLOYMENTS_STORE}: deploymentId → {@code DeploymentView}, fed by
 *       {@value LifecycleTopics#DEPLOYMENTS};</li>
 *   <li>{@link #TENANT_SUMMARY_STORE}: tenantId → {@code TenantSummary} (blueprints by status), fed by
 *       blueprint status changes repartitioned by tenantId.</li>
 * </ul>
 *
 * <p>All inputs are keyed by blueprintId and co-partitioned, and every event of one trackingId or
 * deploymentId carries one blueprintId, so those stores are keyed by their own id without a
 * repartition: all updates of a key happen in one task. (Locating the host of a trackingId or
 * deploymentId for interactive queries therefore needs its blueprintId; see the module README.)
 *
 * <p>Stores are persistent RocksDB stores with changelog topics (the defaults). Run the topology
 * with {@code processing.guarantee=exactly_once_v2}: a store update, its changelog record, the
 * repartition record and the input offset commit are then one transaction. The tracking,
 * blueprints and deployments folds are also idempotent on eventId, so a redelivered event never
 * counts twice; the tenant counts rely on exactly-once for the repartition hop.
 */
public final class DharmaTopology {

    public static final String TRACKING_STORE = "dharma-tracking";
    public static final String BLUEPRINTS_STORE = "dharma-blueprints";
    public static final String DEPLOYMENTS_STORE = "dharma-deployments";
    public static final String TENANT_SUMMARY_STORE = "dharma-tenant-summary";

    private DharmaTopology() {
    }

    public static Topology build(StreamsSerdes serdes) {
        Serde<String> keys = Serdes.String();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(store(TRACKING_STORE, keys, serdes.trackingView()));
        builder.addStateStore(store(BLUEPRINTS_STORE, keys, serdes.blueprintView()));
        builder.addStateStore(store(DEPLOYMENTS_STORE, keys, serdes.deploymentView()));
        builder.addStateStore(store(TENANT_SUMMARY_STORE, keys, serdes.tenantSummary()));

        KStream<String, DeploymentEvent> deployments = builder.stream(LifecycleTopics.DEPLOYMENTS,
                Consumed.with(keys, serdes.deployments()).withName("deployments-source"));
        KStream<String, SpecificRecord> lifecycle = builder.stream(LifecycleTopics.BLUEPRINTS,
                        Consumed.with(keys, serdes.blueprints()).withName("blueprints-source"))
                .<SpecificRecord>mapValues(event -> event, Named.as("blueprints-as-lifecycle"))
                .merge(builder.stream(LifecycleTopics.IAC, Consumed.with(keys, serdes.iac()).withName("iac-source"))
                        .mapValues(event -> event, Named.as("iac-as-lifecycle")))
                .merge(builder.stream(LifecycleTopics.GUARDRAILS,
                                Consumed.with(keys, serdes.guardrails()).withName("guardrails-source"))
                        .mapValues(event -> event, Named.as("guardrails-as-lifecycle")))
                .merge(builder.stream(LifecycleTopics.COSTS, Consumed.with(keys, serdes.costs()).withName("costs-source"))
                        .mapValues(event -> event, Named.as("costs-as-lifecycle")))
                .merge(deployments.mapValues(event -> event, Named.as("deployments-as-lifecycle")));

        lifecycle
                .process(TrackingProcessor::new, Named.as("tracking-processor"), TRACKING_STORE, BLUEPRINTS_STORE)
                .repartition(Repartitioned.<String, BlueprintStatusChange>as("tenant-status-changes")
                        .withKeySerde(keys).withValueSerde(serdes.statusChange()))
                .process(TenantSummaryProcessor::new, Named.as("tenant-summary-processor"), TENANT_SUMMARY_STORE);
        deployments.process(DeploymentsProcessor::new, Named.as("deployments-processor"), DEPLOYMENTS_STORE);
        return builder.build();
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<String> keys, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values);
    }
}
