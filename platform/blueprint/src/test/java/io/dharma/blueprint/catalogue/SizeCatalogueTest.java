package io.dharma.blueprint.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dharma.blueprint.Cloud;
import org.junit.jupiter.api.Test;

class SizeCatalogueTest {

    private final SizeCatalogue sizes = SizeCatalogue.v1();

    @Test
    void everySizedTypeHasAnSkuForEverySizeOnEveryCloud() {
        for (String type : ResourceCatalogue.v1().typeNames()) {
            if (sizes.familyOf(type).isEmpty()) {
                continue;
            }
            for (String size : SizeCatalogue.SIZES) {
                for (Cloud cloud : Cloud.values()) {
                    assertThat(sizes.sizeFor(type, size, cloud).sku()).as("%s %s on %s", type, size, cloud).isNotBlank();
                }
            }
        }
    }

    @Test
    void typesWithASizePropertyAreSized() {
        assertThat(sizes.familyOf("compute.instance")).contains("compute");
        assertThat(sizes.familyOf("kubernetes.cluster")).contains("compute");
        assertThat(sizes.familyOf("database.postgres")).contains("database");
        assertThat(sizes.familyOf("database.mysql")).contains("database");
        assertThat(sizes.familyOf("cache.redis")).contains("cache");
        assertThat(sizes.familyOf("network")).isEmpty();
    }

    @Test
    void mapsNeutralSizesToProviderNames() {
        assertThat(sizes.sizeFor("compute.instance", "medium", Cloud.AWS).sku()).isEqualTo("t3.medium");
        assertThat(sizes.sizeFor("database.postgres", "small", Cloud.AZURE).sku()).isEqualTo("B_Standard_B1ms");
        assertThat(sizes.sizeFor("cache.redis", "large", Cloud.GCP).sku()).isEqualTo("STANDARD_HA_6GB");
    }

    @Test
    void unknownSizeIsAClearError() {
        assertThatThrownBy(() -> sizes.sizeFor("compute.instance", "huge", Cloud.AWS))
                .hasMessageContaining("unknown size 'huge'");
        assertThatThrownBy(() -> sizes.sizeFor("network", "small", Cloud.AWS))
                .hasMessageContaining("has no sizes");
    }
}
