package io.dharma.operations;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.support.KafkaHeaders;

import io.dharma.kafka.processing.DeadLetterHandling;
import io.dharma.kafka.processing.EnvelopeAccess;
import io.dharma.topics.DharmaTopic;

/**
 * Dead letters for operators: lists a topic's DLT with the failure the platform recorded in each
 * record's headers, and redrives chosen ones to the topic they came from.
 *
 * <p>A redrive writes the dead letter's key and value bytes unchanged (a value the platform
 * re-serialized keeps a schema id any consumer resolves) to its original topic and partition, with
 * its original headers and {@value #REDRIVEN_FROM_HEADER}; the dead letter stays where it is (the
 * DLT keeps history). Redriving is idempotent: consumers deduplicate on the event's eventId, so a
 * record redriven twice, or one that was meanwhile processed, has its effect once. A dead letter
 * without an eventId (bytes that could not be read) is redriven only when chosen by its offset: it
 * would most likely be dead-lettered again.
 */
public final class DeadLetters {

    /** Header on a redriven record: the DLT coordinates it was copied from, {@code <dlt>-<partition>@<offset>}. */
    public static final String REDRIVEN_FROM_HEADER = "dharma-redriven-from";

    /**
     * One dead letter.
     *
     * @param eventId           the event's envelope eventId; null when the value cannot be read
     * @param originalPartition the partition it was consumed from; -1 when the header is missing
     * @param originalOffset    the offset it had there; -1 when the header is missing
     * @param reason            the one-line {@code dharma-dlt-reason}
     * @param exception         the failure's exception class ({@code kafka_dlt-exception-fqcn}, or its
 *                          {@code -cause-fqcn} when the former is Spring's listener wrapper)
     */
    public record DeadLetter(String topic, int partition, long offset, String key, String eventId,
                             String originalTopic, int originalPartition, long originalOffset,
                             String consumerGroup, String reason, String exception) {
    }

    /**
     * Which dead letters to redrive: all (with an eventId), or those with one of {@code eventIds}, or
     * at one of {@code offsets} ({@code <partition>:<offset>} in the DLT, as listed).
     */
    public record Selection(boolean all, Set<String> eventIds, Set<String> offsets) {

        public Selection {
            eventIds = Set.copyOf(eventIds);
            offsets = Set.copyOf(offsets);
            if (!all && eventIds.isEmpty() && offsets.isEmpty()) {
                throw new OperationException("Choose the dead letters to redrive: --all, --event-id or --offset");
            }
        }

        boolean selects(DeadLetter letter) {
            if (offsets.contains(letter.partition() + ":" + letter.offset())) {
                return true;
            }
            return letter.eventId() != null && (all || eventIds.contains(letter.eventId()));
        }
    }

    /** What a redrive did: how many dead letters it read, and those it wrote back to their topic. */
    public record Redrive(int read, List<DeadLetter> redriven) {
    }

    private final ClusterAccess cluster;

    public DeadLetters(ClusterAccess cluster) {
        this.cluster = cluster;
    }

    /** The DLT of {@code topic} ({@code <topic>.dlt}); {@code topic} may name the DLT itself. */
    public static String deadLetterTopic(String topic) {
        return topic.endsWith(DharmaTopic.DEAD_LETTER_SUFFIX) ? topic : topic + DharmaTopic.DEAD_LETTER_SUFFIX;
    }

    /** Every dead letter of {@code topic}'s DLT up to its current end, in offset order per partition. */
    public List<DeadLetter> list(String topic) {
        List<DeadLetter> letters = new ArrayList<>();
        read(topic, (record, letter) -> letters.add(letter));
        return letters;
    }

