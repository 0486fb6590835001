-- Subscriptions and the delivery log. An event is matched to subscriptions in the transaction that
-- writes it (one INSERT ... SELECT, never a query per subscriber); each match is a delivery row that
-- the delivery worker claims with FOR UPDATE SKIP LOCKED.

create table subscriptions (
    id                  bigint generated always as identity primary key,
    owner_key_id        bigint      not null references api_keys (id),
    case_id             bigint references cases (id),
    court_id            text references courts (id),
    party               text,                -- lower-cased substring of a party name
    query               text,                -- websearch syntax, as the reporter wrote it
    query_tsq           tsquery,             -- the same, parsed once
    events              text[]      not null,
    filing_kinds        text[],              -- null: every kind
    channel_type        text        not null check (channel_type in ('webhook', 'email')),
    webhook_url         text,
    secret_enc          bytea,               -- the webhook secret, AES-GCM encrypted with the service key
    email               text,
    reminder_lead_times text[],
    delivery            text        not null default 'immediate' check (delivery in ('immediate', 'daily_digest')),
    digest_at           time,
    digest_zone         text,
    paused              boolean     not null default false,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    check (num_nonnulls(case_id, court_id, party, query) = 1),
    check ((channel_type = 'webhook') = (webhook_url is not null and secret_enc is not null)),
    check ((channel_type = 'email') = (email is not null))
);
create index subscriptions_owner on subscriptions (owner_key_id, id);
create index subscriptions_case on subscriptions (case_id) where case_id is not null;
create index subscriptions_court on subscriptions (court_id) where court_id is not null;
create index subscriptions_party on subscriptions (id) where party is not null;
create index subscriptions_query on subscriptions (id) where query is not null;

create table deliveries (
    id              bigint generated always as identity primary key,
    event_id        bigint      not null references events (id),
    subscription_id bigint      not null references subscriptions (id) on delete cascade,
    status          text        not null default 'pending'
                    check (status in ('pending', 'retrying', 'delivered', 'failed', 'digest')),
    attempts        integer     not null default 0,
    last_error      text,
    next_attempt_at timestamptz not null,
    delivered_at    timestamptz,
    created_at      timestamptz not null default now(),
    unique (event_id, subscription_id)
);
create index deliveries_due on deliveries (next_attempt_at, id) where status in ('pending', 'retrying');
create index deliveries_subscription on deliveries (subscription_id, id);
create index deliveries_digest on deliveries (subscription_id, id) where status = 'digest';

create table delivery_attempts (
    id           bigint generated always as identity primary key,
    delivery_id  bigint      not null references deliveries (id) on delete cascade,
    attempted_at timestamptz not null,
    status_code  integer,
    error        text,
    duration_ms  integer     not null
);
create index delivery_attempts_delivery on delivery_attempts (delivery_id, id);
