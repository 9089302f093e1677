-- The event id of an outbox row (the envelope's eventId): writing the same event twice stores it
-- once, and a service can ask whether its event has been published.
alter table platform.outbox add column event_id uuid;
create unique index outbox_event_id on platform.outbox (event_id);
