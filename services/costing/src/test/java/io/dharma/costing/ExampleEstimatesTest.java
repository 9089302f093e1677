package io.dharma.costing;

import static io.dharma.costing.ExpectedLine.free;
import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.Cloud;
import io.dharma.costing.estimate.BudgetStatus;
import io.dharma.costing.estimate.CloudEstimate;
import io.dharma.costing.estimate.CostEstimate;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every example blueprint priced by the estimator equals its line items worked out by hand from
 * the price catalogue 2026-11 (unit price x quantity, rounded half-even to 4 decimals), and its
 * total equals both the sum of those lines and the total added up by hand.
 */
class ExampleEstimatesTest {

    private final CostEstimator estimator = CostEstimator.standard();

    @Test
    void awsWebAppInEuWest1() {
        List<ExpectedLine> expected = List.of(
                free("main", "network", "vpc"),
                free("public-a", "subnet", "vpc-subnet"),
                free("public-b", "subnet", "vpc-subnet"),
                free("private-a", "subnet", "vpc-subnet"),
                free("web-fw", "firewall", "security-group"),
                free("app-fw", "firewall", "security-group"),
                // 2 x t3.small all month; 2 x 30 GB gp3
                new ExpectedLine("web", "compute.instance", "t3.small", "0.0228", "hour", "1460", "33.2880"),
                new ExpectedLine("web", "compute.instance", "gp3", "0.088", "GB-month", "60", "5.2800"),
                // one ALB; public, so one IPv4 per subnet (2)
                new ExpectedLine("web-lb", "loadbalancer", "alb", "0.0252", "hour", "730", "18.3960"),
                new ExpectedLine("web-lb", "loadbalancer", "public-ipv4", "0.005", "hour", "1460", "7.3000"),
                new ExpectedLine("db", "database.postgres", "db.t3.small", "0.038", "hour", "730", "27.7400"),
                new ExpectedLine("db", "database.postgres", "rds-gp3", "0.127", "GB-month", "50", "6.3500"),
                new ExpectedLine("cache", "cache.redis", "cache.t3.small", "0.036", "hour", "730", "26.2800"),
                // assumed 100 GB stored
                new ExpectedLine("uploads", "storage.bucket", "s3-standard", "0.023", "GB-month", "100", "2.3000"),
                free("www", "dns.record", "route53-record"));

        CostEstimate estimate = estimator.estimate(Blueprints.example("aws-web-app.yaml"));

        assertEstimate(estimate.target(), expected, "126.9340");
        assertThat(estimate.budgetStatus()).isEqualTo(BudgetStatus.WITHIN);
        assertThat(estimate.budget()).contains(new BigDecimal("600.0000"));
    }

    @Test
    void awsProdApiInUsEast1WithHighlyAvailableDatabase() {
        List<ExpectedLine> expected = List.of(
                free("vpc", "network", "vpc"),
                free("edge-a", "subnet", "vpc-subnet"),
                free("edge-b", "subnet", "vpc-subnet"),
                free("app-a", "subnet", "vpc-subnet"),
                free("app-b", "subnet", "vpc-subnet"),
                free("lb-fw", "firewall", "security-group"),
                free("app-fw", "firewall", "security-group"),
                new ExpectedLine("api-a", "compute.instance", "m6i.xlarge", "0.192", "hour", "1460", "280.3200"),
                new ExpectedLine("api-a", "compute.instance", "gp3", "0.08", "GB-month", "100", "8.0000"),
                new ExpectedLine("api-b", "compute.instance", "m6i.xlarge", "0.192", "hour", "1460", "280.3200"),
                new ExpectedLine("api-b", "compute.instance", "gp3", "0.08", "GB-month", "100", "8.0000"),
                new ExpectedLine("api-lb", "loadbalancer", "alb", "0.0225", "hour", "730", "16.4250"),
                new ExpectedLine("api-lb", "loadbalancer", "public-ipv4", "0.005", "hour", "1460", "7.3000"),
                // Multi-AZ: primary + standby, each with its 500 GB
                new ExpectedLine("orders-db", "database.postgres", "db.m6i.2xlarge", "0.712", "hour", "1460", "1039.5200"),
                new ExpectedLine("orders-db", "database.postgres", "rds-gp3", "0.115", "GB-month", "1000", "115.0000"),
                free("api-dns", "dns.record", "route53-record"));

        CostEstimate estimate = estimator.estimate(Blueprints.example("aws-prod-api.yaml"));

        assertEstimate(estimate.target(), expected, "1754.8850");
        assertThat(estimate.budgetStatus()).isEqualTo(BudgetStatus.WITHIN);
    }

