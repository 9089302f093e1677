-- The sandbox cloud's inventory: one row per resource it has. A stack is one blueprint of one
-- tenant; a resource is named uniquely in its stack, and that constraint is what keeps a create
-- idempotent (INSERT ... ON CONFLICT), even when two creates race.
-- id is derived from (tenant, blueprint, name), so a resource deleted and created again keeps it.
CREATE TABLE resource (
    id                  UUID          NOT NULL PRIMARY KEY,
    tenant_id           VARCHAR(128)  NOT NULL,
    blueprint_id        VARCHAR(128)  NOT NULL,
    blueprint_name      VARCHAR(63)   NOT NULL,
    name                VARCHAR(63)   NOT NULL,
    type                VARCHAR(64)   NOT NULL,
    cloud               VARCHAR(16)   NOT NULL,
    region              VARCHAR(64)   NOT NULL,
    provider_id         VARCHAR(1024) NOT NULL,
    attributes          JSONB         NOT NULL,
    provider_attributes JSONB         NOT NULL,
    depends_on          JSONB         NOT NULL,
    version             BIGINT        NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    CONSTRAINT resource_stack_name_key UNIQUE (tenant_id, blueprint_id, name)
);

-- Append-only audit log of everything that happened to a resource, by the executor or by an
-- operator out of band. It outlives the resource (no foreign key): a delete keeps the last state
-- here, which is what a repeated delete returns.
CREATE TABLE operation (
    id                  BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    resource_id         UUID          NOT NULL,
    tenant_id           VARCHAR(128)  NOT NULL,
    blueprint_id        VARCHAR(128)  NOT NULL,
    resource_name       VARCHAR(63)   NOT NULL,
    resource_type       VARCHAR(64)   NOT NULL,
    kind                VARCHAR(32)   NOT NULL,
    actor               VARCHAR(255)  NOT NULL,
    occurred_at         TIMESTAMPTZ   NOT NULL,
    resource_version    BIGINT,
    provider_id         VARCHAR(1024),
    attributes          JSONB,
    provider_attributes JSONB,
    detail              TEXT
);

CREATE INDEX operation_resource_idx ON operation (resource_id, id);

-- [jooq ignore start]
CREATE FUNCTION operation_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'sandbox.operation is an append-only audit log';
END
$$;

CREATE TRIGGER operation_append_only
    BEFORE UPDATE OR DELETE ON operation
    FOR EACH STATEMENT EXECUTE FUNCTION operation_is_append_only();
-- [jooq ignore stop]
