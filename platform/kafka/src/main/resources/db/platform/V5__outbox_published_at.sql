-- Published rows are purged once older than dharma.housekeeping.retention.published-outbox
-- (RetentionPurge): it finds them by published_at. Unpublished and set-aside rows are not indexed.
create index outbox_published_at on platform.outbox (published_at) where published_at is not null;
