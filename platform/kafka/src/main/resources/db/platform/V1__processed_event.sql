-- Input events a consumer group has fully processed (its outputs and offset committed in Kafka).
-- A record whose envelope eventId is listed for the group is skipped: the idempotency key is
-- the eventId, not the Kafka offset, so a re-published duplicate is recognised too.
create table platform.processed_event (
    consumer_group text        not null,
    event_id       uuid        not null,
    processed_at   timestamptz not null default now(),
    primary key (consumer_group, event_id)
);

-- For purging entries older than the longest possible replay window.
create index processed_event_processed_at on platform.processed_event (processed_at);
