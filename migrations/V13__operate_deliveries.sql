-- Operating deliveries (issue 13): an attempt log a person can debug from, re-sending one delivery and
-- replaying a subscription's deliveries through the same leased outbox, disabling a webhook or Slack
-- subscription that keeps failing, and Slack incoming webhooks as a channel.

-- The first KiB of the receiver's answer, as text (control characters cleaned).
alter table delivery_attempts add column response_excerpt text;

alter table deliveries
    -- The last re-send or replay: the retry window and the back-off start again from here.
    add column requeued_at       timestamptz,
    add column requeued_attempts integer not null default 0,   -- attempts made before it
    -- Asked again while a send was under way: once that send is recorded, the delivery is due at once.
    add column resend            boolean not null default false,
    -- A replayed delivery's place: one subscription's replayed deliveries are sent one at a time, in order.
    add column replay_seq        bigint;
create sequence delivery_replays;
create index deliveries_replaying on deliveries (subscription_id, replay_seq)
    where replay_seq is not null and status in ('pending', 'retrying');

alter table subscriptions
    drop constraint subscriptions_channel_type_check,
    add constraint subscriptions_channel_type_check check (channel_type in ('webhook', 'email', 'slack')),
    add constraint subscriptions_slack_url check (channel_type <> 'slack' or webhook_url is not null),
    -- The first failed attempt since the last success (webhook and Slack subscriptions).
    add column failing_since   timestamptz,
    -- Disabled after failing for alerts.disableAfter, or at once by a 410 Gone; not attempted meanwhile.
    add column disabled_at     timestamptz,
    add column disabled_reason text;
