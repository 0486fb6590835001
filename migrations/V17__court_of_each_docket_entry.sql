-- Issue 14: a search filtered by court read the entries of every court. The court was known only from
-- the case, so the full-text index gave every match of the words, each fetched to learn its case's
-- court, and the date-order read went through every court's newest entries: the cost followed the
-- docket, not the court's matches (3.1x in p99 from 0.5M to 20M entries). Each entry now carries its
-- case's court, and each partition an index by court and date: the date-order read lists the court's
-- entries only, and PostgreSQL can intersect the full-text index's matches with the court's entries
-- before fetching any (a BitmapAnd).
--
-- The court is set from the case as the entry is written (a trigger, so that every way in — the API,
-- docket imports, a bulk COPY — fills it), and follows the case's court if that ever changes (the API
-- has no way to change it today). Migrating an existing database rewrites every entry once (docs/partitions.md
-- gives the time per million entries).
alter table filings add column court_id text;

create function filings_court() returns trigger
    language plpgsql as $$
begin
    new.court_id := (select c.court_id from cases c where c.id = new.case_id);
    return new;
end $$;

create trigger filings_court before insert or update of case_id on filings
    for each row execute function filings_court();

create function cases_court_to_filings() returns trigger
    language plpgsql as $$
begin
    update filings set court_id = new.court_id where case_id = new.id;
    return null;
end $$;

create trigger cases_court_to_filings after update of court_id on cases
    for each row when (old.court_id is distinct from new.court_id) execute function cases_court_to_filings();

-- Every existing entry is written again, once: the indexes step aside and are built again after it, far
-- faster than keeping them row by row (the full-text index above all).
drop index filings_case_filed, filings_case_kind_filed, filings_filed, filings_kind_filed, filings_search;
update filings f set court_id = c.court_id from cases c where c.id = f.case_id;
create index filings_case_filed on filings (case_id, filed_on desc, id desc);
create index filings_case_kind_filed on filings (case_id, kind, filed_on desc, id desc);
create index filings_filed on filings (filed_on desc, id desc);
create index filings_kind_filed on filings (kind, filed_on desc, id desc);
create index filings_search on filings using gin (search);
create index filings_court_filed on filings (court_id, filed_on desc, id desc);
