package io.dharma.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Records each consumer group has not yet consumed (committed records up to the last stable
 * offset minus the group's committed offset, summed over its partitions): under load, the group
 * whose lag grows is the stage that holds the pipeline back. Transaction markers take offsets too,
 * so a caught-up group may show a lag of about one marker per partition.
 */
final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    ConsumerLag(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Lag by group id, sorted by group id. */
    Map<String, Long> now() throws ExecutionException, InterruptedException {
        Map<String, Long> lags = new TreeMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            long lag = committed.entrySet().stream()
                    .filter(entry -> entry.getValue() != null)
                    .mapToLong(entry -> Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset()))
                    .sum();
            lags.put(group.groupId(), lag);
        }
        return lags;
    }

    @Override
    public void close() {
        admin.close();
    }
}
