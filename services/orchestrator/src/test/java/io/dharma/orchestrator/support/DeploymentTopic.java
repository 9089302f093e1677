package io.dharma.orchestrator.support;

import io.dharma.events.DeploymentEvent;
import io.dharma.testing.TopicProbe;
import io.dharma.topics.DharmaTopic;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** dharma.deployments.v1 as a downstream team reads it ({@link TopicProbe}): every event by blueprintId, in topic order, duplicates included. */
public final class DeploymentTopic {

    private static final String TOPIC = DharmaTopic.DEPLOYMENTS.topicName();

    private final TopicProbe probe = TopicProbe.onStack();

    public static DeploymentTopic get() {
        return new DeploymentTopic();
    }

    public List<DeploymentEvent> events(String blueprintId) {
        return probe.values(TOPIC, blueprintId);
    }

    /** The blueprint's events once {@code until} holds for them; fails after {@code timeout}. */
    public List<DeploymentEvent> await(String blueprintId, Predicate<List<DeploymentEvent>> until, Duration timeout) {
        return probe.awaitValues(TOPIC, blueprintId, until, timeout);
    }

    /** Waits for an event of {@code kind} of the deployment; the blueprint's events up to then. */
    public List<DeploymentEvent> awaitKind(String blueprintId, String deploymentId, Class<?> kind) {
        return await(blueprintId, events -> events.stream().anyMatch(
                e -> e.getDeploymentId().equals(deploymentId) && kind.isInstance(e.getPayload())), Duration.ofSeconds(60));
    }
}
