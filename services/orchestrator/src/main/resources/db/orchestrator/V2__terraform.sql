-- The Terraform executor (ADR 0014) deploys the generated Terraform itself, so the orchestrator
-- keeps what the generator published for each version ({"contentHash", "files": [{path, content}],
-- "resources": {address: blueprint resource}}), and a plan's changes are identified by address:
-- a Terraform address (aws_instance.web[0]) or, for the sandbox, <catalogue type>.<resource name>.
ALTER TABLE blueprint_version ADD COLUMN iac_terraform JSONB;

ALTER TABLE deployment_change ADD COLUMN address VARCHAR(512);
UPDATE deployment_change SET address = resource_type || '.' || resource_name;
ALTER TABLE deployment_change ALTER COLUMN address SET NOT NULL;
ALTER TABLE deployment_change DROP CONSTRAINT deployment_change_pkey;
ALTER TABLE deployment_change ADD CONSTRAINT deployment_change_pkey PRIMARY KEY (deployment_id, attempt, address, action);
ALTER TABLE deployment_change ALTER COLUMN action TYPE VARCHAR(16);
