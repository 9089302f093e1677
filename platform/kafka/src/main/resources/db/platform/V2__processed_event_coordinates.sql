-- The marker is now written just before the Kafka transaction commits (ADR 0005), so it may
-- outlive an aborted transaction. It carries the record it was written for, so a redelivery of
-- that same record (transaction aborted) is told apart from a duplicate (another record with the
-- same eventId), and whether the Kafka transaction was seen to commit.
alter table platform.processed_event
    add column topic           text,
    add column kafka_partition integer,
    add column kafka_offset    bigint,
    add column committed       boolean not null default true;
