-- Deployment events now go through the platform outbox (platform.outbox, ADR 0017), still written
-- in the transaction of the state change they report, under the blueprint's row lock.
--
-- Upgrading: the previous release's relay must have published every row of orchestrator.outbox
-- first (stop the orchestrator once nothing is pending); this migration refuses to run otherwise.
-- [jooq ignore start] (a guard jOOQ's DDL interpreter cannot read; no schema change)
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM outbox WHERE published_at IS NULL) THEN
        RAISE EXCEPTION 'orchestrator.outbox still has unpublished events: run the previous release until they are published';
    END IF;
END $$;
-- [jooq ignore stop]

DROP TABLE outbox;
DROP TABLE outbox_schema;
