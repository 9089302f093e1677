package io.dharma.kafka.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row the relay set aside because Kafka refuses it for good.
 *
 * @param id       the row's id in {@code platform.outbox}
 * @param topic    where it was to be published
 * @param key      its record key
 * @param eventId  the envelope's eventId, if the value has an envelope
 * @param failedAt when the relay set it aside
 * @param reason   what Kafka answered (the exception, one line)
 */
public record SetAsideRow(long id, String topic, String key, UUID eventId, Instant failedAt, String reason) {
}