    @Test
    void azureDataPlatformInWestEurope() {
        List<ExpectedLine> expected = List.of(
                free("data-net", "network", "virtual-network"),
                free("workers", "subnet", "virtual-network-subnet"),
                free("databases", "subnet", "virtual-network-subnet"),
                free("data-fw", "firewall", "network-security-group"),
                new ExpectedLine("ingest", "compute.instance", "Standard_B2ms", "0.0912", "hour", "2190", "199.7280"),
                // 100 GB Premium SSD bills as the P10 tier (128 GB), one per VM
                new ExpectedLine("ingest", "compute.instance", "Premium_LRS/P10", "21.68", "disk-month", "3", "65.0400"),
                // zone-redundant HA: two servers; 500 GB provisions as 512 GB, twice
                new ExpectedLine("warehouse", "database.postgres", "GP_Standard_D4s_v3", "0.392", "hour", "1460", "572.3200"),
                new ExpectedLine("warehouse", "database.postgres", "flexible-server-storage", "0.127", "GB-month", "1024", "130.0480"),
                new ExpectedLine("metadata-store", "database.mysql", "B_Standard_B1ms", "0.0187", "hour", "730", "13.6510"),
                // 50 GB provisions as 64 GB
                new ExpectedLine("metadata-store", "database.mysql", "flexible-server-storage", "0.127", "GB-month", "64", "8.1280"),
                new ExpectedLine("landing", "storage.bucket", "blob-hot-lrs", "0.0196", "GB-month", "100", "1.9600"),
                new ExpectedLine("curated", "storage.bucket", "blob-hot-lrs", "0.0196", "GB-month", "100", "1.9600"));

        CostEstimate estimate = estimator.estimate(Blueprints.example("azure-data-platform.yaml"));

        assertEstimate(estimate.target(), expected, "992.8350");
        assertThat(estimate.budgetStatus()).isEqualTo(BudgetStatus.WITHIN);
    }

    @Test
    void gcpKubernetesServiceInEuropeWest4() {
        List<ExpectedLine> expected = List.of(
                free("vpc", "network", "vpc-network"),
                free("nodes", "subnet", "vpc-subnetwork"),
                new ExpectedLine("gke", "kubernetes.cluster", "gke-cluster-management", "0.1", "hour", "730", "73.0000"),
                // 3 nodes; 0.213832 x 2190 = 468.29208, rounded half-even
                new ExpectedLine("gke", "kubernetes.cluster", "n2-standard-4", "0.213832", "hour", "2190", "468.2921"),
                // GKE's default 100 GB pd-balanced boot disk per node
                new ExpectedLine("gke", "kubernetes.cluster", "pd-balanced", "0.11", "GB-month", "300", "33.0000"),
                // a replica needs the STANDARD_HA tier of the same capacity
                new ExpectedLine("sessions", "cache.redis", "STANDARD_HA_3GB", "0.21", "hour", "730", "153.3000"),
                new ExpectedLine("artifacts", "storage.bucket", "gcs-standard", "0.02", "GB-month", "100", "2.0000"),
                free("api", "dns.record", "cloud-dns-record"));

        CostEstimate estimate = estimator.estimate(Blueprints.example("gcp-kubernetes-service.yaml"));

        assertEstimate(estimate.target(), expected, "729.5921");
        assertThat(estimate.budgetStatus()).isEqualTo(BudgetStatus.WITHIN);
    }

    @Test
    void insecureDemoWithoutBudget() {
        List<ExpectedLine> expected = List.of(
                free("demo-net", "network", "vpc"),
                free("demo-public", "subnet", "vpc-subnet"),
                free("wide-open", "firewall", "security-group"),
                new ExpectedLine("jumpbox", "compute.instance", "m6i.2xlarge", "0.384", "hour", "730", "280.3200"),
                // default disk: 30 GB ssd
                new ExpectedLine("jumpbox", "compute.instance", "gp3", "0.08", "GB-month", "30", "2.4000"),
                new ExpectedLine("jumpbox", "compute.instance", "public-ipv4", "0.005", "hour", "730", "3.6500"),
                // default storage: 20 GB
                new ExpectedLine("legacy-db", "database.postgres", "db.t3.medium", "0.072", "hour", "730", "52.5600"),
                new ExpectedLine("legacy-db", "database.postgres", "rds-gp3", "0.115", "GB-month", "20", "2.3000"),
                new ExpectedLine("public-files", "storage.bucket", "s3-standard", "0.023", "GB-month", "100", "2.3000"));

        CostEstimate estimate = estimator.estimate(Blueprints.example("insecure-demo.yaml"));

        assertEstimate(estimate.target(), expected, "343.5300");
        assertThat(estimate.budgetStatus()).isEqualTo(BudgetStatus.NO_BUDGET);
        assertThat(estimate.budget()).isEmpty();
    }

