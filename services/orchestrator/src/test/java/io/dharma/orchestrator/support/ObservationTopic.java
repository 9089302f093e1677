package io.dharma.orchestrator.support;

import io.dharma.events.ResourceObserved;
import io.dharma.kafka.topics.DharmaTopic;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Every ResourceObserved on dharma.observations.v1 by blueprintId, in topic order, read in the background. */
public final class ObservationTopic {

    private static ObservationTopic instance;

    private final RecordedTopic<ResourceObserved> recorded;

    private ObservationTopic(RecordedTopic<ResourceObserved> recorded) {
        this.recorded = recorded;
    }

    public static synchronized ObservationTopic get() {
        if (instance == null) {
            instance = new ObservationTopic(RecordedTopic.start(DharmaTopic.OBSERVATIONS, observations -> observations.stream()
                    .map(o -> o.getResourceName() + (o.getExists() ? "" : "(gone)")).toList().toString()));
        }
        return instance;
    }

    public List<ResourceObserved> observations(String blueprintId) {
        return recorded.values(blueprintId);
    }

    /** The blueprint's observations once {@code until} holds for them; fails after 30 s. */
    public List<ResourceObserved> await(String blueprintId, Predicate<List<ResourceObserved>> until) {
        return recorded.await(blueprintId, until, Duration.ofSeconds(30));
    }
}
