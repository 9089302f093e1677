-- The trace context of the decision or request that created the deployment (JSON of the W3C
-- propagation headers, {"traceparent": "00-..."}), so the worker that runs it, maybe much later
-- and elsewhere, continues the submission's trace.
ALTER TABLE deployment ADD COLUMN trace_context JSONB NOT NULL DEFAULT '{}';