    @Test
    void awsWebAppComparedOnAzureNorthEuropeAndGcpEuropeWest1() {
        List<ExpectedLine> azure = List.of(
                free("main", "network", "virtual-network"),
                free("public-a", "subnet", "virtual-network-subnet"),
                free("public-b", "subnet", "virtual-network-subnet"),
                free("private-a", "subnet", "virtual-network-subnet"),
                free("web-fw", "firewall", "network-security-group"),
                free("app-fw", "firewall", "network-security-group"),
                new ExpectedLine("web", "compute.instance", "Standard_B2s", "0.0448", "hour", "1460", "65.4080"),
                new ExpectedLine("web", "compute.instance", "Premium_LRS/P4", "5.54", "disk-month", "2", "11.0800"),
                new ExpectedLine("web-lb", "loadbalancer", "application-gateway-standard-v2", "0.256", "hour", "730", "186.8800"),
                new ExpectedLine("web-lb", "loadbalancer", "public-ip-standard", "0.005", "hour", "730", "3.6500"),
                new ExpectedLine("db", "database.postgres", "B_Standard_B1ms", "0.0179", "hour", "730", "13.0670"),
                new ExpectedLine("db", "database.postgres", "flexible-server-storage", "0.121", "GB-month", "64", "7.7440"),
                new ExpectedLine("cache", "cache.redis", "Standard_C1", "0.145", "hour", "730", "105.8500"),
                new ExpectedLine("uploads", "storage.bucket", "blob-hot-lrs", "0.0189", "GB-month", "100", "1.8900"),
                free("www", "dns.record", "dns-record"));
        List<ExpectedLine> gcp = List.of(
                free("main", "network", "vpc-network"),
                free("public-a", "subnet", "vpc-subnetwork"),
                free("public-b", "subnet", "vpc-subnetwork"),
                free("private-a", "subnet", "vpc-subnetwork"),
                free("web-fw", "firewall", "vpc-firewall-rules"),
                free("app-fw", "firewall", "vpc-firewall-rules"),
                // 0.018438 x 1460 = 26.91948
                new ExpectedLine("web", "compute.instance", "e2-small", "0.018438", "hour", "1460", "26.9195"),
                new ExpectedLine("web", "compute.instance", "pd-balanced", "0.1", "GB-month", "60", "6.0000"),
                new ExpectedLine("web-lb", "loadbalancer", "forwarding-rules-first-5", "0.025", "hour", "730", "18.2500"),
                // 0.074275 x 730 = 54.22075: a tie, half-even keeps the even digit 8
                new ExpectedLine("db", "database.postgres", "db-custom-1-3840", "0.074275", "hour", "730", "54.2208"),
                new ExpectedLine("db", "database.postgres", "cloud-sql-ssd", "0.17", "GB-month", "50", "8.5000"),
                new ExpectedLine("cache", "cache.redis", "BASIC_1GB", "0.054", "hour", "730", "39.4200"),
                new ExpectedLine("uploads", "storage.bucket", "gcs-standard", "0.02", "GB-month", "100", "2.0000"),
                free("www", "dns.record", "cloud-dns-record"));

        CostEstimate estimate = estimator.estimate(Blueprints.example("aws-web-app.yaml"));

        assertThat(estimate.comparisons()).extracting(CloudEstimate::cloud).containsExactly(Cloud.AZURE, Cloud.GCP);
        assertThat(estimate.comparisons()).extracting(CloudEstimate::region)
                .containsExactly(Optional.of("northeurope"), Optional.of("europe-west1"));
        assertEstimate(estimate.comparisons().get(0), azure, "395.5690");
        assertEstimate(estimate.comparisons().get(1), gcp, "155.3103");
    }

    private static void assertEstimate(CloudEstimate estimate, List<ExpectedLine> expected, String handTotal) {
        assertThat(estimate.unpricedCount()).isZero();
        assertThat(ExpectedLine.of(estimate)).containsExactlyElementsOf(expected);
        assertThat(ExpectedLine.sum(expected)).isEqualByComparingTo(handTotal);
        assertThat(estimate.totalMonthly()).isEqualTo(new BigDecimal(handTotal));
    }
}
