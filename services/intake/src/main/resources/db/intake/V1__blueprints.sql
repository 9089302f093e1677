-- A blueprint is identified per tenant by its name; each submission adds a version.
CREATE TABLE blueprint (
    id              UUID         NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(128) NOT NULL,
    name            VARCHAR(63)  NOT NULL,
    latest_version  INTEGER      NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT blueprint_tenant_name_key UNIQUE (tenant_id, name)
);

-- One accepted submission: the document exactly as sent, its canonical form and hash.
CREATE TABLE blueprint_version (
    blueprint_id    UUID         NOT NULL REFERENCES blueprint (id),
    version         INTEGER      NOT NULL,
    tracking_id     UUID         NOT NULL,
    document        TEXT         NOT NULL,
    media_type      VARCHAR(255) NOT NULL,
    canonical_json  TEXT         NOT NULL,
    content_hash    VARCHAR(71)  NOT NULL,
    submitted_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT blueprint_version_pkey PRIMARY KEY (blueprint_id, version),
    CONSTRAINT blueprint_version_tracking_id_key UNIQUE (tracking_id)
);

-- Idempotency-Key of a submission that was accepted, with a hash of the request it came with.
CREATE TABLE idempotency_key (
    tenant_id       VARCHAR(128) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    tracking_id     UUID         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT idempotency_key_pkey PRIMARY KEY (tenant_id, idempotency_key)
);

-- Events to publish, written in the submission's transaction. Rows of one blueprint are
-- inserted while its blueprint row is locked, so their ids follow commit order. published_at
-- is also the tracking status: null = ACCEPTED, set = PUBLISHED.
CREATE TABLE outbox (
    id              BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        UUID         NOT NULL,
    blueprint_id    UUID         NOT NULL,
    version         INTEGER      NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    published_at    TIMESTAMPTZ,
    CONSTRAINT outbox_event_id_key UNIQUE (event_id),
    CONSTRAINT outbox_version_fkey FOREIGN KEY (blueprint_id, version) REFERENCES blueprint_version (blueprint_id, version)
);

CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL;
CREATE INDEX outbox_version_idx ON outbox (blueprint_id, version);
