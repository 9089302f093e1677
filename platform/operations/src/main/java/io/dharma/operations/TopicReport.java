package io.dharma.operations;

/**
 * One catalogue topic as the cluster and the registry have it.
 *
 * @param exists              false when the topic is in the catalogue but not on the cluster (other fields empty)
 * @param retentionMs         {@code retention.ms}; -1 keeps records forever
 * @param latestSchemaVersion the value subject's latest version, null when nothing is registered yet
 * @param endOffsets          sum of the partitions' end offsets (records ever written, transaction markers included)
 */
public record TopicReport(String topic, boolean deadLetter, boolean exists, int partitions, String retentionMs,
                          String cleanupPolicy, String subject, Integer latestSchemaVersion, long endOffsets) {
}
