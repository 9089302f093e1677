package io.dharma.streams.query;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import io.dharma.streams.views.TrackingView;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every committed change of every tracking, as it happens, for the live event streams of this
 * instance. Reads the tracking store's changelog (all partitions, from its end, read_committed,
 * no consumer group), so a client connected to any instance sees changes of keys hosted anywhere.
 */
public final class TrackingChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TrackingChangeFeed.class);

    private final String changelogTopic;
    private final Map<String, Object> consumerConfig;
    private final Deserializer<TrackingView> values;
    private final Map<String, Set<Consumer<TrackingView>>> subscribers = new ConcurrentHashMap<>();
    private volatile KafkaConsumer<String, TrackingView> consumer;
    private volatile Thread poller;

    /** @param consumerConfig client settings (bootstrap servers, security) */
    public TrackingChangeFeed(String changelogTopic, Map<String, Object> consumerConfig, Deserializer<TrackingView> values) {
        this.changelogTopic = changelogTopic;
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.values = values;
    }

    /** Calls {@code subscriber} with each later change of {@code trackingId}; close the result to stop. */
    public AutoCloseable subscribe(String trackingId, Consumer<TrackingView> subscriber) {
        subscribers.computeIfAbsent(trackingId, id -> new CopyOnWriteArraySet<>()).add(subscriber);
        return () -> subscribers.computeIfPresent(trackingId, (id, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public synchronized void start() {
        Properties config = new Properties();
        config.putAll(consumerConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        poller = Thread.ofPlatform().daemon().name("tracking-change-feed").start(this::run);
    }

    private void run() {
        try {
            assignAllPartitionsAtEnd();
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, TrackingView> record : consumer.poll(Duration.ofMillis(500))) {
                    deliver(record.key(), record.value());
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("tracking change feed stopped; live tracking events are unavailable", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** The changelog is created by Kafka Streams on its first start: wait for it. */
    private void assignAllPartitionsAtEnd() {
        List<TopicPartition> partitions = List.of();
        while (partitions.isEmpty()) {
            try {
                partitions = consumer.partitionsFor(changelogTopic, Duration.ofSeconds(5)).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            } catch (TimeoutException e) {
                partitions = List.of();
            }
            if (partitions.isEmpty()) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WakeupException();
                }
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
    }

    private void deliver(String trackingId, TrackingView view) {
        Set<Consumer<TrackingView>> listening = trackingId == null || view == null ? null : subscribers.get(trackingId);
        if (listening == null) {
            return;
        }
        for (Consumer<TrackingView> subscriber : listening) {
            try {
                subscriber.accept(view);
            } catch (RuntimeException e) {
                log.warn("a tracking subscriber failed: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void stop() {
        KafkaConsumer<String, TrackingView> running = consumer;
        if (running != null) {
            running.wakeup();
        }
        if (poller != null) {
            try {
                poller.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        consumer = null;
        poller = null;
    }

    @Override
    public boolean isRunning() {
        return consumer != null;
    }
}
