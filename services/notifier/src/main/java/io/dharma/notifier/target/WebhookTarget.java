package io.dharma.notifier.target;

import io.dharma.notifier.security.WebhookSignature;
import io.dharma.notifier.store.ClaimedDelivery;
import io.dharma.notifier.store.TargetKind;
import java.net.http.HttpRequest;
import java.time.Clock;

/**
 * A generic webhook: the CloudEvent in structured mode ({@code application/cloudevents+json}),
 * signed as Standard Webhooks do. {@code webhook-id} is the event id, the same on every retry, so
 * the receiver can drop what it already handled.
 */
public final class WebhookTarget implements NotificationTarget {

    private final TargetCalls calls;
    private final Clock clock;

    public WebhookTarget(TargetCalls calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public TargetKind kind() {
        return TargetKind.WEBHOOK;
    }

    @Override
    public SendResult send(ClaimedDelivery delivery, String secret) {
        String id = delivery.eventId().toString();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = calls.request(delivery.subscription().target().url())
                .header("Content-Type", "application/cloudevents+json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, id, timestamp, delivery.cloudEvent()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.cloudEvent()))
                .build();
        return calls.send(request);
    }
}
