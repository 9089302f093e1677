package io.dharma.operations;

import java.time.Instant;

/**
 * One event of a blueprint's timeline.
 *
 * @param time      the envelope's occurredAt (when the fact happened); the record timestamp for an undecodable record
 * @param eventType the payload's record name for topics with a payload union (DeploymentSucceeded,
 *                  IacGenerated, DriftDetected, ...), else the value's record name; {@code UNDECODABLE} if unreadable
 * @param summary   the event's main facts on one line
 */
public record AuditEntry(Instant time, String topic, int partition, long offset, String eventType, String eventId,
                         String causationId, Integer version, String trackingId, String deploymentId,
                         String tenantId, String summary) {
}
