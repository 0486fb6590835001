-- Retention (see README "Retention"): the maintenance job removes finished deliveries (with their
-- attempts) and settled reminders after 90 days, and events after a year, in short batches.
--
-- Events are removed in change-feed order, (txid, id), oldest first: the horizon is the position of
-- the last one removed, so the change feed can tell a reader whose position lies before it that
-- events it never read are gone (410), and start everyone else after it. max_event_id is the highest
-- id removed (ids and feed order differ slightly), so ?after=<a removed id> is recognised as such.
create table change_feed_horizon (
    only_row     boolean     primary key default true check (only_row),
    txid         xid8        not null,
    event_id     bigint      not null,
    max_event_id bigint      not null,
    updated_at   timestamptz not null
);

-- Deleting an event checks that no reminder still names it: without this index, one scan of the
-- reminders table per event removed.
create index reminders_event on reminders (event_id) where event_id is not null;

-- Settled reminders in the order they are removed (pending ones are never removed).
create index reminders_settled on reminders (settled_at, id) where status <> 'pending';
