package io.dharma.costing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dharma.blueprint.Cloud;
import io.dharma.costing.estimate.CloudEstimate;
import io.dharma.costing.estimate.CostEstimate;
import io.dharma.costing.estimate.LineItem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the catalogue cannot price is reported line by line with the reason, never as zero. */
class UnpricedTest {

    private final CostEstimator estimator = CostEstimator.standard();

    @Test
    void regionMissingFromTheCatalogueLeavesEveryChargeableLineUnpriced() {
        // ap-south-1 is a valid blueprint region that catalogue 2026-11 does not price
        CostEstimate estimate = estimator.estimate(Blueprints.of("aws", "ap-south-1", "100", """
                - name: vm
                  type: compute.instance
                  properties: { size: small, image: debian-12, subnet: sub }
                - name: files
                  type: storage.bucket
                """));

        CloudEstimate target = estimate.target();
        assertThat(target.unpricedCount()).isEqualTo(3); // compute, disk, bucket
        assertThat(unpriced(target)).extracting(LineItem::resourceName).containsExactly("vm", "vm", "files");
        assertThat(unpriced(target)).extracting(line -> line.unpricedReason().orElseThrow())
                .allSatisfy(reason -> assertThat(reason).contains("has no prices for aws region ap-south-1"))
                .first().asString().startsWith("compute t3.small");
        // the network and subnet are free everywhere and still shown as such
        assertThat(target.lineItems()).filteredOn(LineItem::isPriced).extracting(LineItem::resourceName)
                .containsExactly("net", "sub");
        assertThat(estimate.totalMonthly()).isEqualTo(new BigDecimal("0.0000"));
    }

    @Test
    void comparisonInAnUnpricedEquivalentRegionCountsItsUnpricedLines() {
        // ap-south-1 maps to azure centralindia and gcp asia-south1, neither priced in 2026-11
        CostEstimate estimate = estimator.estimate(Blueprints.of("aws", "ap-south-1", null, """
                - name: vm
                  type: compute.instance
                  properties: { size: small, image: debian-12, subnet: sub }
                """));

        assertThat(estimate.comparisons()).extracting(CloudEstimate::cloud, CloudEstimate::region, CloudEstimate::unpricedCount)
                .containsExactly(
                        tuple(Cloud.AZURE, Optional.of("centralindia"), 2),
                        tuple(Cloud.GCP, Optional.of("asia-south1"), 2));
    }

    @Test
    void licensedImageLeavesOnlyTheComputeLineUnpriced() {
        CloudEstimate target = estimator.estimate(Blueprints.of("aws", "us-east-1", null, """
                - name: win
                  type: compute.instance
                  properties: { size: medium, count: 2, image: windows-2022, subnet: sub }
                """)).target();

        assertThat(unpriced(target)).singleElement().satisfies(line -> assertThat(line.unpricedReason().orElseThrow())
                .isEqualTo("compute t3.medium: image windows-2022 needs an operating-system licence; "
                        + "the price catalogue has Linux prices only"));
        // the two 30 GB disks are still priced: 60 GB x 0.08
        assertThat(target.totalMonthly()).isEqualTo(new BigDecimal("4.8000"));
        assertThat(target.unpricedCount()).isEqualTo(1);
    }

    @Test
    void azureDiskLargerThanTheLargestTierIsUnpriced() {
        CloudEstimate target = estimator.estimate(Blueprints.of("azure", "eastus", null, """
                - name: big
                  type: compute.instance
                  properties: { size: small, image: ubuntu-24.04, subnet: sub, disk: { sizeGb: 8000 } }
                """)).target();

        assertThat(unpriced(target)).singleElement().satisfies(line -> assertThat(line.unpricedReason().orElseThrow())
                .isEqualTo("disk: a ssd disk of 8000 GB is larger than the largest azure disk tier priced (4096 GB)"));
        // the VM itself: Standard_B2s 0.0416 x 730
        assertThat(target.totalMonthly()).isEqualTo(new BigDecimal("30.3680"));
    }

    @Test
    void moreRedisReplicasThanTheAzureTierHasAreUnpriced() {
        CloudEstimate target = estimator.estimate(Blueprints.of("azure", "eastus", null, """
                - name: cache
                  type: cache.redis
                  properties: { size: small, replicas: 2, subnet: sub }
                """)).target();

        assertThat(unpriced(target)).singleElement().satisfies(line -> assertThat(line.unpricedReason().orElseThrow())
                .isEqualTo("cache Standard_C1: 2 replicas; price catalogue can price at most 1 on azure"));
        assertThat(target.totalMonthly()).isEqualTo(new BigDecimal("0.0000"));
    }

    private static List<LineItem> unpriced(CloudEstimate estimate) {
        return estimate.lineItems().stream().filter(line -> !line.isPriced()).toList();
    }
}
