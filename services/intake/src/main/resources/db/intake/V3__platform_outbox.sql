-- BlueprintSubmitted events now go through the platform outbox (platform.outbox, ADR 0017). The
-- version row keeps the id of the event that announces it, so the tracking status can ask the
-- platform outbox whether it has been published.
--
-- Upgrading: the previous release's relay must have published every row of intake.outbox first
-- (stop intake once nothing is pending); this migration refuses to run otherwise, so an accepted
-- submission can never be left unpublished.
-- [jooq ignore start] (a guard jOOQ's DDL interpreter cannot read; no schema change)
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM outbox WHERE published_at IS NULL) THEN
        RAISE EXCEPTION 'intake.outbox still has unpublished events: run the previous release until they are published';
    END IF;
END $$;
-- [jooq ignore stop]

ALTER TABLE blueprint_version ADD COLUMN event_id UUID;
-- [jooq ignore start]
UPDATE blueprint_version v SET event_id = o.event_id
    FROM outbox o WHERE o.blueprint_id = v.blueprint_id AND o.version = v.version;
-- [jooq ignore stop]
ALTER TABLE blueprint_version ALTER COLUMN event_id SET NOT NULL;
ALTER TABLE blueprint_version ADD CONSTRAINT blueprint_version_event_id_key UNIQUE (event_id);

DROP TABLE outbox;
