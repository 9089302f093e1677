package io.dharma.intake.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.executor.DesiredResource;
import io.dharma.executor.DesiredState;
import io.dharma.executor.ResourceAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanDiffTest {

    private static final DesiredResource BUCKET = new DesiredResource("uploads", "storage.bucket",
            Map.of("versioning", true, "encrypted", true, "lifecycle", Map.of("expireDays", 30)), List.of());
    private static final DesiredResource NETWORK = new DesiredResource("main", "network", Map.of("cidr", "10.0.0.0/16"),
            List.of());

    @Test
    void nothingDeployedCreatesEveryResourceWithItsTerraformAddresses() {
        ChangeSummary changes = PlanDiff.diff(new DesiredState(List.of(NETWORK, BUCKET)),
                Map.of("uploads", List.of("aws_s3_bucket.uploads", "aws_s3_bucket_versioning.uploads")), List.of());

        assertThat(changes.actions()).extracting(ChangeSummary.ResourceAction::action)
                .containsExactly(ChangeSummary.Action.CREATE, ChangeSummary.Action.CREATE);
        assertThat(changes.actions().get(1).addresses())
                .containsExactly("aws_s3_bucket.uploads", "aws_s3_bucket_versioning.uploads");
        assertThat(changes).extracting(ChangeSummary::toAdd, ChangeSummary::toChange, ChangeSummary::toDestroy)
                .containsExactly(2, 0, 0);
    }

    @Test
    void theSameAttributesAsDeployedAreANoOpWhateverTheProviderAddedAndInAnyKeyOrder() {
        Map<String, String> deployed = new LinkedHashMap<>(ResourceAttributes.of(BUCKET));
        deployed.put("provider.arn", "arn:aws:s3:::uploads");

        ChangeSummary changes = PlanDiff.diff(new DesiredState(List.of(BUCKET)), Map.of(),
                List.of(sandbox(BUCKET, deployed)));

        assertThat(changes.actions()).singleElement().satisfies(action -> {
            assertThat(action.action()).isEqualTo(ChangeSummary.Action.NO_OP);
            assertThat(action.changedAttributes()).isEmpty();
        });
        assertThat(changes).extracting(ChangeSummary::toAdd, ChangeSummary::toChange, ChangeSummary::toDestroy)
                .containsExactly(0, 0, 0);
    }

    @Test
    void aChangedAttributeIsAnUpdateListingBeforeAndAfter() {
        Map<String, String> deployed = new LinkedHashMap<>(ResourceAttributes.of(BUCKET));
        deployed.put("versioning", "false");
        deployed.put("legacy", "x");

        ChangeSummary changes = PlanDiff.diff(new DesiredState(List.of(BUCKET)), Map.of(), List.of(sandbox(BUCKET, deployed)));

        assertThat(changes.actions()).singleElement().satisfies(action -> {
            assertThat(action.action()).isEqualTo(ChangeSummary.Action.UPDATE);
            assertThat(action.changedAttributes()).containsExactly(
                    new ChangeSummary.AttributeChange("legacy", "x", null),
                    new ChangeSummary.AttributeChange("versioning", "false", "true"));
        });
        assertThat(changes.toChange()).isEqualTo(1);
    }

    @Test
    void aResourceNoLongerInTheBlueprintIsDeletedAndOneOfAnotherTypeIsReplaced() {
        DesiredResource retyped = new DesiredResource("main", "subnet", Map.of("cidr", "10.0.1.0/24"), List.of());
        PlanDiff.DeployedResource oldNetwork = sandbox(NETWORK, ResourceAttributes.of(NETWORK));
        PlanDiff.DeployedResource oldBucket = sandbox(BUCKET, ResourceAttributes.of(BUCKET));

        ChangeSummary changes = PlanDiff.diff(new DesiredState(List.of(retyped)), Map.of(), List.of(oldNetwork, oldBucket));

        assertThat(changes.actions()).extracting(ChangeSummary.ResourceAction::resourceName, ChangeSummary.ResourceAction::action)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("main", ChangeSummary.Action.REPLACE),
                        org.assertj.core.groups.Tuple.tuple("uploads", ChangeSummary.Action.DELETE));
        assertThat(changes.actions().get(1).addresses()).containsExactly("storage.bucket.uploads");
        assertThat(changes).extracting(ChangeSummary::toAdd, ChangeSummary::toChange, ChangeSummary::toDestroy)
                .containsExactly(1, 0, 2);
    }

    @Test
    void aResourceDeployedByTerraformIsComparedByPresenceAndTypeOnly() {
        PlanDiff.DeployedResource bucket = new PlanDiff.DeployedResource("aws_s3_bucket.uploads", "uploads", "storage.bucket",
                Map.of("bucket", "uploads-1234", "force_destroy", "false"));
        PlanDiff.DeployedResource versioning = new PlanDiff.DeployedResource("aws_s3_bucket_versioning.uploads", "uploads",
                "storage.bucket", Map.of("versioning_configuration", "[{\"status\":\"Enabled\"}]"));

        ChangeSummary changes = PlanDiff.diff(new DesiredState(List.of(BUCKET)), Map.of(), List.of(bucket, versioning));

        assertThat(changes.actions()).singleElement()
                .extracting(ChangeSummary.ResourceAction::action).isEqualTo(ChangeSummary.Action.NO_OP);
    }

    private static PlanDiff.DeployedResource sandbox(DesiredResource resource, Map<String, String> desired) {
        return new PlanDiff.DeployedResource(resource.type() + "." + resource.name(), resource.name(), resource.type(), desired);
    }
}
