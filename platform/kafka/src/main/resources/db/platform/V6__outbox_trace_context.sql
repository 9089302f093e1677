-- The trace context of the transaction that appended the row (JSON of the W3C propagation headers,
-- {"traceparent": "00-..."}), so the relay publishes the event as part of the same trace.
alter table platform.outbox add column trace_context jsonb not null default '{}';
