-- The highest fencing token the sandbox has seen per stack (Stack.fencingToken): a call with a lower
-- one comes from a worker that lost the stack to a newer claim and is refused. A change raises and
-- checks it in its own transaction, holding the row until it commits, so no change of a stale
-- claim can commit after a newer claim's first call.
CREATE TABLE stack_fence (
    tenant_id           VARCHAR(128)  NOT NULL,
    blueprint_id        VARCHAR(128)  NOT NULL,
    highest_token       BIGINT        NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    CONSTRAINT stack_fence_pkey PRIMARY KEY (tenant_id, blueprint_id)
);
