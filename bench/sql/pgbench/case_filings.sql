-- GET /api/v1/cases/{id}/filings?limit=50: FilingService.list in one transaction (the case must
-- exist, then one page newest first: its keys from filing_keys, then those rows, each from its date's
-- partition, by a prepared statement whose generic plan drops the partitions outside the page's range of
-- dates as it starts and picks each row's partition as it runs; the service fetches limit + 1 rows to
-- know if a page follows, and skips the last statement for a case without entries).
\set id random(1, :ncases)
BEGIN;
select c.id::text as id, c.court_id as court, c.docket_number, c.caption, c.filed_on, c.judge, c.nature_of_suit, c.status, c.status_since, c.created_at, c.updated_at from cases c where c.id = :id;
select coalesce(array_agg(k.id), '{}') as ids, coalesce(array_agg(k.filed_on), '{}') as dates, coalesce(min(k.filed_on), '2000-01-01') as lo, coalesce(max(k.filed_on), '2000-01-01') as hi from (select k.id, k.filed_on from filing_keys k where k.case_id = :id order by k.filed_on desc, k.id desc limit :lim) k \gset
select f.id::text as id, f.case_id::text as case_id, f.entry_number, f.filed_on, f.kind, f.title, f.description, f.filed_by::text as filed_by, f.document_url, f.created_at from unnest(cast(:ids as bigint[]), cast(:dates as date[])) as k(id, filed_on) join lateral (select * from filings f where f.id = k.id and f.filed_on = k.filed_on and f.filed_on between cast(:lo as date) and cast(:hi as date) limit 1) f on true order by f.filed_on desc, f.id desc;
END;
