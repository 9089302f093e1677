package io.dharma.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.dharma.events.BudgetStatus;
import io.dharma.events.Cloud;
import io.dharma.events.CloudCostComparison;
import io.dharma.events.CostEstimateView;
import io.dharma.events.CostEstimated;
import io.dharma.events.CostLineItem;
import io.dharma.events.Envelope;
import io.dharma.events.IacEvent;
import io.dharma.events.IacGenerated;
import io.dharma.events.LinePricing;
import io.dharma.events.TerraformFile;
import io.dharma.web.ApiException;
import org.junit.jupiter.api.Test;

/** The pure parts of the results reads: file formats, digests, the zip, and decimals at their scale. */
class ResultRenderingTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private static final List<TerraformFile> FILES = List.of(
            file("hcl/main.tf", "resource \"aws_s3_bucket\" \"uploads\" {\n  bucket = \"ü\"\n}\n"),
            file("hcl/versions.tf", "terraform {}\n"),
            file("json/main.tf.json", "{\"resource\":{}}\n"),
            file("json/versions.tf.json", "{\"terraform\":{}}\n"));

    @Test
    void listsEachFileWithItsFormatUtf8SizeAndSha256AndFiltersByFormat() {
        IacResponse all = IacResponse.of(iac(), Optional.empty());
        assertThat(all.files()).extracting(IacResponse.File::format).containsExactly("hcl", "hcl", "json", "json");
        IacResponse.File main = all.files().getFirst();
        byte[] bytes = FILES.getFirst().getContent().getBytes(StandardCharsets.UTF_8);
        assertThat(main.size()).isEqualTo(bytes.length).isGreaterThan(FILES.getFirst().getContent().length());
        assertThat(main.sha256()).isEqualTo(IacModule.sha256(bytes)).hasSize(64);
        assertThat(IacModule.sha256("abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

        assertThat(IacResponse.of(iac(), IacModule.Format.parse("json")).files())
                .extracting(IacResponse.File::path).containsExactly("json/main.tf.json", "json/versions.tf.json");
        assertThatThrownBy(() -> IacModule.Format.parse("yaml")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).error().code()).isEqualTo("query.invalid-parameter");
    }

    @Test
    void zipsOneFormatsFolderWithPathsRelativeToItAndTheSameBytesEachTime() throws IOException {
        byte[] zip = IacModule.zip(FILES, IacModule.Format.HCL, AT);

        Map<String, String> entries = entries(zip);
        assertThat(entries).containsExactly(Map.entry("main.tf", FILES.get(0).getContent()),
                Map.entry("versions.tf", FILES.get(1).getContent()));
        assertThat(entries(IacModule.zip(FILES, IacModule.Format.JSON, AT))).containsOnlyKeys("main.tf.json", "versions.tf.json");
        assertThat(IacModule.zip(FILES, IacModule.Format.HCL, AT)).isEqualTo(zip);
    }

    @Test
    void writesEveryAmountAtTheEventsOwnScale() {
        CostEstimated event = CostEstimated.newBuilder()
                .setEnvelope(envelope()).setCloud(Cloud.AWS).setCurrency("USD")
                .setTotalMonthly(new BigDecimal("146.0000"))
                .setLineItems(List.of(
                        CostLineItem.newBuilder().setResourceName("web").setResourceType("compute.instance")
                                .setPricing(LinePricing.newBuilder().setSku("aws-ec2-t3.medium")
                                        .setUnitPrice(new BigDecimal("0.0416000000")).setUnit("hour")
                                        .setQuantity(new BigDecimal("730.000000")).setMonthly(new BigDecimal("30.3680"))
                                        .build())
                                .setUnpricedReason(null).build(),
                        CostLineItem.newBuilder().setResourceName("q").setResourceType("messaging.queue")
                                .setPricing(null).setUnpricedReason("no price in catalogue").build()))
                .setUnpricedCount(1).setCatalogueVersion("2026-11").setBudgetStatus(BudgetStatus.WITHIN)
                .setBudget(new BigDecimal("200.0000"))
                .setComparisons(List.of(CloudCostComparison.newBuilder().setCloud(Cloud.GCP)
                        .setTotalMonthly(new BigDecimal("1E+2").setScale(4)).setUnpricedCount(0).build()))
                .build();

        CostEstimateView cost = CostEstimateView.of(event);

        assertThat(cost.totalMonthly()).isEqualTo("146.0000");
        assertThat(cost.budget()).isEqualTo("200.0000");
        assertThat(cost.lineItems().getFirst()).isEqualTo(new CostEstimateView.LineItem("web", "compute.instance",
                "aws-ec2-t3.medium", "0.0416000000", "hour", "730.000000", "30.3680", null));
        assertThat(cost.lineItems().get(1).unpricedReason()).isEqualTo("no price in catalogue");
        assertThat(cost.lineItems().get(1).monthly()).isNull();
        assertThat(cost.comparisons()).containsExactly(new CostEstimateView.Comparison("GCP", "100.0000", 0));
    }

    private static Map<String, String> entries(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private static IacEvent iac() {
        return IacEvent.newBuilder().setEnvelope(envelope()).setCloud(Cloud.AWS)
                .setPayload(IacGenerated.newBuilder().setFiles(FILES).setContentHash("sha256:x")
                        .setResources(List.of()).setGeneratorVersion("1").build())
                .build();
    }

    private static Envelope envelope() {
        return io.dharma.events.Envelopes.forProducer("test").originating("tenant-a", "trk-1", "bp-1", 1);
    }

    private static TerraformFile file(String path, String content) {
        return TerraformFile.newBuilder().setPath(path).setContent(content).build();
    }
}
