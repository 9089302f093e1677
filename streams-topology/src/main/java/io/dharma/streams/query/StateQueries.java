package io.dharma.streams.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.dharma.streams.TenantIndex;
import io.dharma.streams.runtime.DharmaStreams;
import io.dharma.streams.runtime.StateUnavailableException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Interactive queries over the state stores, active replicas only. A key is answered
 * locally when this instance hosts its partition, otherwise its host is named so the caller can
 * forward the request; a scan covers this instance's partitions and names the others. Anything
 * that cannot be answered exactly — not RUNNING, no metadata, a partition restoring — is a
 * {@link StateUnavailableException}, never a stale or partial answer.
 */
public final class StateQueries implements AutoCloseable {

    private final DharmaStreams streams;
    private final Admin admin;
    private final Map<String, Integer> partitionCounts = new ConcurrentHashMap<>();
    private final Map<String, Integer> storeSubtopologies;

    /**
     * @param topology the running topology, to know which sub-topology (tasks) holds each store
     * @param admin used to learn partition counts; closed with this
     */
    public StateQueries(DharmaStreams streams, Topology topology, Admin admin) {
        this.streams = streams;
        this.admin = admin;
        this.storeSubtopologies = storeSubtopologies(topology);
    }

    private static Map<String, Integer> storeSubtopologies(Topology topology) {
        Map<String, Integer> byStore = new java.util.HashMap<>();
        for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Processor processor) {
                    processor.stores().forEach(store -> byStore.put(store, subtopology.id()));
                }
            }
        }
        return Map.copyOf(byStore);
    }

    /** Where a key lives: here (with its value, null when absent) or at another instance. */
    public sealed interface Located<V> {

        record Here<V>(V value) implements Located<V> {
        }

        record Elsewhere<V>(HostInfo host) implements Located<V> {
        }
    }

    /** What this instance holds of a store: the partitions it answered for and the matching entries, by key. */
    public record LocalScan<V>(Set<Integer> partitions, List<KeyValue<String, V>> entries) {
    }

    public <V> Located<V> find(String store, String key) {
        return find(store, key, key);
    }

    /**
     * Like {@link #find(String, String)} for a store whose key is not its partitioning key (the results
     * stores: blueprintId and version, partitioned by blueprintId): {@code partitionKey} names the partition.
     */
    public <V> Located<V> find(String store, String key, String partitionKey) {
        KafkaStreams running = streams.running();
        KeyQueryMetadata metadata = running.queryMetadataForKey(store, partitionKey, Serdes.String().serializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new StateUnavailableException("no host is assigned the partition of '" + key + "' in " + store);
        }
        if (!metadata.activeHost().equals(streams.self())) {
            return new Located.Elsewhere<>(metadata.activeHost());
        }
        try {
            return new Located.Here<>(this.<V>activePartition(running, store, metadata.partition()).get(key));
        } catch (InvalidStateStoreException e) {
            // The store is resolved lazily: a partition that moved or is restoring fails here.
            throw new StateUnavailableException(store + " partition " + metadata.partition() + " cannot be read now", e);
        }
    }

    /**
     * The entries of {@code store} listed by {@code index} (a store of the same task, see
     * {@code TenantIndex}) under {@code prefix}, on this instance's active partitions: at most
     * {@code limit} per partition whose store key is after {@code startKey} (all when null; from it
     * when {@code includeStart}) and whose value matches, in store-key order. Reads only the prefix's
     * entries, never the whole store.
     */
    public <V> LocalScan<V> scanLocalIndex(String index, String store, String prefix, String startKey,
            boolean includeStart, Predicate<V> filter, int limit) {
        KafkaStreams running = streams.running();
        Set<Integer> partitions = localActivePartitions(running, index);
        String from = startKey == null ? prefix : prefix + startKey;
        String to = TenantIndex.upperBound(prefix);
        List<KeyValue<String, V>> entries = new ArrayList<>();
        for (int partition : partitions) {
            ReadOnlyKeyValueStore<String, String> keys = activePartition(running, index, partition);
            ReadOnlyKeyValueStore<String, V> values = activePartition(running, store, partition);
            try (KeyValueIterator<String, String> iterator = keys.range(from, to)) {
                int taken = 0;
                while (iterator.hasNext() && taken < limit) {
                    String key = iterator.next().value;
                    if (startKey != null && key.compareTo(startKey) < (includeStart ? 0 : 1)) {
                        continue;
                    }
                    V value = values.get(key);
                    if (value != null && filter.test(value)) {
                        entries.add(KeyValue.pair(key, value));
                        taken++;
                    }
                }
            } catch (InvalidStateStoreException e) {
                throw new StateUnavailableException(index + " partition " + partition + " cannot be read now", e);
            }
        }
        entries.sort(Comparator.comparing(entry -> entry.key));
        return new LocalScan<>(partitions, entries.size() > limit ? entries.subList(0, limit) : entries);
    }

    /**
     * One active partition of a store, read through the classic interactive-query API: IQv2 in
     * kafka-streams 4.2 can deadlock against the stream thread writing the same RocksDB store
     * (KAFKA-19629, store lock and position lock taken in opposite orders), IQv1 takes the store lock only.
     */
    private <V> ReadOnlyKeyValueStore<String, V> activePartition(KafkaStreams running, String store, int partition) {
        try {
            return running.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore())
                    .withPartition(partition));
        } catch (InvalidStateStoreException e) {
            throw new StateUnavailableException(store + " partition " + partition + " cannot be read now", e);
        }
    }

    /** The partitions of {@code store} whose active task runs on this instance. */
    private Set<Integer> localActivePartitions(KafkaStreams running, String store) {
        Integer subtopology = storeSubtopologies.get(store);
        if (subtopology == null) {
            throw new IllegalArgumentException("no store " + store + " in the topology");
        }
        Set<Integer> partitions = new TreeSet<>();
        for (ThreadMetadata thread : running.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                if (task.taskId().subtopology() == subtopology) {
                    partitions.add(task.taskId().partition());
                }
            }
        }
        return partitions;
    }

    /** The other instances hosting active partitions of {@code store}. */
    public List<HostInfo> otherHosts(String store) {
        return streams.running().streamsMetadataForStore(store).stream()
                .map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(streams.self()))
                .distinct()
                .collect(Collectors.toList());
    }

    /** How many partitions (tasks) the store has: those of its changelog topic. */
    public int partitionCount(String store) {
        return partitionCounts.computeIfAbsent(store, name -> {
            String changelog = streams.applicationId() + "-" + name + "-changelog";
            try {
                return admin.describeTopics(List.of(changelog)).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get(changelog).partitions().size();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StateUnavailableException("interrupted while describing " + changelog, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new StateUnavailableException("cannot describe " + changelog, e);
            }
        });
    }

    @Override
    public void close() {
        admin.close();
    }
}
