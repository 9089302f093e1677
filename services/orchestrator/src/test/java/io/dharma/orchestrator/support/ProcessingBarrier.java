package io.dharma.orchestrator.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.dharma.topics.DharmaTopic;
import io.dharma.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    public void awaitHandled(String blueprintId) {
        TopicProbe written = TopicProbe.onStack().uncommitted();
        List<ConsumerRecord<String, byte[]>> inputs = INPUTS.stream()
                .flatMap(topic -> written.readAllRaw(topic.topicName()).stream())
                .toList();
        written.awaitConsumed(consumerGroup, inputs, TIMEOUT);
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> db.fetchCount(DSL.table("platform.outbox"),
                DSL.field("record_key").eq(blueprintId), DSL.field("published_at").isNull(), DSL.field("failed_at").isNull()) == 0);
    }
}
