-- Issue 14: docket entries partitioned by filing date (docs/partitions.md), so that a search reads the
-- newest partitions first and stops: its cost follows the matches there, not the size of the docket.
--
-- Layout: filings_old holds everything before 2000 (few entries: CM/ECF dockets start around then),
-- one partition a year from 2000 until two years before this migration runs, then one a month up to
-- three months ahead; the maintenance job keeps creating months three ahead (filings_add_months).
-- filings_default takes any later date (a typo such as 2206), and hands its rows to their month when
-- that month's partition is made. Each partition has the indexes the table had (btree and GIN).
--
-- What must hold across partitions lives in filing_keys, one row per entry, not partitioned: the
-- unique entry number and source key per case (a unique index on a partitioned table has to contain
-- the partition key), the identity that gives ids, and the target of every foreign key that names a
-- filing; with the entry's date and kind, a case's docket is listed from it without visiting every
-- partition. filings (id, filed_on) references filing_keys (id, filed_on) on update cascade: the two
-- cannot disagree on a date, an entry's date is changed in filing_keys and the cascade moves its
-- row to the partition of the new date, and an id is found in filing_keys with its date, so a
-- lookup by id reads one partition.

-- 1. The table as V14 made it steps aside, with the foreign keys that pointed at it.
do $$
declare
    fk record;
begin
    for fk in select conrelid::regclass as tbl, conname from pg_constraint
              where contype = 'f' and confrelid = 'filings'::regclass
    loop
        execute format('alter table %s drop constraint %I', fk.tbl, fk.conname);
    end loop;
end $$;
alter table filings rename to filings_v14;
alter table filings_v14 drop constraint filings_case_entry_unique;
drop index filings_case_source_key, filings_case_filed, filings_case_kind_filed, filings_filed, filings_kind_filed,
    filings_search;

-- 2. The keys.
create table filing_keys (
    id           bigint  generated always as identity primary key,
    case_id      bigint  not null references cases (id),
    entry_number integer check (entry_number > 0),
    source_key   text,
    filed_on     date    not null,
    kind         text    not null,
    constraint filings_case_entry_unique unique (case_id, entry_number),
    -- What filings repeats of its key, and may not contradict (filings_keys_fkey).
    constraint filing_keys_row unique (id, case_id, filed_on, kind)
);
insert into filing_keys (id, case_id, entry_number, source_key, filed_on, kind)
overriding system value
select id, case_id, entry_number, source_key, filed_on, kind from filings_v14;
create unique index filings_case_source_key on filing_keys (case_id, source_key) where source_key is not null;
-- A case's docket in date order (optionally of one kind) is read here, then its rows from their partitions.
create index filing_keys_case_filed on filing_keys (case_id, filed_on desc, id desc);
create index filing_keys_case_kind_filed on filing_keys (case_id, kind, filed_on desc, id desc);
-- Ids continue where V14's left off (an id is never given twice, even one a rolled-back insert took).
select setval(pg_get_serial_sequence('filing_keys', 'id'),
              greatest(coalesce(pg_sequence_last_value(pg_get_serial_sequence('filings_v14', 'id')::regclass), 0),
                       coalesce((select max(id) from filing_keys), 0)) + 1,
              false);

-- 3. The partitioned table: V14's columns in V14's order.
create table filings (
    id           bigint      not null,
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
    date_entered date,
    pacer_doc_id text,
    pacer_seq_no text,
    attachments  jsonb,
    source_key   text,
    import_hash  text
) partition by range (filed_on);

-- The range partitions, oldest first, with their bounds (null: unbounded) and estimated entries
-- (-1 before the first ANALYZE): what a search walks.
create function filings_partitions() returns table (name text, from_date date, to_date date, entries bigint)
    language sql stable as $$
    select c.relname::text,
           substring(pg_get_expr(c.relpartbound, c.oid) from 'FROM \(''([^'']+)''\)')::date,
           substring(pg_get_expr(c.relpartbound, c.oid) from 'TO \(''([^'']+)''\)')::date,
           c.reltuples::bigint
    from pg_inherits i
    join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'filings'::regclass and pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'
    order by 2 nulls first
$$;

