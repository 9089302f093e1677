-- The orchestrator's durable state (ADR 0009). Every transaction that changes a blueprint's
-- versions or deployments, or writes an outbox event for it, first locks its blueprint row
-- (SELECT ... FOR UPDATE). That serialises the four input listeners, the HTTP commands and the
-- deployment workers per blueprint, and makes outbox ids of one blueprint follow commit order.
CREATE TABLE blueprint (
    blueprint_id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    tenant_id                VARCHAR(128) NOT NULL,
    -- Highest version seen on any input topic: a version below it never starts a deployment.
    latest_version           INTEGER      NOT NULL,
    -- A destroy was requested when this was the latest version: versions up to it never deploy.
    destroyed_through        INTEGER      NOT NULL DEFAULT 0,
    created_at               TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL
);

-- The join of one blueprint version: its submission and the three verdicts, in any order.
-- state: JOINING (inputs missing), DECIDED (a deployment was opened), SUPERSEDED (a newer
-- version or a destroy came first; it also has a deployment, ended as superseded).
CREATE TABLE blueprint_version (
    blueprint_id             VARCHAR(64)  NOT NULL REFERENCES blueprint (blueprint_id),
    version                  INTEGER      NOT NULL,
    tenant_id                VARCHAR(128) NOT NULL,
    tracking_id              VARCHAR(64)  NOT NULL,
    state                    VARCHAR(16)  NOT NULL,
    submitted_event_id       UUID,
    blueprint_name           VARCHAR(63),
    environment              VARCHAR(16),
    approval                 VARCHAR(16),
    cloud                    VARCHAR(16),
    region                   VARCHAR(64),
    budget_monthly           NUMERIC(20, 4),
    -- io.dharma.blueprint.Blueprint#canonicalJson of the submitted version: the desired state.
    blueprint_json           TEXT,
    iac_event_id             UUID,
    iac_generated            BOOLEAN,
    iac_content_hash         VARCHAR(80),
    iac_failure              TEXT,
    guardrails_event_id      UUID,
    guardrails_outcome       VARCHAR(32),
    -- [{"policyId": ..., "message": ...}] of the BLOCK violations.
    guardrails_blocks        JSONB,
    guardrails_warnings      INTEGER,
    cost_event_id            UUID,
    cost_budget_status       VARCHAR(16),
    cost_total_monthly       NUMERIC(20, 4),
    cost_budget              NUMERIC(20, 4),
    cost_currency            VARCHAR(3),
    deployment_id            UUID,
    created_at               TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL,
    CONSTRAINT blueprint_version_pkey PRIMARY KEY (blueprint_id, version)
);

-- Every input event applied to the state, in the transaction that applied it: a redelivered
-- or re-published event finds its id here and changes nothing. Also the audit of late events.
CREATE TABLE received_event (
    event_id                 UUID         NOT NULL PRIMARY KEY,
    topic                    VARCHAR(255) NOT NULL,
    event_type               VARCHAR(64)  NOT NULL,
    blueprint_id             VARCHAR(64)  NOT NULL,
    blueprint_version        INTEGER      NOT NULL,
    received_at              TIMESTAMPTZ  NOT NULL
);

CREATE INDEX received_event_blueprint_idx ON received_event (blueprint_id, blueprint_version);

-- A deployment: one per decided blueprint version (operation APPLY) and one per destroy request.
-- status: BLOCKED, AWAITING_APPROVAL, REJECTED, SUPERSEDED (never executed), REQUESTED, PLANNING,
-- PLANNED, APPLYING (active: the worker runs the oldest active one of each blueprint), SUCCEEDED,
-- FAILED, DESTROYED.
CREATE TABLE deployment (
    deployment_id            UUID         NOT NULL PRIMARY KEY,
    seq                      BIGINT       GENERATED ALWAYS AS IDENTITY,
    tenant_id                VARCHAR(128) NOT NULL,
    blueprint_id             VARCHAR(64)  NOT NULL REFERENCES blueprint (blueprint_id),
    blueprint_version        INTEGER      NOT NULL,
    tracking_id              VARCHAR(64)  NOT NULL,
    operation                VARCHAR(8)   NOT NULL,
    status                   VARCHAR(24)  NOT NULL,
    -- Why it is blocked, awaits approval or was superseded.
    status_reason            TEXT,
    attempt                  INTEGER      NOT NULL DEFAULT 1,
    -- The event the current attempt's worker events react to (their causationId and eventId seed).
    run_cause_event_id       UUID         NOT NULL,
    -- Stack and desired state. blueprint_json is null for a destroy; all four are null for a
    -- version superseded before its submission arrived (it never runs).
    blueprint_name           VARCHAR(63),
    cloud                    VARCHAR(16),
    region                   VARCHAR(64),
    blueprint_json           TEXT,
    iac_content_hash         VARCHAR(80),
    executor                 VARCHAR(64)  NOT NULL,
    requested_by             VARCHAR(255),
    decided_by               VARCHAR(255),
    decision_comment         TEXT,
    plan_to_add              INTEGER,
    plan_to_change           INTEGER,
    plan_to_destroy          INTEGER,
    resources_changed        INTEGER,
    failed_resource          VARCHAR(63),
    error                    TEXT,
    worker                   VARCHAR(255),
    created_at               TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL,
    CONSTRAINT deployment_seq_key UNIQUE (seq)
);

CREATE INDEX deployment_blueprint_idx ON deployment (blueprint_id, seq);
CREATE INDEX deployment_active_idx ON deployment (seq) WHERE status IN ('REQUESTED', 'PLANNING', 'PLANNED', 'APPLYING');

-- The plan of one attempt, change by change, and how far applying it got. A replacement is two
-- changes of one resource (DELETE, then CREATE). state: PENDING, APPLIED, FAILED.
CREATE TABLE deployment_change (
    deployment_id            UUID         NOT NULL REFERENCES deployment (deployment_id),
    attempt                  INTEGER      NOT NULL,
    resource_name            VARCHAR(63)  NOT NULL,
    position                 INTEGER      NOT NULL,
    resource_type            VARCHAR(64)  NOT NULL,
    action                   VARCHAR(8)   NOT NULL,
    state                    VARCHAR(8)   NOT NULL,
    provider_id              TEXT,
    error                    TEXT,
    updated_at               TIMESTAMPTZ  NOT NULL,
    CONSTRAINT deployment_change_pkey PRIMARY KEY (deployment_id, attempt, resource_name, action)
);

-- DeploymentEvents to publish, written in the transaction that made the state change they
-- report. payload is Avro single-object encoding (writer schema fingerprint + binary);
-- outbox_schema keeps every writer schema used, so rows written before an upgrade stay readable.
CREATE TABLE outbox (
    id                       BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id                 UUID         NOT NULL,
    blueprint_id             VARCHAR(64)  NOT NULL,
    deployment_id            UUID         NOT NULL,
    event_type               VARCHAR(64)  NOT NULL,
    payload                  BYTEA        NOT NULL,
    created_at               TIMESTAMPTZ  NOT NULL,
    published_at             TIMESTAMPTZ,
    CONSTRAINT outbox_event_id_key UNIQUE (event_id)
);

CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL;
CREATE INDEX outbox_deployment_idx ON outbox (deployment_id, id);

CREATE TABLE outbox_schema (
    fingerprint              BIGINT       NOT NULL PRIMARY KEY,
    schema_json              TEXT         NOT NULL
);
