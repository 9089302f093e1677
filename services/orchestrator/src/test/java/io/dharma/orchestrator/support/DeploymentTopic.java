package io.dharma.orchestrator.support;

import io.dharma.events.DeploymentEvent;
import io.dharma.kafka.topics.DharmaTopic;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads dharma.deployments.v1 as a downstream team would (plain consumer, read_committed, from
 * the beginning), in the background for the whole test JVM, and keeps every event by blueprintId
 * in topic order, duplicates included.
 */
public final class DeploymentTopic {

    private static DeploymentTopic instance;

    private final RecordedTopic<DeploymentEvent> recorded;

    private DeploymentTopic(RecordedTopic<DeploymentEvent> recorded) {
        this.recorded = recorded;
    }

    public static synchronized DeploymentTopic get() {
        if (instance == null) {
            instance = new DeploymentTopic(RecordedTopic.start(DharmaTopic.DEPLOYMENTS, events -> Events.kinds(events).toString()));
        }
        return instance;
    }

    public List<DeploymentEvent> events(String blueprintId) {
        return recorded.values(blueprintId);
    }

    /** The blueprint's events once {@code until} holds for them; fails after {@code timeout}. */
    public List<DeploymentEvent> await(String blueprintId, Predicate<List<DeploymentEvent>> until, Duration timeout) {
        return recorded.await(blueprintId, until, timeout);
    }

    /** Waits for an event of {@code kind} of the deployment; the blueprint's events up to then. */
    public List<DeploymentEvent> awaitKind(String blueprintId, String deploymentId, Class<?> kind) {
        return await(blueprintId, events -> events.stream().anyMatch(
                e -> e.getDeploymentId().equals(deploymentId) && kind.isInstance(e.getPayload())), Duration.ofSeconds(60));
    }

    /** Waits until every committed record before {@code ends} of the topic has been read. */
    void awaitReadUpTo(java.util.Map<org.apache.kafka.common.TopicPartition, Long> ends, Duration timeout) {
        recorded.awaitReadUpTo(ends, timeout);
    }
}
