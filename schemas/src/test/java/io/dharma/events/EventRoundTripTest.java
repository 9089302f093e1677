package io.dharma.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.avro.AvroTypeException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event kind survives Avro binary encoding with the generated classes, including the
 * logical types (UUID, Instant, BigDecimal) inside nullable unions.
 */
class EventRoundTripTest {

    static final Envelopes ENVELOPES = Envelopes.forProducer("test");
    static final Envelope ENVELOPE = ENVELOPES.originating("tenant-a", "trk-1", "bp-1", 2);
    static final Envelope REACTION = ENVELOPES.reactingTo(ENVELOPE);
    static final Instant OBSERVED = Instant.parse("2025-03-01T10:00:00.250Z");

    static Stream<SpecificRecordBase> events() {
        return Stream.concat(Stream.of(
                        blueprintSubmitted(),
                        iac(IacGenerated.newBuilder()
                                .setFiles(List.of(new TerraformFile("main.tf", "resource \"aws_instance\" \"web\" {}\n"),
                                        new TerraformFile("providers.tf.json", "{\"provider\":{}}")))
                                .setContentHash("sha256:abc")
                                .setResources(List.of(new TerraformResource("aws_instance.web", "web")))
                                .build()),
                        iac(IacGenerationFailed.newBuilder()
                                .setReason("unsupported type")
                                .setErrors(List.of(new GenerationError("web", "no mapping for compute.gpu")))
                                .build()),
                        GuardrailsEvaluated.newBuilder()
                                .setEnvelope(REACTION)
                                .setOutcome(GuardrailOutcome.BLOCKED)
                                .setViolations(List.of(PolicyViolation.newBuilder()
                                        .setPolicyId("storage.encryption").setTitle("Encrypt storage")
                                        .setSeverity(Severity.HIGH).setEnforcement(Enforcement.BLOCK)
                                        .setResourceName("data").setMessage("bucket data is not encrypted")
                                        .setRemediation("set encrypted: true").build()))
                                .setPoliciesEvaluated(12)
                                .build(),
                        costEstimated(),
                        ResourceObserved.newBuilder()
                                .setEnvelope(REACTION).setDeploymentId("dep-1")
                                .setResourceName("web").setResourceType("compute.instance")
                                .setProviderId("i-123").setExists(true)
                                .setAttributes(Map.of("instance_type", "t3.small"))
                                .setObservedAt(OBSERVED)
                                .build(),
                        drift(DriftDetected.newBuilder()
                                .setDriftedAttributes(List.of(new AttributeDrift("instance_type", "t3.small", "t3.large")))
                                .setDeleted(false).setSince(OBSERVED).build()),
                        drift(new DriftResolved(DriftResolution.REDEPLOYED, OBSERVED))),
                deploymentPayloads().map(EventRoundTripTest::deployment));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void survivesBinaryRoundTrip(SpecificRecordBase event) throws IOException {
        byte[] encoded = encode(event);

        assertThat(decode(event, encoded)).isEqualTo(event);
    }

    @Test
    void rejectsAnAmountWithMoreDecimalsThanTheSchemaScale() {
        CostEstimated tooPrecise = CostEstimated.newBuilder(costEstimated())
                .setTotalMonthly(new BigDecimal("1.23456"))
                .build();

        assertThatThrownBy(() -> encode(tooPrecise)).hasRootCauseInstanceOf(AvroTypeException.class);
    }

    static BlueprintSubmitted blueprintSubmitted() {
        return BlueprintSubmitted.newBuilder()
                .setEnvelope(ENVELOPE)
                .setName("shop").setEnvironment(Environment.PROD).setCloud(Cloud.AWS).setRegion("eu-west-1")
                .setBudget(new Budget(new BigDecimal("500.0000")))
                .setApproval(ApprovalMode.REQUIRED)
                .setTags(Map.of("cost-centre", "42"))
                .setResources(List.of(
                        new BlueprintResource("web", "compute.instance", "{\"size\":\"small\"}", List.of("data")),
                        new BlueprintResource("data", "storage.bucket", "{}", List.of())))
                .setDocument("name: shop\n").setContentHash("sha256:def")
                .build();
    }

    static CostEstimated costEstimated() {
        return CostEstimated.newBuilder()
                .setEnvelope(REACTION).setCloud(Cloud.AWS)
                .setTotalMonthly(new BigDecimal("15.1840"))
                .setLineItems(List.of(
                        CostLineItem.newBuilder()
                                .setResourceName("web").setResourceType("compute.instance")
                                .setPricing(new LinePricing("t3.small", new BigDecimal("0.0208000000"), "hour",
                                        new BigDecimal("730.000000"), new BigDecimal("15.1840")))
                                .build(),
                        CostLineItem.newBuilder()
                                .setResourceName("gpu").setResourceType("compute.gpu")
                                .setUnpricedReason("not in catalogue").build()))
                .setUnpricedCount(1)
                .setCatalogueVersion("2025-03")
                .setBudgetStatus(BudgetStatus.WITHIN).setBudget(new BigDecimal("500.0000"))
                .setComparisons(List.of(new CloudCostComparison(Cloud.GCP, new BigDecimal("14.0000"), 0)))
                .build();
    }

    static Stream<Object> deploymentPayloads() {
        return Stream.of(
                DeploymentRequested.newBuilder().setIacContentHash("sha256:abc").setExecutor("sandbox").build(),
                new DeploymentBlocked(List.of(new BlockReason(BlockReasonKind.GUARDRAILS, "bucket not encrypted", "storage.encryption"))),
                DeploymentAwaitingApproval.newBuilder().setReason("blueprint requires approval")
                        .setEstimatedMonthly(new BigDecimal("15.1840")).build(),
                new DeploymentApproved("alice", "ok"),
                new DeploymentRejected("bob", null),
                new DeploymentPlanning(1),
                new DeploymentPlanned(1, 0, 0, List.of(new PlannedAction("web", "compute.instance", "aws_instance.web", PlanAction.CREATE))),
                new DeploymentApplying(1),
                ResourceChanged.newBuilder().setResourceName("web").setResourceType("compute.instance")
                        .setAction(ResourceChangeAction.CREATED).setProviderId("i-123")
                        .setAttributes(Map.of("private_ip", "10.0.0.5")).build(),
                DeploymentSucceeded.newBuilder().setResourcesChanged(1).setOutputs(Map.of("url", "https://shop")).build(),
                new DeploymentFailed("web", "quota exceeded", 3),
                new DeploymentDestroyed(1));
    }

    static IacEvent iac(Object payload) {
        return IacEvent.newBuilder().setEnvelope(REACTION).setCloud(Cloud.AWS).setPayload(payload).build();
    }

    static DeploymentEvent deployment(Object payload) {
        return DeploymentEvent.newBuilder().setEnvelope(REACTION).setDeploymentId("dep-1").setPayload(payload).build();
    }

    static DriftEvent drift(Object payload) {
        return DriftEvent.newBuilder().setEnvelope(REACTION).setDeploymentId("dep-1")
                .setResourceName("web").setResourceType("compute.instance").setPayload(payload).build();
    }

    // The same writer/reader pair a Kafka serde uses for specific records.
    private static byte[] encode(SpecificRecordBase event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecordBase>(event.getSchema(), event.getSpecificData()).write(event, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Object decode(SpecificRecordBase prototype, byte[] encoded) throws IOException {
        return new SpecificDatumReader<>(prototype.getSchema(), prototype.getSchema(), prototype.getSpecificData())
                .read(null, DecoderFactory.get().binaryDecoder(encoded, null));
    }
}
