package io.dharma.orchestrator.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.dharma.testing.EmbeddedStack;
import io.dharma.topics.DharmaTopic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What a test waits for before it asserts that something did <em>not</em> happen, instead of
 * sleeping: the orchestrator's consumer group has committed past everything published to its four
 * input topics so far and the outbox holds no unpublished row of the blueprint. Whatever the inputs
 * caused is then committed on the deployments topic, where a {@link DeploymentTopic} read sees it.
 */
public final class ProcessingBarrier {

    private static final List<DharmaTopic<?>> INPUTS = List.of(DharmaTopic.BLUEPRINTS, DharmaTopic.IAC,
            DharmaTopic.GUARDRAILS, DharmaTopic.COSTS);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final DSLContext db;
    private final String consumerGroup;

    public ProcessingBarrier(DSLContext db, String consumerGroup) {
        this.db = db;
        this.consumerGroup = consumerGroup;
    }

    /** Returns once every input published so far has been handled and its outputs published. */
    public void awaitHandled(String blueprintId) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.get().bootstrapServers()))) {
            Map<TopicPartition, Long> inputEnds = ends(admin, INPUTS, IsolationLevel.READ_UNCOMMITTED);
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> caughtUp(committed(admin), inputEnds));
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> db.fetchCount(DSL.table("platform.outbox"),
                    DSL.field("record_key").eq(blueprintId), DSL.field("published_at").isNull(), DSL.field("failed_at").isNull()) == 0);
        }
    }

    private static boolean caughtUp(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0 || committed.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    private Map<TopicPartition, Long> committed(Admin admin) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(consumerGroup)
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(entry -> entry.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static Map<TopicPartition, Long> ends(Admin admin, List<DharmaTopic<?>> topics, IsolationLevel isolation)
            throws ExecutionException, InterruptedException {
        List<String> names = topics.stream().map(DharmaTopic::topicName).toList();
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(names).allTopicNames().get().values().stream()
                .flatMap(description -> description.partitions().stream()
                        .map(partition -> new TopicPartition(description.name(), partition.partition())))
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        return admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }
}
