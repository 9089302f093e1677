-- The change requests the ServiceNow target opened for deployments awaiting approval, polled until
-- ServiceNow approves or rejects them; the decision is then relayed to the orchestrator's API.
create table servicenow_change (
    subscription_id uuid        not null references subscription (id) on delete cascade,
    deployment_id   text        not null,
    tenant_id       text        not null,
    sys_id          text        not null,
    number          text,
    decision        text,
    decided_by      text,
    relayed_at      timestamptz,
    created_at      timestamptz not null,
    primary key (subscription_id, deployment_id)
);
create index servicenow_change_open on servicenow_change (created_at) where relayed_at is null;
