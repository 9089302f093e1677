-- Who submitted each version (the caller's user), carried on BlueprintSubmitted.submittedBy.
-- Null for versions stored before this column existed.
ALTER TABLE blueprint_version ADD COLUMN submitted_by TEXT;
