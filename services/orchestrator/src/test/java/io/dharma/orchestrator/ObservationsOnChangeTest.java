package io.dharma.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.events.DeploymentSucceeded;
import io.dharma.events.ResourceObserved;
import io.dharma.kafka.processing.EventPublisher;
import io.dharma.orchestrator.deployment.ExecutorChoice;
import io.dharma.orchestrator.deployment.StackConfigurations;
import io.dharma.orchestrator.drift.DriftObserver;
import io.dharma.orchestrator.drift.DriftObserver.Publication;
import io.dharma.orchestrator.state.BlueprintJoinStore;
import io.dharma.orchestrator.state.DeploymentStore;
import io.dharma.orchestrator.support.Api;
import io.dharma.orchestrator.support.Inputs;
import io.dharma.orchestrator.support.ObservationTopic;
import io.dharma.orchestrator.support.TestBlueprints;
import io.dharma.sandbox.inventory.Inventory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.threeten.extra.MutableClock;

/**
 * Scheduled observation rounds publish a resource only when its observation changed or its last
 * publication is a heartbeat old (ADR 0019), on a clock the test moves. Each round's Kafka
 * transaction has committed when it returns, and one stack's observations share a partition: a
 * later round's records arrive after an earlier one's, so counting the topic once the last round's
 * records are there shows what every round before it published.
 */
class ObservationsOnChangeTest extends OrchestratorIntegrationTest {

    private static final Duration HEARTBEAT = Duration.ofHours(1);

    @Autowired
    private ApplicationContext context;

    private final ObservationTopic observationTopic = ObservationTopic.get();
    private final MutableClock clock = MutableClock.of(Instant.now().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    private DriftObserver observer;

    @BeforeEach
    void observerOnTheTestsClock() {
        observer = new DriftObserver(context.getBean(DataSource.class), context.getBean(TransactionTemplate.class),
                context.getBean(DeploymentStore.class), new StackConfigurations(context.getBean(BlueprintJoinStore.class)),
                context.getBean(ExecutorChoice.class), context.getBean(EventPublisher.class), db,
                new OrchestratorProperties.Drift(true, Duration.ofSeconds(30), Duration.ZERO, HEARTBEAT),
                new SimpleMeterRegistry(), clock);
    }

    @Test
    void anUnchangedStackIsPublishedOnceAChangeAtOnceAndEverythingAgainAfterTheHeartbeat() {
        String blueprintId = newBlueprintId();
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("on-change", "dev", "auto", 0, false));
        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1), inputs.withinBudget(v1));
        topic.awaitKind(blueprintId, deploymentIdOf(blueprintId, 1), DeploymentSucceeded.class);

        assertThat(round(blueprintId)).as("first round: net and files").isEqualTo(2);
        clock.add(Duration.ofSeconds(30));
        assertThat(round(blueprintId)).as("nothing changed").isZero();

        tamper(blueprintId, "files");
        clock.add(Duration.ofSeconds(30));
        assertThat(round(blueprintId)).as("files changed at the provider").isEqualTo(1);
        List<ResourceObserved> afterChange = awaitObservations(blueprintId, 3);
        assertThat(afterChange.get(2).getResourceName()).isEqualTo("files");
        assertThat(afterChange.get(2).getAttributes()).containsEntry("versioning", "true");

        clock.add(HEARTBEAT.minusSeconds(1));
        assertThat(round(blueprintId)).as("files was published less than a heartbeat ago, net more").isEqualTo(1);
        clock.add(Duration.ofSeconds(61));
        assertThat(round(blueprintId)).as("files' heartbeat").isEqualTo(1);

        List<ResourceObserved> all = awaitObservations(blueprintId, 5);
        assertThat(all.subList(3, 5)).extracting(ResourceObserved::getResourceName).containsExactly("net", "files");
        assertThat(all.subList(3, 5)).extracting(ResourceObserved::getObservedAt)
                .containsExactly(all.get(2).getObservedAt().plus(HEARTBEAT.minusSeconds(1)),
                        all.get(2).getObservedAt().plus(HEARTBEAT.plusSeconds(60)));
    }

    @Test
    void observingOnRequestPublishesEveryResourceAndCountsAsThePublication() {
        String blueprintId = newBlueprintId();
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("on-request", "dev", "auto", 0, false));
        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1), inputs.withinBudget(v1));
        topic.awaitKind(blueprintId, deploymentIdOf(blueprintId, 1), DeploymentSucceeded.class);

        assertThat(observer.observe(tenant, blueprintId, Publication.ALL).resourcesObserved()).isEqualTo(2);
        assertThat(observer.observe(tenant, blueprintId, Publication.ALL).resourcesObserved()).isEqualTo(2);
        assertThat(round(blueprintId)).as("published on request just now").isZero();
        assertThat(awaitObservations(blueprintId, 4)).hasSize(4);
    }

    /** A scheduled round's publication of one stack; the number of observations published. */
    private int round(String blueprintId) {
        return observer.observe(tenant, blueprintId, Publication.CHANGED).resourcesObserved();
    }

    private void tamper(String blueprintId, String resource) {
        Api.Response tampered = api().asPlatformAdmin().post("/api/v1/sandbox/resources/"
                + Inventory.resourceId(tenant, blueprintId, resource), "{\"attributes\": {\"versioning\": true}}");
        assertThat(tampered.status()).as(tampered.body().toString()).isEqualTo(200);
    }

    private List<ResourceObserved> awaitObservations(String blueprintId, int count) {
        List<ResourceObserved> observed = observationTopic.await(blueprintId, list -> list.size() >= count);
        assertThat(observed).as("observations of %s", blueprintId).hasSize(count);
        return observed;
    }
}
