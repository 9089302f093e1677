-- The stack's fencing token (Kleppmann): raised each time a deployment worker takes the stack's lock
-- (StackClaims) and passed with every executor call of that claim (Stack.fencingToken). Executors
-- refuse a call with a lower token than the highest they have seen, so a worker whose lock went with
-- its connection cannot change the stack behind the worker that took it over.
ALTER TABLE blueprint ADD COLUMN fencing_token BIGINT NOT NULL DEFAULT 0;
