package io.dharma.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.dharma.events.AttributeDrift;
import io.dharma.events.DriftDetected;
import io.dharma.events.DriftEvent;
import io.dharma.events.DriftResolution;
import io.dharma.events.DriftResolved;
import io.dharma.events.ResourceChangeAction;
import io.dharma.events.ResourceObserved;
import io.dharma.streams.views.DriftedAttribute;
import io.dharma.streams.views.ResourceState;
import io.dharma.streams.views.ResourceView;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DriftTest {

    private static final String WEB = "aws_instance.web";
    private static final Map<String, String> DESIRED = Map.of("instance_type", "t3.small", "tags.env", "dev");
    private static final Map<String, String> RESIZED = Map.of("instance_type", "t3.large", "tags.env", "dev");

    @RegisterExtension
    final TopologyFixture topology = new TopologyFixture();
    private final LifecycleStory story = new LifecycleStory();

    @BeforeEach
    void deployTheWebInstance() {
        topology.pipe(story.submitted(), story.requested(4), story.applying(7),
                story.resourceChanged(8, WEB, ResourceChangeAction.CREATED, "i-123", DESIRED),
                story.succeeded(10, 1));
    }

    @Test
    void aTamperedAttributeIsDriftWithDesiredAndActualValues() {
        ResourceObserved observation = story.observed(20, WEB, true, RESIZED);
        topology.pipe(observation);

        List<KeyValue<String, DriftEvent>> events = topology.driftEvents();
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().key).isEqualTo(story.blueprintId);
        DriftEvent event = events.getFirst().value;
        assertThat(event.getDeploymentId()).isEqualTo(story.deploymentId);
        assertThat(event.getResourceName()).isEqualTo("web");
        assertThat(event.getResourceType()).isEqualTo("aws_instance");
        assertThat(event.getProviderId()).isEqualTo("i-123");
        assertThat(event.getEnvelope().getCausationId()).isEqualTo(observation.getEnvelope().getEventId());
        assertThat(event.getEnvelope().getProducer()).isEqualTo("dharma-streams");
        assertThat(event.getEnvelope().getTenantId()).isEqualTo(story.tenantId);
        assertThat(event.getEnvelope().getOccurredAt()).isEqualTo(story.time(20));
        DriftDetected detected = (DriftDetected) event.getPayload();
        assertThat(detected.getDeleted()).isFalse();
        assertThat(detected.getSince()).isEqualTo(story.time(20));
        assertThat(detected.getDriftedAttributes())
                .containsExactly(new AttributeDrift("instance_type", "t3.small", "t3.large"));

        ResourceState web = topology.drift(story.blueprintId).getResources().get("aws_instance.web");
        assertThat(web.getDrifted()).isTrue();
        assertThat(web.getDeleted()).isFalse();
        assertThat(web.getDriftSince()).isEqualTo(story.time(20));
        assertThat(web.getDesired()).isEqualTo(DESIRED);
        assertThat(web.getDesiredAt()).isEqualTo(story.time(8));
        assertThat(web.getObserved()).isEqualTo(RESIZED);
        assertThat(web.getObservedAt()).isEqualTo(story.time(20));
        assertThat(web.getDeploymentId()).isEqualTo(story.deploymentId);
        assertThat(web.getDriftedAttributes())
                .containsExactly(new DriftedAttribute("instance_type", "t3.small", "t3.large"));
        assertThat(topology.drift(story.blueprintId).getTenantId()).isEqualTo(story.tenantId);
        assertThat(topology.indexed(DharmaTopology.DRIFT_BY_TENANT_STORE, TenantIndex.driftPrefix(story.tenantId)))
                .as("the tenant's drift list finds the blueprint through the index")
                .extracting(entry -> entry.value).containsExactly(story.blueprintId);
    }

    @Test
    void aChangedDriftSetIsDetectedAgainWithTheOriginalSinceAndAnUnchangedOneIsNot() {
        topology.pipe(story.observed(20, WEB, true, RESIZED));
        topology.driftEvents();

        // a second attribute drifts, an attribute appears that the blueprint does not declare
        topology.pipe(story.observed(30, WEB, true,
                Map.of("instance_type", "t3.large", "tags.env", "prod", "monitoring", "true")));
        topology.pipe(story.observed(40, WEB, true,
                Map.of("instance_type", "t3.large", "tags.env", "prod", "monitoring", "true")));

        List<KeyValue<String, DriftEvent>> events = topology.driftEvents();
        assertThat(events).hasSize(1);
        DriftDetected detected = (DriftDetected) events.getFirst().value.getPayload();
        assertThat(detected.getSince()).isEqualTo(story.time(20));
        assertThat(detected.getDriftedAttributes()).containsExactly(
                new AttributeDrift("instance_type", "t3.small", "t3.large"),
                new AttributeDrift("monitoring", null, "true"),
                new AttributeDrift("tags.env", "dev", "prod"));
        assertThat(topology.drift(story.blueprintId).getResources().get("aws_instance.web").getObservedAt())
                .isEqualTo(story.time(40));
    }

    @Test
    void aRestoredResourceResolvesAsConvergedWithWhenTheDriftStarted() {
        topology.pipe(story.observed(20, WEB, true, RESIZED), story.observed(30, WEB, true, RESIZED));
        topology.driftEvents();

        ResourceObserved restored = story.observed(50, WEB, true, DESIRED);
        topology.pipe(restored);

        List<KeyValue<String, DriftEvent>> events = topology.driftEvents();
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().value.getEnvelope().getCausationId()).isEqualTo(restored.getEnvelope().getEventId());
        assertThat(events.getFirst().value.getPayload())
                .isEqualTo(new DriftResolved(DriftResolution.CONVERGED, story.time(20)));
        ResourceState web = topology.drift(story.blueprintId).getResources().get("aws_instance.web");
        assertThat(web.getDrifted()).isFalse();
        assertThat(web.getDriftSince()).isNull();
        assertThat(web.getDriftedAttributes()).isEmpty();
    }

    @Test
    void aResourceDeletedOutOfBandIsDrift() {
        topology.pipe(story.observed(20, WEB, false, Map.of()));

        List<KeyValue<String, DriftEvent>> events = topology.driftEvents();
        assertThat(events).hasSize(1);
        DriftDetected detected = (DriftDetected) events.getFirst().value.getPayload();
        assertThat(detected.getDeleted()).isTrue();
        assertThat(detected.getDriftedAttributes()).isEmpty();
        assertThat(detected.getSince()).isEqualTo(story.time(20));
        ResourceState web = topology.drift(story.blueprintId).getResources().get("aws_instance.web");
        assertThat(web.getDeleted()).isTrue();
        assertThat(web.getExists()).isFalse();
        assertThat(web.getObserved()).isNull();

        // it comes back, tampered: still drift, no longer deleted, same since
        topology.pipe(story.observed(30, WEB, true, RESIZED));
        DriftDetected back = (DriftDetected) topology.driftEvents().getFirst().value.getPayload();
        assertThat(back.getDeleted()).isFalse();
        assertThat(back.getSince()).isEqualTo(story.time(20));
    }

    @Test
    void redeployingADriftedResourceResolvesItAsRedeployed() {
        topology.pipe(story.observed(20, WEB, true, RESIZED));
        topology.driftEvents();

        Map<String, String> redeployed = Map.of("instance_type", "t3.medium", "tags.env", "dev");
        topology.pipe(story.resourceChanged(30, WEB, ResourceChangeAction.UPDATED, null, redeployed));

        List<KeyValue<String, DriftEvent>> events = topology.driftEvents();
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().value.getPayload())
                .isEqualTo(new DriftResolved(DriftResolution.REDEPLOYED, story.time(20)));
        ResourceState web = topology.drift(story.blueprintId).getResources().get("aws_instance.web");
        assertThat(web.getDrifted()).isFalse();
        assertThat(web.getDesired()).isEqualTo(redeployed);
        assertThat(web.getDesiredAt()).isEqualTo(story.time(30));
        assertThat(web.getProviderId()).isEqualTo("i-123");

        // the observation taken before the redeploy, arriving late, is stale
        topology.pipe(story.observed(25, WEB, true, RESIZED));
        assertThat(topology.driftEvents()).isEmpty();
        assertThat(topology.drift(story.blueprintId).getResources().get("aws_instance.web").getDrifted()).isFalse();
    }

    @Test
    void anObservationOlderThanTheLastApplyIsIgnored() {
        topology.pipe(story.observed(5, WEB, true, RESIZED), story.observed(6, WEB, false, Map.of()));

        assertThat(topology.driftEvents()).isEmpty();
        ResourceState web = topology.drift(story.blueprintId).getResources().get("aws_instance.web");
        assertThat(web.getDrifted()).isFalse();
        assertThat(web.getObservedAt()).isNull();
        assertThat(topology.deployment(story.deploymentId).getResources().get(WEB).getObservedAt()).isNull();
    }

    @Test
    void aRedeliveredObservationEmitsNothing() {
        ResourceObserved tampered = story.observed(20, WEB, true, RESIZED);
        topology.pipe(tampered, tampered);
        assertThat(topology.driftEvents()).hasSize(1);

        topology.pipe(story.observed(30, WEB, true, DESIRED), tampered);

        List<KeyValue<String, DriftEvent>> events = topology.driftEvents();
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().value.getPayload()).isInstanceOf(DriftResolved.class);
        assertThat(topology.drift(story.blueprintId).getResources().get("aws_instance.web").getDrifted()).isFalse();
    }

    @Test
    void anObservationOfAResourceWithoutDesiredStateIsIgnored() {
        topology.pipe(story.observed(20, "aws_s3_bucket.unknown", false, Map.of()));

        assertThat(topology.driftEvents()).isEmpty();
        assertThat(topology.drift(story.blueprintId).getResources()).containsOnlyKeys("aws_instance.web");
    }

    @Test
    void destroyingTheDeploymentClearsTheResourcesAndResolvesTheirDrift() {
        topology.pipe(story.resourceChanged(9, "aws_s3_bucket.assets", ResourceChangeAction.CREATED, "arn:assets",
                        Map.of("versioning", "true")),
                story.observed(20, WEB, false, Map.of()),
                story.observed(20, "aws_s3_bucket.assets", true, Map.of("versioning", "true")));
        topology.driftEvents();

        topology.pipe(story.destroyed(60, 2));

        List<KeyValue<String, DriftEvent>> events = topology.driftEvents();
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().value.getResourceName()).isEqualTo("web");
        assertThat(events.getFirst().value.getPayload())
                .isEqualTo(new DriftResolved(DriftResolution.REDEPLOYED, story.time(20)));
        assertThat(topology.drift(story.blueprintId).getResources()).isEmpty();

        topology.pipe(story.observed(70, WEB, false, Map.of()));
        assertThat(topology.driftEvents()).isEmpty();
    }

    @Test
    void deletingADriftedResourceResolvesItAndRemovesIt() {
        topology.pipe(story.observed(20, WEB, true, RESIZED));
        topology.driftEvents();

        topology.pipe(story.resourceChanged(30, WEB, ResourceChangeAction.DELETED, null));

        assertThat(topology.driftEvents()).extracting(event -> event.value.getPayload())
                .containsExactly(new DriftResolved(DriftResolution.REDEPLOYED, story.time(20)));
        assertThat(topology.drift(story.blueprintId).getResources()).isEmpty();
    }

    @Test
    void theDeploymentViewShowsDesiredAndObservedStatePerResource() {
        topology.pipe(story.observed(20, WEB, true, RESIZED));

        ResourceView web = topology.deployment(story.deploymentId).getResources().get(WEB);
        assertThat(web.getDesired()).isEqualTo(DESIRED);
        assertThat(web.getObserved()).isEqualTo(RESIZED);
        assertThat(web.getObservedAt()).isEqualTo(story.time(20));
        assertThat(web.getExists()).isTrue();
        assertThat(web.getDrifted()).isTrue();

        topology.pipe(story.observed(30, WEB, false, Map.of()));
        web = topology.deployment(story.deploymentId).getResources().get(WEB);
        assertThat(web.getExists()).isFalse();
        assertThat(web.getObserved()).isNull();
        assertThat(web.getDrifted()).isTrue();
    }

    @Test
    void anObservationGoesToTheDeploymentThatLastChangedTheResource() {
        LifecycleStory v2 = story.nextVersion();
        Map<String, String> v2Desired = Map.of("instance_type", "t3.large", "tags.env", "dev");
        topology.pipe(v2.submitted(), v2.requested(4),
                v2.resourceChanged(8, WEB, ResourceChangeAction.UPDATED, "i-123", v2Desired), v2.succeeded(10, 1));

        topology.pipe(v2.observed(20, WEB, true, v2Desired));

        assertThat(topology.driftEvents()).isEmpty();
        ResourceView current = topology.deployment(v2.deploymentId).getResources().get(WEB);
        assertThat(current.getObserved()).isEqualTo(v2Desired);
        assertThat(current.getDrifted()).isFalse();
        assertThat(topology.deployment(story.deploymentId).getResources().get(WEB).getObservedAt()).isNull();
        assertThat(topology.drift(story.blueprintId).getResources().get("aws_instance.web").getDeploymentId())
                .isEqualTo(v2.deploymentId);
    }
}
