package io.dharma.operations;

import org.apache.kafka.common.TopicPartition;

/** The offsets {@code [start, stop)} of one partition to read. */
record PartitionRange(TopicPartition partition, long start, long stop) {

    long size() {
        return Math.max(0, stop - start);
    }
}
