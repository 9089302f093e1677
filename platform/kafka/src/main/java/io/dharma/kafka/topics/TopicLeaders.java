package io.dharma.kafka.topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Waits, before any listener or relay starts, until every catalogue partition answers as led by
 * a broker. A partition just created is listed in metadata with its leader a moment before that
 * broker serves it; an idempotent producer writing in that moment gets NOT_LEADER_OR_FOLLOWER and
 * can then fail its later batches out of sequence. A ListOffsets request is answered only by a
 * serving leader (the admin client retries the others), so its success is the readiness to wait
 * for. Gives up with a warning after {@code timeout}: producers retry on their own then.
 */
public final class TopicLeaders implements SmartLifecycle {

    /** Before the listener containers ({@code Integer.MAX_VALUE - 100}) and the outbox relays. */
    static final int PHASE = Integer.MIN_VALUE + 1000;

    private static final Logger log = LoggerFactory.getLogger(TopicLeaders.class);

    private final KafkaAdmin admin;
    private final TopicCatalogue catalogue;
    private final Duration timeout;
    private volatile boolean running;

    public TopicLeaders(KafkaAdmin admin, TopicCatalogue catalogue, Duration timeout) {
        this.admin = admin;
        this.catalogue = catalogue;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        running = true;
        Map<String, Object> config = new HashMap<>(admin.getConfigurationProperties());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        List<String> topics = catalogue.topics().stream().map(TopicSpec::name).toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin client = Admin.create(config)) {
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            for (TopicDescription description : client.describeTopics(topics).allTopicNames()
                    .get(remaining(deadline), TimeUnit.NANOSECONDS).values()) {
                description.partitions().forEach(p ->
                        partitions.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
            }
            client.listOffsets(partitions).all().get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("Not every topic partition answered as led within {}; producers will retry: {}", timeout, e.toString());
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
