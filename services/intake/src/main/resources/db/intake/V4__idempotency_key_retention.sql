-- Idempotency keys are purged once older than dharma.housekeeping.retention.idempotency-keys
-- (RetentionPurge, platform/kafka): it finds them by created_at.
CREATE INDEX idempotency_key_created_at_idx ON idempotency_key (created_at);
