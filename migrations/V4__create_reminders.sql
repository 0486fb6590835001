-- Hearing reminders: one row per (subscription, hearing, lead time), due at scheduled_at - lead_time.
-- A clustered Quartz job sweeps the due ones with FOR UPDATE SKIP LOCKED (see docs/reminders.md).
create table reminders (
    id              bigint generated always as identity primary key,
    subscription_id bigint      not null references subscriptions (id) on delete cascade,
    hearing_id      bigint      not null references hearings (id),
    lead_time       text        not null,
    due_at          timestamptz not null,
    status          text        not null default 'pending'
                    check (status in ('pending', 'sent', 'missed', 'cancelled', 'skipped')),
    late            boolean,
    event_id        bigint references events (id),
    settled_at      timestamptz,
    unique (subscription_id, hearing_id, lead_time)
);
create index reminders_due on reminders (due_at, id) where status = 'pending';
create index reminders_hearing on reminders (hearing_id) where status = 'pending';
