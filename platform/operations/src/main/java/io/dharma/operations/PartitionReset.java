package io.dharma.operations;

import org.apache.kafka.common.TopicPartition;

/** A consumer group's offset on one partition: now (null when it has never committed there) and after the reset. */
public record PartitionReset(TopicPartition partition, Long current, long target) {
}
