package io.dharma.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.dharma.serde.AvroSerdeConfig;
import io.dharma.testing.EmbeddedStack;
import io.dharma.topics.DharmaTopicNames;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * Interactive queries find a key's host from the partitions of the topics feeding its store, so
 * each store must be fed only by topics keyed by the store's own key.
 */
class StorePartitioningTest {

    private static final Set<String> INPUTS = Set.of(DharmaTopicNames.BLUEPRINTS, DharmaTopicNames.IAC,
            DharmaTopicNames.GUARDRAILS, DharmaTopicNames.COSTS, DharmaTopicNames.DEPLOYMENTS,
            DharmaTopicNames.OBSERVATIONS);

    @Test
    void eachStoreIsFedByTopicsKeyedByItsOwnKey() {
        TopologyDescription description = DharmaTopology.build(StreamsSerdes.avro(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedStack.get().registryUrl()))).describe();

        Map<String, Set<String>> sourcesByStore = new HashMap<>();
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            Set<String> sources = new TreeSet<>();
            Set<String> stores = new TreeSet<>();
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    sources.addAll(source.topicSet());
                } else if (node instanceof TopologyDescription.Processor processor) {
                    stores.addAll(processor.stores());
                }
            }
            stores.forEach(store -> sourcesByStore.put(store, sources));
        }

        assertThat(sourcesByStore).containsOnly(
                Map.entry(DharmaTopology.TRACKING_STORE, Set.of("lifecycle-by-tracking-repartition")),
                Map.entry(DharmaTopology.BLUEPRINTS_STORE, Set.of("tracking-changes-by-blueprint-repartition")),
                Map.entry(DharmaTopology.TENANT_SUMMARY_STORE, Set.of("tenant-status-changes-repartition")),
                Map.entry(DharmaTopology.DEPLOYMENTS_STORE,
                        Set.of("deployments-by-id-repartition", "observations-by-deployment-repartition")),
                // an index lives in the task of the store it indexes, so it has that store's partitions
                Map.entry(DharmaTopology.DEPLOYMENTS_BY_TENANT_STORE,
                        Set.of("deployments-by-id-repartition", "observations-by-deployment-repartition")),
                Map.entry(DharmaTopology.DRIFT_BY_TENANT_STORE, Set.of(DharmaTopicNames.BLUEPRINTS, DharmaTopicNames.IAC,
                        DharmaTopicNames.GUARDRAILS, DharmaTopicNames.COSTS, DharmaTopicNames.DEPLOYMENTS,
                        DharmaTopicNames.OBSERVATIONS)),
                // the input sub-topology (shared with the lifecycle steps): every topic keyed by blueprintId
                Map.entry(DharmaTopology.DRIFT_STORE, INPUTS),
                // results keyed blueprintId/version in the partition of their blueprintId (ADR 0025)
                Map.entry(DharmaTopology.IAC_STORE, INPUTS),
                Map.entry(DharmaTopology.COSTS_STORE, INPUTS),
                Map.entry(DharmaTopology.VERDICTS_STORE, INPUTS),
                Map.entry(DharmaTopology.PLANS_STORE,
                        Set.of("deployments-by-id-repartition", "observations-by-deployment-repartition")));
    }
}
