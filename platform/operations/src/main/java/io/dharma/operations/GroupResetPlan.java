package io.dharma.operations;

import java.time.Instant;
import java.util.List;

/** The offsets a reset of {@code groupId} to {@code to} moves, partition by partition; {@code applied} once executed. */
public record GroupResetPlan(String groupId, Instant to, List<PartitionReset> partitions, boolean applied) {

    public GroupResetPlan {
        partitions = List.copyOf(partitions);
    }
}
