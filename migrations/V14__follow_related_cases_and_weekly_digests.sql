-- Issue 13, more events: case_id subscriptions that follow related cases, weekly digests, and the
-- lookups the fan-out of case.created needs (see docs/alerts.md).

-- "include_related": a case_id subscription also follows every case linked to its case, in either
-- direction (case_relations), links made later included. The fan-out's related-case branch reads
-- only these subscriptions, by the case they follow.
alter table subscriptions add column include_related boolean not null default false;
alter table subscriptions
    add constraint subscriptions_include_related_case check (not include_related or case_id is not null);
create index subscriptions_related on subscriptions (case_id) where include_related;

-- Weekly digests: "delivery": "weekly_digest" on digest_day (ISO day of the week, 1 = Monday) at
-- digest_at in digest_zone; last_digest_on is then the date of the last weekly digest sent.
alter table subscriptions drop constraint subscriptions_delivery_check;
alter table subscriptions
    add constraint subscriptions_delivery_check
        check (delivery in ('immediate', 'daily_digest', 'weekly_digest'));
alter table subscriptions add column digest_day smallint check (digest_day between 1 and 7);
alter table subscriptions
    add constraint subscriptions_digest_day_weekly check ((digest_day is not null) = (delivery = 'weekly_digest'));
drop index subscriptions_digest;
create index subscriptions_digest on subscriptions (id) where delivery in ('daily_digest', 'weekly_digest');

-- A party added to a case created lately delivers the case's case.created event to the party
-- subscriptions it makes match: found by case, without reading the case's other events.
create index events_case_created on events (case_id) where type = 'case.created';
