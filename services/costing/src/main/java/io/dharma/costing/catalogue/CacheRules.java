package io.dharma.costing.catalogue;

import java.util.Map;

/**
 * How a cloud bills Redis replicas.
 *
 * @param replicaTiers     SKU to use instead when the cache has replicas (a tier without replicas
 *                         cannot have any, e.g. Memorystore BASIC -> STANDARD_HA)
 * @param includedReplicas replicas the SKU's price already includes; 0 means every node
 *                         (primary and each replica) is billed at the SKU price
 * @param maxReplicas      the most replicas the catalogue can price
 */
public record CacheRules(Map<String, String> replicaTiers, int includedReplicas, int maxReplicas) {

    public CacheRules {
        replicaTiers = Map.copyOf(replicaTiers);
    }
}
