-- The attributes an applied change reported (ResourceChanged.attributes, as strings): the state
-- drift is measured against. An executor that knows which attributes drifted (Terraform) has the
-- rest of an observation filled from here, so what its provider merely recomputed or normalised
-- since (a timestamp, tags null read back as {}) is not reported as drift.
ALTER TABLE deployment_change ADD COLUMN attributes JSONB;