    /** Writes the selected dead letters of {@code topic}'s DLT back to their original topic. */
    public Redrive redrive(String topic, Selection selection) {
        List<DeadLetter> chosen = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        int[] read = {0};
        read(topic, (record, letter) -> {
            read[0]++;
            if (selection.selects(letter)) {
                chosen.add(letter);
                records.add(record);
            }
        });
        try (KafkaProducer<String, byte[]> producer = cluster.rawProducer()) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                sends.add(producer.send(redriveRecord(records.get(i), chosen.get(i))));
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                await(send);
            }
        }
        return new Redrive(read[0], List.copyOf(chosen));
    }

    /** Hands each record of {@code topic}'s DLT, up to its current end, with its description to {@code each}. */
    private void read(String topic, BiConsumer<ConsumerRecord<String, byte[]>, DeadLetter> each) {
        String dlt = deadLetterTopic(topic);
        try (KafkaConsumer<String, byte[]> consumer = cluster.readOnlyConsumer();
                RecordDecoder decoder = new RecordDecoder(cluster)) {
            TopicOffsets offsets = new TopicOffsets(consumer, cluster);
            List<TopicPartition> partitions = offsets.partitions(dlt);
            var start = offsets.beginning(partitions);
            var end = offsets.end(partitions);
            List<PartitionRange> ranges = partitions.stream()
                    .map(p -> new PartitionRange(p, start.get(p), end.get(p)))
                    .toList();
            new PartitionRangeReader(consumer, cluster.timeout().multipliedBy(3))
                    .read(ranges, record -> each.accept(record, describe(record, decoder)), (done, total) -> { });
        }
    }

    private static ProducerRecord<String, byte[]> redriveRecord(ConsumerRecord<String, byte[]> record, DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(KafkaHeaders.PREFIX + "dlt-") && !header.key().equals(DeadLetterHandling.REASON_HEADER)
                    && !header.key().equals(REDRIVEN_FROM_HEADER)) {
                headers.add(header);
            }
        }
        headers.add(new RecordHeader(REDRIVEN_FROM_HEADER,
                (record.topic() + "-" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8)));
        Integer partition = letter.originalPartition() >= 0 ? letter.originalPartition() : null;
        return new ProducerRecord<>(letter.originalTopic(), partition, record.key(), record.value(), headers);
    }

    private static DeadLetter describe(ConsumerRecord<String, byte[]> record, RecordDecoder decoder) {
        RecordDecoder.Decoded decoded = record.value() == null ? null : decoder.decode(record);
        String eventId = decoded == null || !decoded.ok() ? null : EnvelopeAccess.text(EnvelopeAccess.envelopeRecordOf(decoded.value()).orElse(null), "eventId");
        String originalTopic = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (originalTopic == null) {
            originalTopic = record.topic().substring(0, record.topic().length() - DharmaTopic.DEAD_LETTER_SUFFIX.length());
        }
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(), eventId, originalTopic,
                (int) number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION), number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP), text(record, DeadLetterHandling.REASON_HEADER),
                exception(record));
    }

    /** The failure's class; the listener wrapper Spring Kafka records is skipped for its cause. */
    private static String exception(ConsumerRecord<?, ?> record) {
        String exception = text(record, KafkaHeaders.DLT_EXCEPTION_FQCN);
        String cause = text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        return cause != null && (exception == null || exception.endsWith(".ListenerExecutionFailedException")) ? cause : exception;
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Spring Kafka writes the original partition as a 4-byte and the offset as an 8-byte big-endian number. */
    private static long number(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return -1;
        }
        byte[] bytes = header.value();
        return switch (bytes.length) {
            case Integer.BYTES -> ByteBuffer.wrap(bytes).getInt();
            case Long.BYTES -> ByteBuffer.wrap(bytes).getLong();
            default -> -1;
        };
    }

    private void await(Future<RecordMetadata> send) {
        try {
            send.get(cluster.timeout().toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw cluster.unreachable("redriving dead letters", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationException("Interrupted while redriving dead letters", e);
        } catch (ExecutionException e) {
            throw new OperationException("Kafka refused a redriven record: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
