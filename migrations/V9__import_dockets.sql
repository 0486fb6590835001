-- Docket import (juriscraper's parsed-PACER JSON) and CM/ECF RSS following. The extra case, party,
-- counsel and filing columns keep what PACER says beyond the API's fields; the pacer_* columns and
-- source_key let an import find an entry it already has without a query per entry.

alter table cases
    add column cause               text,
    add column jury_demand         text,
    add column terminated_on       date,
    add column pacer_case_id       text,
    add column originating_court   jsonb,      -- appellate dockets: the lower court's case
    add column panel               text[];

alter table parties
    add column pacer_type    text,             -- the docket's own words, e.g. 'Defendant - Appellant'
    add column extra_info    text,
    add column terminated_on date,
    add column import_key    text;             -- lower(name) | type # occurrence, unique per case
create unique index parties_case_import_key on parties (case_id, import_key) where import_key is not null;

alter table counsel
    add column roles   text[],                 -- e.g. {LEAD ATTORNEY, ATTORNEY TO BE NOTICED}
    add column contact text;                   -- the address block as PACER prints it

alter table filings
    add column date_entered  date,
    add column pacer_doc_id  text,
    add column pacer_seq_no  text,
    add column attachments   jsonb,            -- the entry's attachments as the docket lists them
    add column source_key    text,             -- n:<entry number>, s:<seq no>, d:<doc id>, h:/r:<hash>
    add column import_hash   text;             -- digest of the imported fields: unchanged entries are skipped
create unique index filings_case_source_key on filings (case_id, source_key) where source_key is not null;

-- CM/ECF RSS feeds an editor registered for a court, polled by a clustered Quartz job.
create table court_feeds (
    id                   bigint generated always as identity primary key,
    court_id             text        not null references courts (id),
    url                  text        not null,
    track_all            boolean     not null default false,
    etag                 text,
    last_modified        text,
    last_poll_at         timestamptz,
    last_success_at      timestamptz,
    last_status          integer,
    last_error           text,
    last_new_filings     integer,
    consecutive_failures integer     not null default 0,
    next_poll_at         timestamptz not null default now(),
    lease_until          timestamptz,
    created_at           timestamptz not null default now(),
    constraint court_feeds_court_url_unique unique (court_id, url)
);
create index court_feeds_due on court_feeds (next_poll_at, id);
