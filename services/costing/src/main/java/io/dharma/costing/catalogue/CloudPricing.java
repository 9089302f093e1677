package io.dharma.costing.catalogue;

import io.dharma.blueprint.Cloud;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One cloud's part of the price catalogue: where the prices come from, the rules that turn a
 * neutral resource into that cloud's billable SKUs, and the prices per region.
 *
 * @param diskSkus               disk type ("ssd", "standard") to the SKU billed per GB-month
 * @param diskTiers              disk type to size tiers, for a cloud that bills disks per tier
 *                               (then the DISK table is keyed by tier SKU and billed per disk-month)
 * @param databaseStorageSizesGb provisioning steps of managed database storage (requested size
 *                               rounds up to the next one); empty = any size
 * @param free                   catalogue types that cost nothing on this cloud, to the provider
 *                               resource they become
 */
public record CloudPricing(
        Cloud cloud,
        List<String> sources,
        Map<String, String> diskSkus,
        Map<String, List<DiskTier>> diskTiers,
        String publicIpSku,
        String databaseStorageSku,
        List<Integer> databaseStorageSizesGb,
        String kubernetesControlPlaneSku,
        NodeDisk kubernetesNodeDisk,
        Map<String, LoadBalancerOffer> loadBalancers,
        PublicLoadBalancerIps publicLoadBalancerIps,
        String bucketSku,
        CacheRules cache,
        Map<String, String> free,
        Map<String, RegionPrices> regions) {

    public CloudPricing {
        sources = List.copyOf(sources);
        diskSkus = Map.copyOf(diskSkus);
        diskTiers = Map.copyOf(diskTiers);
        databaseStorageSizesGb = List.copyOf(databaseStorageSizesGb);
        loadBalancers = Map.copyOf(loadBalancers);
        free = Map.copyOf(free);
        regions = Collections.unmodifiableSortedMap(new TreeMap<>(regions));
    }

    public Optional<RegionPrices> region(String region) {
        return Optional.ofNullable(regions.get(region));
    }
}
