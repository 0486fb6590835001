-- Delivery leases are fenced: each claim writes a fresh token, and a worker's result is recorded
-- only while the row still carries its token (a worker whose lease ran out and was claimed again
-- by another cannot overwrite the newer attempt).
alter table deliveries add column lease_token uuid;

-- A failing daily digest backs off like a delivery, and gives up after the retry window: how many
-- times in a row it failed, since when, and when it is tried next (all null while it succeeds).
alter table subscriptions
    add column digest_failures      integer not null default 0,
    add column digest_failing_since timestamptz,
    add column digest_retry_at      timestamptz;
