-- The platform outbox: events encoded exactly as they will be on Kafka (Confluent wire format),
-- written in the same database transaction as the change they report; OutboxRelay publishes
-- them in id order. A row Kafka refuses for good (too large, unknown topic) is marked failed with
-- the reason and skipped, so it never holds back the rows behind it.
create table platform.outbox (
    id            bigserial   primary key,
    topic         text        not null,
    record_key    text,
    record_value  bytea       not null,
    headers       jsonb       not null default '{}',
    created_at    timestamptz not null default now(),
    published_at  timestamptz,
    failed_at     timestamptz,
    failure       text
);

create index outbox_pending on platform.outbox (id) where published_at is null and failed_at is null;
