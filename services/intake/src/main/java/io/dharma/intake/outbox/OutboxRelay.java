package io.dharma.intake.outbox;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.intake.IntakeProperties;
import io.dharma.kafka.topics.DharmaTopic;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to {@code dharma.blueprints.v1} in outbox order, in batches, with an
 * idempotent producer, then marks them published in the same database transaction. A crash
 * between the send and the commit re-sends the batch on restart; consumers deduplicate on eventId.
 * A batch stops at the first failed send, so a later version of a blueprint is never marked
 * published ahead of an earlier one. While Kafka or the registry fails, it retries with
 * exponential backoff. One relay works at a time across instances (an advisory lock).
 */
public class OutboxRelay implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final Producer<String, BlueprintSubmitted> producer;
    private final TransactionTemplate transactions;
    private final OutboxSignal signal;
    private final IntakeProperties.Relay settings;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(OutboxStore store, Producer<String, BlueprintSubmitted> producer,
            TransactionTemplate transactions, OutboxSignal signal, IntakeProperties.Relay settings) {
        this.store = store;
        this.producer = producer;
        this.transactions = transactions;
        this.signal = signal;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    /** The producer lives as long as the relay bean; stop() and start() may alternate before that. */
    @Override
    public void destroy() {
        stop();
        producer.close(Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server (default phase) has stopped taking submissions, before the database goes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                Batch batch = transactions.execute(status -> publishBatch());
                if (batch.failure() != null) {
                    throw batch.failure();
                }
                backoff = Duration.ZERO;
                if (batch.published() < settings.batchSize()) {
                    signal.await(settings.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                backoff = nextBackoff(backoff);
                log.warn("outbox relay failed, retrying in {}: {}", backoff, e.toString());
                if (!sleep(backoff)) {
                    return;
                }
            }
        }
    }

    private Batch publishBatch() {
        if (!store.tryLockRelay()) {
            return new Batch(0, null);
        }
        List<PendingEvent> pending = store.pending(settings.batchSize());
        List<Future<RecordMetadata>> sends = new ArrayList<>(pending.size());
        Exception failure = null;
        try {
            for (PendingEvent row : pending) {
                BlueprintSubmitted event = BlueprintSubmittedEvents.of(row);
                sends.add(producer.send(new ProducerRecord<>(
                        DharmaTopic.BLUEPRINTS.topicName(), row.blueprintId().toString(), event)));
            }
        } catch (RuntimeException e) {
            failure = e; // e.g. the registry is unreachable: send the prefix that was handed over
        }
        producer.flush();
        List<Long> published = new ArrayList<>(sends.size());
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get();
                published.add(pending.get(i).outboxId());
            } catch (ExecutionException e) {
                failure = failure == null ? e : failure;
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                break;
            }
        }
        store.markPublished(published, OffsetDateTime.now(ZoneOffset.UTC));
        return new Batch(published.size(), failure);
    }

    private Duration nextBackoff(Duration current) {
        Duration next = current.isZero() ? Duration.ofMillis(200) : current.multipliedBy(2);
        return next.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : next;
    }

    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Batch(int published, Exception failure) {
    }
}
