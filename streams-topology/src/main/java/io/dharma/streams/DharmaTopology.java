package io.dharma.streams;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The state topology: materialises the lifecycle topics into queryable key-value stores.
 *
 * <ul>
 *   <li>{@link #TRACKING_STORE}: trackingId → {@code TrackingView}, fed by every lifecycle topic;</li>
 *   <li>{@link #DEPLOYMENTS_STORE}: deploymentId → {@code DeploymentView}, fed by
 *       {@value LifecycleTopics#DEPLOYMENTS}.</li>
 * </ul>
 *
 * <p>All inputs are keyed by blueprintId and co-partitioned, and every event of one trackingId or
 * deploymentId carries one blueprintId, so each store can be keyed by its own id without a
 * repartition: all updates of a key happen in one task. (Locating the host of a trackingId for
 * interactive queries therefore needs its blueprintId; see the module README.)
 *
 * <p>Stores are persistent RocksDB stores with changelog topics (the defaults). Run the topology
 * with {@code processing.guarantee=exactly_once_v2} so that a store update, its changelog record
 * and the input offset commit are one transaction; the updates are additionally idempotent on
 * eventId, so a redelivered event never counts twice even under at-least-once.
 */
public final class DharmaTopology {

    public static final String TRACKING_STORE = "dharma-tracking";
    public static final String DEPLOYMENTS_STORE = "dharma-deployments";

    private static final String TRACKING_PROCESSOR = "tracking-processor";
    private static final String DEPLOYMENTS_PROCESSOR = "deployments-processor";

    private DharmaTopology() {
    }

    public static Topology build(StreamsSerdes serdes) {
        Serde<String> keys = Serdes.String();
        Topology topology = new Topology();
        topology.addSource("blueprints-source", keys.deserializer(), serdes.blueprints().deserializer(),
                LifecycleTopics.BLUEPRINTS);
        topology.addSource("iac-source", keys.deserializer(), serdes.iac().deserializer(), LifecycleTopics.IAC);
        topology.addSource("guardrails-source", keys.deserializer(), serdes.guardrails().deserializer(),
                LifecycleTopics.GUARDRAILS);
        topology.addSource("costs-source", keys.deserializer(), serdes.costs().deserializer(),
                LifecycleTopics.COSTS);
        topology.addSource("deployments-source", keys.deserializer(), serdes.deployments().deserializer(),
                LifecycleTopics.DEPLOYMENTS);

        topology.addProcessor(TRACKING_PROCESSOR, TrackingProcessor::new,
                "blueprints-source", "iac-source", "guardrails-source", "costs-source", "deployments-source");
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TRACKING_STORE), keys, serdes.trackingView()), TRACKING_PROCESSOR);

        topology.addProcessor(DEPLOYMENTS_PROCESSOR, DeploymentsProcessor::new, "deployments-source");
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DEPLOYMENTS_STORE), keys, serdes.deploymentView()),
                DEPLOYMENTS_PROCESSOR);
        return topology;
    }
}
