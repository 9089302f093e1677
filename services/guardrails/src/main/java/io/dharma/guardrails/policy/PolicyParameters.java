package io.dharma.guardrails.policy;

import io.dharma.blueprint.Cloud;
import io.dharma.blueprint.Environment;
import io.dharma.blueprint.catalogue.RegionCatalogue;
import io.dharma.blueprint.catalogue.SizeCatalogue;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Platform-wide settings the built-in policies read as {@code params} (as Kubernetes admission
 * policies read their parameter resource): the values an operator tunes without touching a
 * policy. Defaults ship in {@code policies/parameters.yaml} and {@code policies/kubernetes-end-of-life.yaml};
 * {@code dharma.guardrails.parameters.*} overrides them. Checked on construction, so a typo in
 * configuration stops the service at start-up instead of silently weakening a policy.
 *
 * @param requiredTags blueprint tags that must be present and non-empty
 * @param restrictedIngressPorts ports that must never be reachable from the whole internet
 * @param allowedRegions per cloud id, the regions blueprints may deploy to
 * @param maxSize per environment id, the largest neutral size a resource may have
 * @param kubernetesEndOfLife per Kubernetes minor version ("1.30"), the day it reaches end of life
 * @param kubernetesEndOfLifeWarning how long before end of life a version draws a warning
 */
public record PolicyParameters(
        List<String> requiredTags,
        List<Integer> restrictedIngressPorts,
        Map<String, List<String>> allowedRegions,
        Map<String, String> maxSize,
        Map<String, LocalDate> kubernetesEndOfLife,
        Duration kubernetesEndOfLifeWarning) {

    private static final Pattern KUBERNETES_MINOR = Pattern.compile("^1\\.[0-9]{2}$");

    public PolicyParameters {
        requiredTags = List.copyOf(requiredTags);
        restrictedIngressPorts = List.copyOf(restrictedIngressPorts);
        // sorted, so that toString() (part of the policy set version) is the same in every JVM
        allowedRegions = copyOfRegions(allowedRegions);
        maxSize = Collections.unmodifiableSortedMap(new TreeMap<>(maxSize));
        kubernetesEndOfLife = Collections.unmodifiableSortedMap(new TreeMap<>(kubernetesEndOfLife));
        Objects.requireNonNull(kubernetesEndOfLifeWarning, "kubernetesEndOfLifeWarning");
        validate(restrictedIngressPorts, allowedRegions, maxSize, kubernetesEndOfLife);
    }

    /** The oldest version in the end-of-life table; anything older is past end of life too. */
    public String oldestTrackedKubernetesVersion() {
        return new TreeMap<>(kubernetesEndOfLife).firstKey();
    }

    private static Map<String, List<String>> copyOfRegions(Map<String, List<String>> regions) {
        TreeMap<String, List<String>> copy = new TreeMap<>();
        regions.forEach((cloud, ids) -> copy.put(cloud, List.copyOf(ids)));
        return Collections.unmodifiableSortedMap(copy);
    }

    private static void validate(List<Integer> ports, Map<String, List<String>> regions,
            Map<String, String> maxSize, Map<String, LocalDate> endOfLife) {
        ports.forEach(port -> require(port >= 1 && port <= 65535, "restricted ingress port " + port + " is not a port"));
        regions.forEach((cloudId, ids) -> {
            Cloud cloud = Cloud.fromId(cloudId).orElseThrow(() ->
                    new IllegalArgumentException("allowed regions: unknown cloud '" + cloudId + "'"));
            ids.forEach(id -> require(RegionCatalogue.v1().contains(cloud, id),
                    "allowed regions: '" + id + "' is not a " + cloudId + " region"));
        });
        for (Environment environment : Environment.values()) {
            String size = maxSize.get(environment.id());
            require(size != null, "max size: no entry for environment '" + environment.id() + "'");
            require(SizeCatalogue.SIZES.contains(size),
                    "max size of " + environment.id() + ": '" + size + "' is not one of " + SizeCatalogue.SIZES);
        }
        require(!endOfLife.isEmpty(), "the Kubernetes end-of-life table is empty");
        endOfLife.keySet().forEach(version -> require(KUBERNETES_MINOR.matcher(version).matches(),
                "Kubernetes end of life: '" + version + "' is not a minor version such as 1.30"));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("invalid guardrail parameters: " + message);
        }
    }
}
