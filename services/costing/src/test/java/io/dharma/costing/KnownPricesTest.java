package io.dharma.costing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.Cloud;
import io.dharma.costing.catalogue.PriceCatalogue;
import io.dharma.costing.catalogue.PriceTable;
import io.dharma.costing.estimate.CloudEstimate;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Published list prices the catalogue must reproduce exactly, looked up directly and through an estimate. */
class KnownPricesTest {

    private final PriceCatalogue catalogue = PriceCatalogue.current();

    @Test
    void catalogueRecordsVersionDateAndCurrency() {
        assertThat(catalogue.version()).isEqualTo("2026-11");
        assertThat(catalogue.asOf()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(catalogue.currency()).isEqualTo("USD");
        assertThat(catalogue.hoursPerMonth()).isEqualByComparingTo("730");
        for (Cloud cloud : Cloud.values()) {
            assertThat(catalogue.cloud(cloud).sources()).as("sources of %s", cloud).isNotEmpty()
                    .allSatisfy(source -> assertThat(source).startsWith("https://"));
        }
    }

    @Test
    void awsT3MediumLinuxOnDemandInUsEast1() {
        assertThat(price(Cloud.AWS, "us-east-1", PriceTable.COMPUTE, "t3.medium")).isEqualByComparingTo("0.0416");
        // through the estimator: medium instance, one month
        CloudEstimate estimate = CostEstimator.standard().estimate(Blueprints.of("aws", "us-east-1", null, """
                - name: vm
                  type: compute.instance
                  properties: { size: medium, image: ubuntu-24.04, subnet: sub }
                """)).target();
        var compute = estimate.lineItems().stream()
                .filter(line -> line.pricing().orElseThrow().sku().equals("t3.medium")).findFirst().orElseThrow()
                .pricing().orElseThrow();
        assertThat(compute.unitPrice()).isEqualByComparingTo("0.0416");
        assertThat(compute.quantity()).isEqualByComparingTo("730");
        assertThat(compute.monthly()).isEqualTo(new BigDecimal("30.3680"));
    }

    @Test
    void azureStandardB2sLinuxPayAsYouGoInEastUs() {
        assertThat(price(Cloud.AZURE, "eastus", PriceTable.COMPUTE, "Standard_B2s")).isEqualByComparingTo("0.0416");
        assertThat(price(Cloud.AZURE, "eastus", PriceTable.COMPUTE, "Standard_D4s_v5")).isEqualByComparingTo("0.192");
    }

    @Test
    void gcpE2MediumOnDemandInUsCentral1() {
        assertThat(price(Cloud.GCP, "us-central1", PriceTable.COMPUTE, "e2-medium")).isEqualByComparingTo("0.033503");
        assertThat(price(Cloud.GCP, "us-central1", PriceTable.COMPUTE, "n2-standard-4")).isEqualByComparingTo("0.194236");
    }

    @Test
    void pricesDifferByRegionWhereTheProviderChargesMore() {
        assertThat(price(Cloud.AWS, "eu-central-1", PriceTable.COMPUTE, "t3.medium")).isEqualByComparingTo("0.048");
        assertThat(price(Cloud.AWS, "eu-west-1", PriceTable.COMPUTE, "t3.medium")).isEqualByComparingTo("0.0456");
        assertThat(price(Cloud.AWS, "us-west-2", PriceTable.COMPUTE, "t3.medium")).isEqualByComparingTo("0.0416");
    }

    private BigDecimal price(Cloud cloud, String region, PriceTable table, String sku) {
        return catalogue.region(cloud, region).orElseThrow().price(table, sku).orElseThrow();
    }
}
