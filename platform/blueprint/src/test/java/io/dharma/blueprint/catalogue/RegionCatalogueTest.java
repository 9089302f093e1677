package io.dharma.blueprint.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.Cloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RegionCatalogueTest {

    private final RegionCatalogue regions = RegionCatalogue.v1();

    @ParameterizedTest
    @EnumSource(Cloud.class)
    void everyCloudHasAtLeastFiveNamedRegions(Cloud cloud) {
        assertThat(regions.regions(cloud)).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(region -> assertThat(region.name()).isNotBlank())
                .extracting(Region::id).doesNotHaveDuplicates();
    }

    @Test
    void containsTheMainRegionsOfEachCloud() {
        assertThat(regions.regionIds(Cloud.AWS))
                .contains("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1");
        assertThat(regions.regionIds(Cloud.AZURE))
                .contains("eastus", "westus2", "westeurope", "northeurope", "southeastasia");
        assertThat(regions.regionIds(Cloud.GCP))
                .contains("us-central1", "us-east1", "europe-west1", "europe-west4", "asia-southeast1");
    }

    @Test
    void aRegionBelongsToOneCloud() {
        assertThat(regions.contains(Cloud.AWS, "eu-west-1")).isTrue();
        assertThat(regions.contains(Cloud.GCP, "eu-west-1")).isFalse();
        assertThat(regions.contains(Cloud.AZURE, "westeurope")).isTrue();
        assertThat(regions.contains(Cloud.AWS, "EU-WEST-1")).isFalse();
    }
}
