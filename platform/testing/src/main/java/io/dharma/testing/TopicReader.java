package io.dharma.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One topic, read incrementally: the records read so far, and a consumer that fetches only what was
 * written since, up to the end offsets (the last stable offsets under {@code read_committed}).
 * {@link TopicProbe} keeps one per topic and way of reading for the test JVM, so awaiting a topic
 * costs what is new on it rather than the whole topic at every poll.
 *
 * <p>Partitions are looked up at every read (the topic may not exist yet, or grow); a partition
 * whose end is now behind the position reached means the topic was deleted and re-created, and the
 * reader starts over.
 */
final class TopicReader<V> {

    private final String topic;
    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> records = new ArrayList<>();

    TopicReader(String topic, Map<String, Object> consumerConfig, Deserializer<V> values) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), values);
    }

    /** Every record of the topic now, values that cannot be decoded skipped: a copy the caller may keep. */
    synchronized List<ConsumerRecord<String, V>> read() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        if (partitions.stream().anyMatch(p -> consumer.position(p) > end.get(p))) {
            startOver(partitions);
        }
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            try {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            } catch (RecordDeserializationException e) {
                consumer.seek(e.topicPartition(), e.offset() + 1);
            }
        }
        return new ArrayList<>(records);
    }

    synchronized int partitionCount() {
        return consumer.partitionsFor(topic).size();
    }

    private void assign(List<TopicPartition> partitions) {
        Set<TopicPartition> assigned = Set.copyOf(consumer.assignment());
        if (assigned.equals(Set.copyOf(partitions))) {
            return;
        }
        consumer.assign(partitions);
        if (partitions.containsAll(assigned)) {
            Set<TopicPartition> added = new HashSet<>(partitions);
            added.removeAll(assigned);
            consumer.seekToBeginning(added);
        } else {
            startOver(partitions);
        }
    }

    private void startOver(List<TopicPartition> partitions) {
        records.clear();
        consumer.seekToBeginning(partitions);
    }
}
