package io.dharma.notifier.events;

import java.util.UUID;

/**
 * A notification, decided when its event is consumed: its kind (what subscriptions filter on),
 * the blueprint it is about, and the CloudEvent (structured JSON) every target renders from.
 */
public record Notification(NotificationKind kind, UUID eventId, String tenantId, String blueprintId, String environment,
        String cloudEvent) {
}
