package io.dharma.notifier.delivery;

import io.dharma.kafka.lifecycle.ExponentialBackoff;
import io.dharma.kafka.lifecycle.PollingWorker;
import io.dharma.notifier.NotifierProperties;
import io.dharma.notifier.security.SecretCipher;
import io.dharma.notifier.store.ClaimedDelivery;
import io.dharma.notifier.store.DeliveryStore;
import io.dharma.notifier.store.TargetKind;
import io.dharma.notifier.target.NotificationTarget;
import io.dharma.notifier.target.SendResult;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends pending deliveries. A round claims due rows (pushing each one's next attempt past a lease,
 * so a worker that dies mid-call leaves it to be sent again) and starts one virtual thread per call:
 * the round never waits on a target, so one slow or dead endpoint delays nobody else's
 * notifications, while {@link EndpointGuards} caps what each endpoint can hold. A failed call is
 * retried with exponential backoff until {@code dharma.notifier.delivery.max-attempts}, then it is a
 * dead letter (the delivery log shows it; {@code dharma subscriptions redeliver} sends it again).
 */
public class DeliveryWorker extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    /** How long a delivery waits when its endpoint has no free call slot. */
    private static final Duration BUSY_ENDPOINT_WAIT = Duration.ofMillis(200);

    private final DeliveryStore deliveries;
    private final TransactionTemplate transactions;
    private final Map<TargetKind, NotificationTarget> targets;
    private final EndpointGuards guards;
    private final SecretCipher cipher;
    private final NotifierProperties.Delivery settings;
    private final Clock clock;

    public DeliveryWorker(DeliveryStore deliveries, TransactionTemplate transactions, List<NotificationTarget> targets,
            EndpointGuards guards, SecretCipher cipher, NotifierProperties.Delivery settings, DeliverySignal signal,
            Clock clock) {
        super("notifier-delivery", settings.workers(), signal, settings.pollInterval(),
                ExponentialBackoff.of(Duration.ofMillis(500), 2, Duration.ofSeconds(30)), Stopping.INTERRUPT);
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.targets = targets.stream().collect(Collectors.toMap(NotificationTarget::kind, Function.identity()));
        this.guards = guards;
        this.cipher = cipher;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected boolean poll() {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(settings.timeout().multipliedBy(3)).plusSeconds(5);
        List<ClaimedDelivery> claimed = transactions.execute(status ->
                deliveries.claimDue(settings.batchSize(), now, leaseUntil));
        for (ClaimedDelivery delivery : claimed) {
            dispatch(delivery);
        }
        return claimed.size() == settings.batchSize();
    }

    private void dispatch(ClaimedDelivery delivery) {
        String endpoint = delivery.subscription().target().endpoint();
        CircuitBreaker breaker = guards.breaker(endpoint);
        if (!breaker.tryAcquirePermission()) {
            deliveries.postpone(delivery.subscription().id(), delivery.eventId(),
                    clock.instant().plus(settings.circuitBreaker().openFor()));
            return;
        }
        if (!guards.tryAcquire(endpoint)) {
            breaker.releasePermission();
            deliveries.postpone(delivery.subscription().id(), delivery.eventId(), clock.instant().plus(BUSY_ENDPOINT_WAIT));
            return;
        }
        Thread.ofVirtual().name("notifier-send-" + delivery.eventId()).start(() -> {
            try {
                send(delivery, breaker);
            } catch (RuntimeException e) {
                // The row keeps its lease: it is tried again when the lease ends.
                log.warn("delivery of {} to subscription {} could not be recorded: {}", delivery.eventId(),
                        delivery.subscription().id(), e.toString());
            } finally {
                guards.release(endpoint);
            }
        });
    }

    private void send(ClaimedDelivery delivery, CircuitBreaker breaker) {
        long start = System.nanoTime();
        SendResult result;
        try {
            String secret = delivery.subscription().secretCiphertext() == null ? null
                    : cipher.decrypt(delivery.subscription().id(), delivery.subscription().secretCiphertext());
            result = targets.get(delivery.subscription().target().kind()).send(delivery, secret);
        } catch (RuntimeException e) {
            result = SendResult.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        long elapsed = System.nanoTime() - start;
        int attempts = delivery.attempts() + 1;
        Instant now = clock.instant();
        if (result.delivered()) {
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            deliveries.delivered(delivery.subscription().id(), delivery.eventId(), attempts, result.statusCode(), now);
            return;
        }
        breaker.onError(elapsed, TimeUnit.NANOSECONDS, new IllegalStateException(result.error()));
        Instant next = attempts >= settings.maxAttempts() ? null : now.plus(settings.delay(attempts));
        deliveries.failed(delivery.subscription().id(), delivery.eventId(), attempts, result.statusCode(), result.error(), next);
        log.info("delivery of {} to subscription {} ({}) failed, attempt {} of {}: {}{}", delivery.eventId(),
                delivery.subscription().id(), delivery.subscription().target().endpoint(), attempts, settings.maxAttempts(),
                result.error(), next == null ? "; now a dead letter" : "; next attempt at " + next);
    }
}
