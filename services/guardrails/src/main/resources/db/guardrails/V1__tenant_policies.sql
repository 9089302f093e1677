-- Runs with the guardrails schema as the default schema (Flyway bean guardrailsFlyway), so the
-- names below are unqualified.

-- A tenant's own policies. resource_types empty = blueprint-level policy; '*' = every type.
-- revision counts updates, starting at 1.
CREATE TABLE tenant_policy (
    tenant_id           VARCHAR(128)  NOT NULL,
    policy_id           VARCHAR(100)  NOT NULL,
    title               VARCHAR(200)  NOT NULL,
    severity            VARCHAR(16)   NOT NULL,
    enforcement         VARCHAR(16)   NOT NULL,
    resource_types      TEXT[]        NOT NULL,
    expression          TEXT          NOT NULL,
    message_expression  TEXT,
    message             TEXT          NOT NULL,
    remediation         TEXT,
    enabled             BOOLEAN       NOT NULL,
    revision            INTEGER       NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    updated_by          VARCHAR(255)  NOT NULL,
    CONSTRAINT tenant_policy_pkey PRIMARY KEY (tenant_id, policy_id),
    CONSTRAINT tenant_policy_severity_check CHECK (severity IN ('critical', 'high', 'medium', 'low')),
    CONSTRAINT tenant_policy_enforcement_check CHECK (enforcement IN ('block', 'warn'))
);

-- Built-in policies a tenant has switched off. Built-ins themselves live in the code's library.
CREATE TABLE disabled_builtin_policy (
    tenant_id           VARCHAR(128)  NOT NULL,
    policy_id           VARCHAR(100)  NOT NULL,
    disabled_at         TIMESTAMPTZ   NOT NULL,
    disabled_by         VARCHAR(255)  NOT NULL,
    CONSTRAINT disabled_builtin_policy_pkey PRIMARY KEY (tenant_id, policy_id)
);
