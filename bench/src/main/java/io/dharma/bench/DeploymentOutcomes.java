package io.dharma.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.dharma.events.DeploymentAwaitingApproval;
import io.dharma.events.DeploymentBlocked;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentFailed;
import io.dharma.events.DeploymentRejected;
import io.dharma.events.DeploymentRequested;
import io.dharma.events.DeploymentSucceeded;
import io.dharma.topics.DharmaTopicNames;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How each submission's deployment ended, by tracking id, and when this consumer saw it: reads
 * {@value DharmaTopicNames#DEPLOYMENTS} as a downstream team would (examples/downstream-consumer:
 * a consumer group, read_committed, the generated classes through the registry), so "succeeded"
 * means what it means to them: the DeploymentSucceeded event is committed and readable.
 */
final class DeploymentOutcomes implements AutoCloseable {

    /** How a deployment ended, as far as a submitter is concerned (awaiting approval waits on a person). */
    enum Outcome {
        SUCCEEDED, FAILED, BLOCKED, REJECTED, AWAITING_APPROVAL
    }

    /** @param detail why it did not succeed (the first block reason, the error), else empty */
    record Seen(Outcome outcome, long atNanos, String detail) {
    }

    private final KafkaConsumer<String, DeploymentEvent> consumer;
    private final Map<String, Seen> byTrackingId = new ConcurrentHashMap<>();
    private final Map<String, Long> requestedAt = new ConcurrentHashMap<>();
    private final LongAdder unreadable = new LongAdder();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final Thread poller;

    private DeploymentOutcomes(String bootstrapServers, String registryUrl) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-pipeline-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "io.dharma.serde.AvroDeserializer",
                "schema.registry.url", registryUrl,
                "specific.avro.value.type", DeploymentEvent.class.getName()));
        poller = Thread.ofPlatform().name("bench-deployment-outcomes").daemon().unstarted(this::poll);
    }

    /** Starts following the topic; returns once the group has its partitions, so the first outcome is not late by a join. */
    static DeploymentOutcomes follow(String bootstrapServers, String registryUrl) throws InterruptedException {
        DeploymentOutcomes outcomes = new DeploymentOutcomes(bootstrapServers, registryUrl);
        outcomes.poller.start();
        if (!outcomes.assigned.await(60, TimeUnit.SECONDS)) {
            outcomes.close();
            throw new IllegalStateException("no partitions of " + DharmaTopicNames.DEPLOYMENTS + " assigned within 60 s");
        }
        return outcomes;
    }

    /** How the deployment of the submission with this tracking id ended; null while it has not. */
    Seen get(String trackingId) {
        return byTrackingId.get(trackingId);
    }

    /** When the orchestrator's DeploymentRequested for this submission was seen (nanoTime); null if not (yet). */
    Long requestedAt(String trackingId) {
        return requestedAt.get(trackingId);
    }

    /** Successes seen (of any submission) with {@code from <= atNanos < to}. */
    long succeededBetween(long from, long to) {
        return byTrackingId.values().stream()
                .filter(seen -> seen.outcome() == Outcome.SUCCEEDED && seen.atNanos() >= from && seen.atNanos() < to)
                .count();
    }

    long unreadable() {
        return unreadable.sum();
    }

    private void poll() {
        consumer.subscribe(List.of(DharmaTopicNames.DEPLOYMENTS), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                assigned.countDown();
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            }
        });
        try {
            while (true) {
                try {
                    for (ConsumerRecord<String, DeploymentEvent> record : consumer.poll(Duration.ofMillis(100))) {
                        record(record.value(), System.nanoTime());
                    }
                } catch (RecordDeserializationException e) {
                    unreadable.increment();
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
        } catch (WakeupException e) {
            // close() was called
        } finally {
            consumer.close();
        }
    }

    private void record(DeploymentEvent event, long now) {
        if (event.getPayload() instanceof DeploymentRequested) {
            requestedAt.putIfAbsent(event.getEnvelope().getTrackingId(), now);
        }
        Seen seen = switch (event.getPayload()) {
            case DeploymentSucceeded ignored -> new Seen(Outcome.SUCCEEDED, now, "");
            case DeploymentFailed failed -> new Seen(Outcome.FAILED, now, failed.getError());
            case DeploymentBlocked blocked -> new Seen(Outcome.BLOCKED, now, blocked.getReasons().isEmpty() ? ""
                    : blocked.getReasons().getFirst().getKind() + ": " + blocked.getReasons().getFirst().getMessage());
            case DeploymentRejected rejected -> new Seen(Outcome.REJECTED, now, Objects.toString(rejected.getComment(), ""));
            case DeploymentAwaitingApproval waiting -> new Seen(Outcome.AWAITING_APPROVAL, now, waiting.getReason());
            default -> null;
        };
        if (seen != null) {
            // The first end counts: a redelivered or later event does not move the time.
            byTrackingId.putIfAbsent(event.getEnvelope().getTrackingId(), seen);
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        poller.join(Duration.ofSeconds(10));
    }
}
