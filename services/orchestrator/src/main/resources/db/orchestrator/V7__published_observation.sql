-- The last observation the drift observer published per resource (ADR 0019): a scheduled round
-- publishes a resource again only when its digest changed or its last publication is older than
-- dharma.orchestrator.drift.heartbeat. Rows of stacks no longer observed are purged
-- (dharma.housekeeping.retention.observation-digests); a purged row only means one more publication.
CREATE TABLE published_observation (
    blueprint_id             VARCHAR(64)  NOT NULL,
    address                  VARCHAR(512) NOT NULL,
    -- SHA-256 (hex) of what the observation says, envelope and observedAt left out.
    digest                   VARCHAR(64)  NOT NULL,
    published_at             TIMESTAMPTZ  NOT NULL,
    CONSTRAINT published_observation_pkey PRIMARY KEY (blueprint_id, address)
);

CREATE INDEX published_observation_published_at_idx ON published_observation (published_at);
