-- The change feed must never skip an event. Ids are taken when a row is inserted, not when its
-- transaction commits, so a reader following "id > last seen" can pass over an id whose transaction
-- commits later. Each event therefore records its transaction id; the feed only shows events of
-- transactions older than every transaction still running, in (txid, id) order.
alter table events add column txid xid8 not null default pg_current_xact_id();
create index events_txid on events (txid, id);

-- Daily digests: the local date of the last digest sent, so each subscription gets one per day.
alter table subscriptions add column last_digest_on date;
create index subscriptions_digest on subscriptions (id) where delivery = 'daily_digest';

-- Deliveries are claimed with a short lease instead of a row lock held while sending, so no
-- transaction stays open (holding back the change feed) while a slow receiver answers.
alter table deliveries add column lease_until timestamptz;