-- Makes one partition per month after the newest one up to the month of `through` (rows the
-- default partition held for such a month move into it); returns how many it made. Each is
-- created alone and attached, which takes a lock that lets reads and writes go on.
create function filings_add_months(through date) returns integer
    language plpgsql as $$
declare
    month date;
    next  date;
    name  text;
    cols  text;
    made  integer := 0;
begin
    select max(to_date) into month from filings_partitions();
    select string_agg(quote_ident(attname), ', ' order by attnum) into cols
    from pg_attribute
    where attrelid = 'filings'::regclass and attnum > 0 and not attisdropped and attgenerated = '';
    while month <= date_trunc('month', through)::date loop
        next := (month + interval '1 month')::date;
        name := 'filings_' || to_char(month, 'YYYY_MM');
        execute format('create table %I (like filings including defaults including constraints including generated)',
                       name);
        execute format('insert into %I (%s) select %s from filings_default where filed_on >= %L and filed_on < %L',
                       name, cols, cols, month, next);
        execute format('delete from filings_default where filed_on >= %L and filed_on < %L', month, next);
        -- Proves the rows belong, so that attaching does not read them again.
        execute format('alter table %I add constraint %I check (filed_on >= %L and filed_on < %L)',
                       name, name || '_range', month, next);
        execute format('alter table filings attach partition %I for values from (%L) to (%L)', name, month, next);
        execute format('alter table %I drop constraint %I', name, name || '_range');
        made := made + 1;
        month := next;
    end loop;
    return made;
end $$;

do $$
declare
    monthly date := make_date(extract(year from current_date)::integer - 2, 1, 1);
    y integer;
begin
    create table filings_old partition of filings for values from (minvalue) to ('2000-01-01');
    for y in 2000 .. extract(year from monthly)::integer - 1 loop
        execute format('create table %I partition of filings for values from (%L) to (%L)',
                       'filings_' || y, make_date(y, 1, 1), make_date(y + 1, 1, 1));
    end loop;
    execute format('create table filings_%s partition of filings for values from (%L) to (%L)',
                   to_char(monthly, 'YYYY_MM'), monthly, (monthly + interval '1 month')::date);
    create table filings_default partition of filings default;
    perform filings_add_months((current_date + interval '3 months')::date);
end $$;

-- Checked row by row as the rows go in: validating it afterwards would join each partition with all keys.
alter table filings add constraint filings_keys_fkey foreign key (id, case_id, filed_on, kind)
    references filing_keys (id, case_id, filed_on, kind) on update cascade;

-- 4. The rows, in date order (each partition's pages hold its entries as they were filed, which is
-- the order searches and feeds read them in). The tsvector is computed again: the bulk of the time.
insert into filings (id, case_id, entry_number, filed_on, kind, title, description, filed_by, document_url, created_at,
                     date_entered, pacer_doc_id, pacer_seq_no, attachments, source_key, import_hash)
select id, case_id, entry_number, filed_on, kind, title, description, filed_by, document_url, created_at,
       date_entered, pacer_doc_id, pacer_seq_no, attachments, source_key, import_hash
from filings_v14
order by filed_on, id;
drop table filings_v14;

-- 5. Keys and indexes, built once per partition after the rows are in.
alter table filings add constraint filings_pkey primary key (id, filed_on);
create index filings_case_filed on filings (case_id, filed_on desc, id desc);
create index filings_case_kind_filed on filings (case_id, kind, filed_on desc, id desc);
create index filings_filed on filings (filed_on desc, id desc);
create index filings_kind_filed on filings (kind, filed_on desc, id desc);
create index filings_search on filings using gin (search);

-- 6. What named a filing names its key.
alter table claim_history add constraint claim_history_filing_id_fkey
    foreign key (filing_id) references filing_keys (id);
alter table status_changes add constraint status_changes_filing_id_fkey
    foreign key (filing_id) references filing_keys (id);
alter table hearings add constraint hearings_source_filing_id_fkey
    foreign key (source_filing_id) references filing_keys (id);
alter table hearing_history add constraint hearing_history_source_filing_id_fkey
    foreign key (source_filing_id) references filing_keys (id);

analyze filing_keys;
analyze filings;
