-- DocketWatch core schema: keys, courts, cases, parties, filings, claims, status history, hearings,
-- the event outbox and idempotency records. Built for ~100k cases and ~5M filings: every filter and
-- sort the API offers has an index, and lists page by keyset (id or (date, id)), never OFFSET.

create extension if not exists pg_trgm;

create table api_keys (
    id          bigint generated always as identity primary key,
    name        text        not null,
    role        text        not null check (role in ('admin', 'editor', 'reporter')),
    key_hash    bytea       not null unique,           -- SHA-256 of the key; the key itself is never stored
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz
);

create table courts (
    id           text primary key check (id ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    name         text        not null,
    jurisdiction text        not null,
    timezone     text        not null,
    created_at   timestamptz not null default now()
);

create table cases (
    id             bigint generated always as identity primary key,
    court_id       text        not null references courts (id),
    docket_number  text        not null,
    caption        text        not null,
    filed_on       date        not null,
    judge          text,
    nature_of_suit text,
    status         text        not null,
    status_since   date        not null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint cases_court_docket_unique unique (court_id, docket_number)
);
create index cases_status_id on cases (status, id);
create index cases_court_id on cases (court_id, id);
create index cases_filed_on on cases (filed_on, id);
create index cases_updated_at on cases (updated_at, id);
create index cases_text_trgm on cases using gin ((lower(caption || ' ' || docket_number)) gin_trgm_ops);

create table case_relations (
    case_id         bigint      not null references cases (id),
    related_case_id bigint      not null references cases (id),
    relation        text        not null,
    created_at      timestamptz not null default now(),
    primary key (case_id, related_case_id, relation),
    check (case_id <> related_case_id)
);
create index case_relations_related on case_relations (related_case_id);

create table parties (
    id         bigint generated always as identity primary key,
    case_id    bigint      not null references cases (id),
    name       text        not null,
    role       text        not null,
    created_at timestamptz not null default now()
);
create index parties_case on parties (case_id, id);
create index parties_name_trgm on parties using gin (lower(name) gin_trgm_ops);

create table counsel (
    id       bigint generated always as identity primary key,
    party_id bigint not null references parties (id),
    name     text   not null,
    firm     text
);
create index counsel_party on counsel (party_id, id);

create table filings (
    id           bigint generated always as identity primary key,
    case_id      bigint      not null references cases (id),
    entry_number integer check (entry_number > 0),
    filed_on     date        not null,
    kind         text        not null,
    title        text        not null,
    description  text,
    filed_by     bigint references parties (id),
    document_url text,
    created_at   timestamptz not null default now(),
    search       tsvector generated always as (
                     setweight(to_tsvector('english', title), 'A') ||
                     setweight(to_tsvector('english', coalesce(description, '')), 'B')) stored,
    constraint filings_case_entry_unique unique (case_id, entry_number)
);
create index filings_case_filed on filings (case_id, filed_on desc, id desc);
create index filings_case_kind_filed on filings (case_id, kind, filed_on desc, id desc);
create index filings_filed on filings (filed_on desc, id desc);
create index filings_kind_filed on filings (kind, filed_on desc, id desc);
create index filings_search on filings using gin (search);

create table claims (
    id         bigint generated always as identity primary key,
    case_id    bigint      not null references cases (id),
    title      text        not null,
    statute    text,
    status     text        not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index claims_case on claims (case_id, id);

create table claim_defendants (
    claim_id bigint not null references claims (id),
    party_id bigint not null references parties (id),
    primary key (claim_id, party_id)
);

create table claim_history (
    id          bigint generated always as identity primary key,
    claim_id    bigint      not null references claims (id),
    from_status text,
    status      text        not null,
    reason      text,
    filing_id   bigint references filings (id),
    changed_at  timestamptz not null default now()
);
create index claim_history_claim on claim_history (claim_id, id);

create table status_changes (
    id             bigint generated always as identity primary key,
    case_id        bigint      not null references cases (id),
    from_status    text        not null,
    status         text        not null,
    effective_on   date        not null,
    reason         text,
    filing_id      bigint references filings (id),
    with_prejudice boolean,
    created_at     timestamptz not null default now()
);
create index status_changes_case on status_changes (case_id, id);

create table hearings (
    id           bigint generated always as identity primary key,
    case_id      bigint      not null references cases (id),
    kind         text        not null,
    scheduled_at timestamptz not null,
    location     text,
    description  text,
    status       text        not null check (status in ('scheduled', 'rescheduled', 'vacated', 'held')),
    outcome      text,
    sequence     integer     not null default 0,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index hearings_scheduled on hearings (scheduled_at, id);
create index hearings_case_scheduled on hearings (case_id, scheduled_at, id);
create index hearings_status_scheduled on hearings (status, scheduled_at, id);

create table hearing_history (
    id           bigint generated always as identity primary key,
    hearing_id   bigint      not null references hearings (id),
    action       text        not null,   -- scheduled, rescheduled, vacated, held
    scheduled_at timestamptz not null,   -- the hearing's time after this action
    previous_at  timestamptz,            -- the time it had before a reschedule
    outcome      text,
    changed_at   timestamptz not null default now()
);
create index hearing_history_hearing on hearing_history (hearing_id, id);

-- The outbox: every event is written in the transaction of the change it describes.
create table events (
    id          bigint generated always as identity primary key,
    type        text        not null,
    case_id     bigint      not null references cases (id),
    occurred_at timestamptz not null default now(),
    data        jsonb       not null
);
create index events_case on events (case_id, id);

create table idempotency_keys (
    api_key_id    bigint      not null references api_keys (id),
    key           text        not null,
    request_hash  bytea       not null,
    status        integer,                 -- null while the first request is in flight
    location      text,
    response_body text,
    created_at    timestamptz not null default now(),
    primary key (api_key_id, key)
);
create index idempotency_keys_created on idempotency_keys (created_at);
