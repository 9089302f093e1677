-- Four-eyes approvals: who submitted each version (BlueprintSubmitted.submittedBy, the
-- authenticated principal; null when the event did not say), so that in the environments
-- dharma.orchestrator.four-eyes-environments names, its submitter cannot approve its deployment.
ALTER TABLE blueprint_version ADD COLUMN submitted_by VARCHAR(255);
