package io.dharma.orchestrator.support;

import io.dharma.events.DeploymentEvent;
import io.dharma.kafka.topics.DharmaTopic;
import io.dharma.serde.AvroDeserializer;
import io.dharma.testing.EmbeddedStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads dharma.deployments.v1 as a downstream team would (plain consumer, read_committed, from
 * the beginning), in the background for the whole test JVM, and keeps every event by blueprintId
 * in topic order, duplicates included.
 */
public final class DeploymentTopic {

    private static DeploymentTopic instance;

    private final Map<String, List<DeploymentEvent>> byBlueprint = new ConcurrentHashMap<>();

    private DeploymentTopic() {
    }

    public static synchronized DeploymentTopic get() {
        if (instance == null) {
            EmbeddedStack.get();   // on the caller's thread: a stack that fails to start fails the test, loudly
            DeploymentTopic topic = new DeploymentTopic();
            Thread.ofPlatform().name("test-deployment-topic").daemon().start(topic::consume);
            instance = topic;
        }
        return instance;
    }

    public List<DeploymentEvent> events(String blueprintId) {
        return List.copyOf(byBlueprint.getOrDefault(blueprintId, List.of()));
    }

    /** The blueprint's events once {@code until} holds for them; fails after {@code timeout}. */
    public List<DeploymentEvent> await(String blueprintId, Predicate<List<DeploymentEvent>> until, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<DeploymentEvent> events = events(blueprintId);
            if (until.test(events)) {
                return events;
            }
            sleep(50);
        }
        throw new AssertionError("timed out waiting for deployment events of " + blueprintId + "; got "
                + Events.kinds(events(blueprintId)));
    }

    /** Waits for an event of {@code kind} of the deployment; the blueprint's events up to then. */
    public List<DeploymentEvent> awaitKind(String blueprintId, String deploymentId, Class<?> kind) {
        return await(blueprintId, events -> events.stream().anyMatch(
                e -> e.getDeploymentId().equals(deploymentId) && kind.isInstance(e.getPayload())), Duration.ofSeconds(60));
    }

    private void consume() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class,
                "schema.registry.url", EmbeddedStack.get().registryUrl(),
                "specific.avro.reader", true);
        try (KafkaConsumer<String, DeploymentEvent> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions;
            while (true) {
                var infos = consumer.partitionsFor(DharmaTopic.DEPLOYMENTS.topicName());
                if (infos != null && !infos.isEmpty()) {
                    partitions = infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                    break;
                }
                sleep(200);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (true) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> byBlueprint
                        .computeIfAbsent(record.key(), key -> new CopyOnWriteArrayList<>())
                        .add(record.value()));
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
