package io.dharma.guardrails.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyParametersTest {

    private static final PolicyParameters DEFAULTS = PolicyLibrary.defaultParameters();

    @Test
    void theShippedDefaults() {
        assertThat(DEFAULTS.requiredTags()).containsExactly("owner", "cost-center");
        assertThat(DEFAULTS.restrictedIngressPorts()).containsExactly(22, 3389, 5432, 3306, 1433, 6379, 27017);
        assertThat(DEFAULTS.maxSize()).containsEntry("dev", "medium").containsEntry("staging", "large").containsEntry("prod", "xlarge");
        assertThat(DEFAULTS.allowedRegions()).containsOnlyKeys("aws", "azure", "gcp");
        assertThat(DEFAULTS.kubernetesEndOfLife()).containsEntry("1.30", LocalDate.parse("2025-06-28"));
        assertThat(DEFAULTS.oldestTrackedKubernetesVersion()).isEqualTo("1.24");
        assertThat(DEFAULTS.kubernetesEndOfLifeWarning()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void aRegionThatDoesNotExistStopsStartUp() {
        assertThatThrownBy(() -> withRegions(Map.of("aws", List.of("us-east-1", "eu-wset-1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'eu-wset-1' is not a aws region");
        assertThatThrownBy(() -> withRegions(Map.of("ibm", List.of("us-south"))))
                .hasMessageContaining("unknown cloud 'ibm'");
    }

    @Test
    void everyEnvironmentNeedsAKnownMaximumSize() {
        assertThatThrownBy(() -> new PolicyParameters(DEFAULTS.requiredTags(), DEFAULTS.restrictedIngressPorts(),
                DEFAULTS.allowedRegions(), Map.of("dev", "small", "staging", "huge", "prod", "xlarge"),
                DEFAULTS.kubernetesEndOfLife(), DEFAULTS.kubernetesEndOfLifeWarning()))
                .hasMessageContaining("max size of staging: 'huge' is not one of [small, medium, large, xlarge]");
        assertThatThrownBy(() -> new PolicyParameters(DEFAULTS.requiredTags(), DEFAULTS.restrictedIngressPorts(),
                DEFAULTS.allowedRegions(), Map.of("dev", "small"),
                DEFAULTS.kubernetesEndOfLife(), DEFAULTS.kubernetesEndOfLifeWarning()))
                .hasMessageContaining("no entry for environment 'staging'");
    }

    @Test
    void portsAndVersionsAreChecked() {
        assertThatThrownBy(() -> new PolicyParameters(List.of(), List.of(22, 70000), DEFAULTS.allowedRegions(),
                DEFAULTS.maxSize(), DEFAULTS.kubernetesEndOfLife(), Duration.ZERO))
                .hasMessageContaining("restricted ingress port 70000 is not a port");
        assertThatThrownBy(() -> new PolicyParameters(List.of(), List.of(), DEFAULTS.allowedRegions(),
                DEFAULTS.maxSize(), Map.of("1.3", LocalDate.now()), Duration.ZERO))
                .hasMessageContaining("'1.3' is not a minor version");
    }

    @Test
    void theTextFormIsTheSameWhateverTheOrderTheValuesCameIn() {
        Map<String, String> sizes = new java.util.LinkedHashMap<>();
        sizes.put("prod", "xlarge");
        sizes.put("dev", "medium");
        sizes.put("staging", "large");
        Map<String, List<String>> regions = new java.util.LinkedHashMap<>();
        new java.util.ArrayDeque<>(DEFAULTS.allowedRegions().keySet()).descendingIterator()
                .forEachRemaining(cloud -> regions.put(cloud, DEFAULTS.allowedRegions().get(cloud)));

        PolicyParameters reordered = new PolicyParameters(DEFAULTS.requiredTags(), DEFAULTS.restrictedIngressPorts(),
                regions, sizes, DEFAULTS.kubernetesEndOfLife(), DEFAULTS.kubernetesEndOfLifeWarning());

        // part of every verdict's policySetVersion, which must not depend on the JVM or the source order
        assertThat(reordered.toString()).isEqualTo(DEFAULTS.toString());
    }

    private static PolicyParameters withRegions(Map<String, List<String>> regions) {
        return new PolicyParameters(DEFAULTS.requiredTags(), DEFAULTS.restrictedIngressPorts(), regions,
                DEFAULTS.maxSize(), DEFAULTS.kubernetesEndOfLife(), DEFAULTS.kubernetesEndOfLifeWarning());
    }
}
