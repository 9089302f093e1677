package io.dharma.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import io.dharma.blueprint.Blueprint;
import io.dharma.serde.AvroSerializer;
import io.dharma.streams.views.TrackingStatus;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * Fills the state stores: publishes the lifecycles of {@code deployments} deployed blueprints,
 * spread round-robin over {@code tenants} tenants, to the real topics, then waits until the
 * streams application has consumed them all and checks that the API shows all of them (every
 * tenant's summary counts its SUCCEEDED blueprints and every tenant's deployment list is complete).
 */
final class StatePopulation {

    private static final int LIST_PAGE = 500;

    private final StreamsCluster cluster;
    private final QueryClient client;

    StatePopulation(StreamsCluster cluster, QueryClient client) {
        this.cluster = cluster;
        this.client = client;
    }

    /** What was published, and how long publishing and folding took (both from the first send). */
    record Populated(List<SyntheticLifecycle> lifecycles, List<String> tenants, long events,
            Duration published, Duration folded) {
    }

    Populated populate(int deployments, int tenantCount, Blueprint blueprint, String document, Duration timeout)
            throws Exception {
        List<String> tenants = new ArrayList<>();
        for (int t = 0; t < tenantCount; t++) {
            tenants.add("bench-t%03d".formatted(t));
        }
        List<SyntheticLifecycle> lifecycles = new ArrayList<>(deployments);
        for (int i = 0; i < deployments; i++) {
            lifecycles.add(SyntheticLifecycle.random(tenants.get(i % tenantCount)));
        }
        long start = System.nanoTime();
        long events = publish(lifecycles, blueprint, document);
        Duration published = Duration.ofNanos(System.nanoTime() - start);
        long folded = awaitFolded(tenants, deployments, start + timeout.toNanos());
        return new Populated(lifecycles, tenants, events, published, Duration.ofNanos(folded - start));
    }

    private long publish(List<SyntheticLifecycle> lifecycles, Blueprint blueprint, String document) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class);
        config.put("schema.registry.url", cluster.registryUrl());
        long events = 0;
        Instant now = Instant.now();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config)) {
            for (SyntheticLifecycle lifecycle : lifecycles) {
                for (SyntheticLifecycle.Published event : lifecycle.events(blueprint, document, now)) {
                    producer.send(new ProducerRecord<>(event.topic(), lifecycle.blueprintId(), event.event()),
                            (metadata, error) -> {
                                if (error != null) {
                                    failure.compareAndSet(null, error);
                                }
                            });
                    events++;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("publishing the lifecycles failed", failure.get());
        }
        return events;
    }

    /**
     * Waits until the streams application has consumed everything, then checks once that the API
     * shows every deployment. It does not poll the API while the stores are being written:
     * kafka-streams 4.2.2 can deadlock an interactive query against a concurrent write to the same
     * RocksDB store (KAFKA-19629: RocksDBStore.put locks the store then its Position, IQv2
     * query the Position then the store); polling the summary while populating hung this bench.
     *
     * @return when ({@link System#nanoTime()}) the application had consumed everything
     */
    private long awaitFolded(List<String> tenants, int deployments, long deadlineNanos) throws Exception {
        long caughtUpAt;
        try (ConsumedOffsets consumed = new ConsumedOffsets(cluster.bootstrapServers(), cluster.applicationId())) {
            long previous = -1;
            long previousAt = 0;
            while (true) {
                long now = System.nanoTime();
                long committed = consumed.committedWhenCaughtUp();
                if (committed >= 0 && committed == previous) {
                    caughtUpAt = previousAt; // caught up then, and nothing moved since
                    break;
                }
                previous = committed;
                previousAt = now;
                if (System.nanoTime() > deadlineNanos) {
                    throw new IllegalStateException("the streams application has not consumed every event before the timeout");
                }
                Thread.sleep(1000);
            }
        }
        long deployed = deployedBlueprints(tenants);
        long listed = listedDeployments(tenants);
        if (deployed != deployments || listed != deployments) {
            throw new IllegalStateException("the streams application consumed every event but the API shows "
                    + deployed + " deployed blueprints and lists " + listed + " deployments, of " + deployments);
        }
        return caughtUpAt;
    }

    /** Sum over the tenants' summaries of blueprints whose status is SUCCEEDED (0 for a tenant that answers 503). */
    private long deployedBlueprints(List<String> tenants) throws InterruptedException {
        long deployed = 0;
        for (String tenant : tenants) {
            QueryClient.Answer summary = get(cluster.baseUrl(0) + "/api/v1/summary", tenant);
            if (summary.ok()) {
                JsonNode count = summary.json().path("blueprintsByStatus").get(TrackingStatus.SUCCEEDED.name());
                deployed += count == null ? 0 : count.asLong();
            }
        }
        return deployed;
    }

    /** Every tenant's deployments, paged through; -1 when a page is not answered with 200. */
    private long listedDeployments(List<String> tenants) throws InterruptedException {
        long listed = 0;
        for (String tenant : tenants) {
            String cursor = null;
            do {
                String url = cluster.baseUrl(0) + "/api/v1/deployments?limit=" + LIST_PAGE
                        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                QueryClient.Answer page = get(url, tenant);
                if (!page.ok()) {
                    return -1;
                }
                listed += page.json().path("items").size();
                cursor = page.field("nextCursor");
            } while (cursor != null);
        }
        return listed;
    }

    private QueryClient.Answer get(String url, String tenant) throws InterruptedException {
        try {
            return client.get(url, tenant);
        } catch (IOException e) {
            return new QueryClient.Answer(-1, null);
        }
    }
}
