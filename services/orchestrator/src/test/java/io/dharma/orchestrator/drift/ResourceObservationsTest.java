package io.dharma.orchestrator.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.events.DeploymentOperation;
import io.dharma.events.Envelopes;
import io.dharma.events.ResourceObserved;
import io.dharma.executor.ActualResource;
import io.dharma.orchestrator.state.AppliedChange;
import io.dharma.orchestrator.state.Deployment;
import io.dharma.orchestrator.state.DeploymentStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResourceObservationsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Deployment DEPLOYED = new Deployment(UUID.randomUUID(), 1, "acme", "bp-1", 2, "trk-1",
            DeploymentOperation.APPLY, DeploymentStatus.SUCCEEDED, null, 1, null, "shop", "aws", "eu-west-1", "{}",
            null, "terraform", "alice", null, null, 1, 0, 0, 1, null, null, OffsetDateTime.now(), OffsetDateTime.now());
    private static final Map<String, String> REPORTED = Map.of(
            "bucket", "shop-uploads", "tags", "null", "versioning_configuration", "[{\"status\":\"Enabled\"}]");

    private final ResourceObservations observations = new ResourceObservations(
            Envelopes.forProducer("test", Clock.systemUTC()));

    @Test
    void whatTheExecutorWouldNotChangeIsObservedAsTheLastChangeReportedIt() {
        ResourceObserved observed = observe(applied(REPORTED), Map.of("bucket", "shop-uploads", "tags", Map.of(),
                "versioning_configuration", List.of(Map.of("status", "Suspended"))), Set.of("versioning_configuration"));

        assertThat(observed.getAttributes()).containsEntry("tags", "null")
                .containsEntry("versioning_configuration", "[{\"status\":\"Suspended\"}]")
                .containsEntry("bucket", "shop-uploads").hasSize(3);
    }

    @Test
    void withNothingToChangeBackTheObservationIsTheReportedState() {
        ResourceObserved observed = observe(applied(REPORTED), Map.of("bucket", "shop-uploads", "tags", Map.of(),
                "versioning_configuration", List.of(Map.of("status", "Enabled")), "creation_date", "2026-12-05"), Set.of());

        assertThat(observed.getAttributes()).isEqualTo(REPORTED);
    }

    @Test
    void anExecutorThatCannotTellHasEveryAttributeCompared() {
        ResourceObserved observed = observe(applied(REPORTED), Map.of("bucket", "shop-uploads", "tags", Map.of()), null);

        assertThat(observed.getAttributes()).isEqualTo(Map.of("bucket", "shop-uploads", "tags", "{}"));
    }

    @Test
    void aChangeAppliedBeforeAttributesWereRecordedIsComparedInFull() {
        ResourceObserved observed = observe(applied(null), Map.of("bucket", "shop-uploads"), Set.of());

        assertThat(observed.getAttributes()).isEqualTo(Map.of("bucket", "shop-uploads"));
    }

    @Test
    void aResourceTheProviderNoLongerHasIsObservedMissing() {
        ResourceObserved observed = observations.of(DEPLOYED, List.of(applied(REPORTED)), List.of(), NOW).getFirst();

        assertThat(observed.getExists()).isFalse();
        assertThat(observed.getAttributes()).isEmpty();
        assertThat(observed.getProviderId()).isEqualTo("arn:aws:s3:::shop-uploads");
    }

    private ResourceObserved observe(AppliedChange applied, Map<String, Object> now, Set<String> drifted) {
        ActualResource actual = new ActualResource(applied.address(), "uploads", "storage.bucket",
                "arn:aws:s3:::shop-uploads", now, Map.of(), drifted);
        List<ResourceObserved> observed = observations.of(DEPLOYED, List.of(applied), List.of(actual), NOW);
        assertThat(observed).hasSize(1);
        return observed.getFirst();
    }

    private static AppliedChange applied(Map<String, String> attributes) {
        return new AppliedChange("aws_s3_bucket_versioning.uploads", "uploads", "storage.bucket", DEPLOYED.deploymentId(),
                "arn:aws:s3:::shop-uploads", attributes);
    }
}
