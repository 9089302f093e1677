package io.dharma.operations;

import java.nio.file.Path;
import java.util.List;

/**
 * What a state rebuild does (or did, once {@code applied}).
 *
 * @param inputResets    the application's input partitions and the earliest offsets they go back to
 * @param internalTopics its changelog and repartition topics, deleted so they are rebuilt from the inputs
 * @param localStateDir  the local state directory deleted, or null when the user must delete it
 */
public record StateRebuildPlan(String applicationId, List<PartitionReset> inputResets, List<String> internalTopics,
                               Path localStateDir, boolean applied) {

    public StateRebuildPlan {
        inputResets = List.copyOf(inputResets);
        internalTopics = List.copyOf(internalTopics);
    }
}
