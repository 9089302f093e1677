package io.dharma.orchestrator.support;

import io.dharma.events.ResourceObserved;
import io.dharma.testing.TopicProbe;
import io.dharma.topics.DharmaTopic;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** dharma.observations.v1 as a downstream team reads it ({@link TopicProbe}): every ResourceObserved by blueprintId, in topic order. */
public final class ObservationTopic {

    private static final String TOPIC = DharmaTopic.OBSERVATIONS.topicName();

    private final TopicProbe probe = TopicProbe.onStack();

    public static ObservationTopic get() {
        return new ObservationTopic();
    }

    public List<ResourceObserved> observations(String blueprintId) {
        return probe.values(TOPIC, blueprintId);
    }

    /** The blueprint's observations once {@code until} holds for them; fails after 30 s. */
    public List<ResourceObserved> await(String blueprintId, Predicate<List<ResourceObserved>> until) {
        return probe.awaitValues(TOPIC, blueprintId, until, Duration.ofSeconds(30));
    }
}
