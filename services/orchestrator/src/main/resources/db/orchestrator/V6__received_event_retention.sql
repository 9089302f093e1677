-- Received events are purged once older than dharma.housekeeping.retention.received-events
-- (RetentionPurge, platform/kafka): it finds them by received_at.
CREATE INDEX received_event_received_at_idx ON received_event (received_at);
