package io.dharma.notifier.target;

import io.dharma.notifier.store.ClaimedDelivery;
import io.dharma.notifier.store.TargetKind;

/** Sends one delivery to one kind of target, rendering the stored CloudEvent as the target wants it. */
public interface NotificationTarget {

    TargetKind kind();

    /** @param secret the subscription's decrypted secret, or null when it has none */
    SendResult send(ClaimedDelivery delivery, String secret);
}
