-- A tenant's subscriptions: which notifications go to which target. The target's secret (the
-- webhook signing secret, a Jira or ServiceNow credential) is stored only encrypted (AES-GCM).
create table subscription (
    id                uuid        primary key,
    tenant_id         text        not null,
    target            text        not null,
    url               text        not null,
    events            text[]      not null,
    blueprint_ids     text[],
    environments      text[],
    options           text        not null default '{}',
    secret_ciphertext bytea,
    created_by        text        not null,
    created_at        timestamptz not null
);
create index subscription_tenant on subscription (tenant_id, created_at);

-- What the notifier knows of a blueprint from dharma.blueprints.v1 (names and environments for
-- filters and messages), as no deployment or drift event carries them.
create table blueprint (
    blueprint_id text primary key,
    tenant_id    text not null,
    name         text not null,
    environment  text not null
);

-- One row per subscription and event: written by the listener in its transaction (the key makes a
-- redelivered event a no-op), sent and retried by the delivery workers.
create table delivery (
    subscription_id  uuid        not null references subscription (id) on delete cascade,
    event_id         uuid        not null,
    tenant_id        text        not null,
    event_type       text        not null,
    cloud_event      text        not null,
    status           text        not null,
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    last_status_code int,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    primary key (subscription_id, event_id)
);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_log on delivery (subscription_id, created_at desc);
