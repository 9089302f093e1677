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

import io.dharma.streams.runtime.StateStreams;
import io.dharma.streams.runtime.StateUnavailableException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Interactive queries over the state stores (IQv2), active replicas only. A key is answered
 * locally when this instance hosts its partition, otherwise its host is named so the caller can
 * forward the request; a scan covers this instance's partitions and names the others. Anything
 * that cannot be answered exactly — not RUNNING, no metadata, a partition restoring — is a
 * {@link StateUnavailableException}, never a stale or partial answer.
 */
public final class StateQueries implements AutoCloseable {

    private final StateStreams streams;
    private final Admin admin;
    private final Map<String, Integer> partitionCounts = new ConcurrentHashMap<>();

    /** @param admin used to learn partition counts; closed with this */
    public StateQueries(StateStreams streams, Admin admin) {
        this.streams = streams;
        this.admin = admin;
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
        KafkaStreams running = streams.running();
        KeyQueryMetadata metadata = running.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new StateUnavailableException("no host is assigned the partition of '" + key + "' in " + store);
        }
        if (!metadata.activeHost().equals(streams.self())) {
            return new Located.Elsewhere<>(metadata.activeHost());
        }
        StateQueryResult<V> result = running.query(StateQueryRequest.inStore(store)
                .withQuery(KeyQuery.<String, V>withKey(key))
                .withPartitions(Set.of(metadata.partition()))
                .requireActive());
        QueryResult<V> partition = result.getPartitionResults().get(metadata.partition());
        if (partition == null || partition.isFailure()) {
            throw new StateUnavailableException(store + " partition " + metadata.partition() + " cannot be read now"
                    + (partition == null ? "" : ": " + partition.getFailureReason() + " " + partition.getFailureMessage()));
        }
        return new Located.Here<>(partition.getResult());
    }

    /**
     * The entries of this instance's active partitions whose key is after {@code afterKey} (all when
     * null) and whose value matches, at most {@code limit}, in key order.
     */
    public <V> LocalScan<V> scanLocal(String store, String afterKey, Predicate<V> filter, int limit) {
        KafkaStreams running = streams.running();
        RangeQuery<String, V> range = afterKey == null ? RangeQuery.withNoBounds() : RangeQuery.withLowerBound(afterKey);
        StateQueryResult<KeyValueIterator<String, V>> result = running.query(
                StateQueryRequest.inStore(store).withQuery(range).requireActive());
        Set<Integer> answered = new TreeSet<>();
        List<KeyValue<String, V>> entries = new ArrayList<>();
        StateUnavailableException failure = null;
        for (Map.Entry<Integer, QueryResult<KeyValueIterator<String, V>>> partition : result.getPartitionResults().entrySet()) {
            QueryResult<KeyValueIterator<String, V>> partitionResult = partition.getValue();
            if (partitionResult.isFailure()) {
                failure = new StateUnavailableException(store + " partition " + partition.getKey() + " cannot be read now: "
                        + partitionResult.getFailureReason());
                continue;
            }
            try (KeyValueIterator<String, V> iterator = partitionResult.getResult()) {
                int taken = 0;
                while (iterator.hasNext() && taken < limit) {
                    KeyValue<String, V> entry = iterator.next();
                    if (afterKey != null && entry.key.compareTo(afterKey) <= 0) {
                        continue;
                    }
                    if (filter.test(entry.value)) {
                        entries.add(entry);
                        taken++;
                    }
                }
            }
            answered.add(partition.getKey());
        }
        if (failure != null) {
            throw failure;
        }
        entries.sort(Comparator.comparing(entry -> entry.key));
        return new LocalScan<>(answered, entries.size() > limit ? entries.subList(0, limit) : entries);
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
