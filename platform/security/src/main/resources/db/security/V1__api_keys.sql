-- Platform API keys. Only a SHA-256 of the key is stored: keys are 256-bit random secrets, so a
-- fast hash is enough (no password stretching needed) and a lookup is one index probe.
CREATE TABLE api_key (
    key_id       text        PRIMARY KEY,
    secret_hash  bytea       NOT NULL UNIQUE,
    tenant       text        NOT NULL,
    role         text        NOT NULL,
    name         text        NOT NULL,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

CREATE INDEX api_key_tenant ON api_key (tenant, created_at);
