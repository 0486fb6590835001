-- GET /api/v1/filings?q=...: FilingDao.search (autocommit, one statement), first page: the newest 500 matches, ranked.
-- The query text is a parameter, as the service binds it (so plans are cached the same way); it is
-- read from bench.terms by a primary-key lookup, an extra round trip the service does not make.
-- pgbench-mode: extended
\set i random(1, :nqueries)
select term as q from bench.terms where kind = 'q' and i = :i \gset
with w as (select f.id, f.filed_on from filings f where f.search @@ websearch_to_tsquery('english', :q) order by f.filed_on desc, f.id desc limit 500) select ts_rank(f.search, websearch_to_tsquery('english', :q)) as rank, f.id::text as id, f.case_id::text as case_id, f.entry_number, f.filed_on, f.kind, f.title, f.description, f.filed_by::text as filed_by, f.document_url, f.created_at, (select count(*) from w)::int as window_size, (select w.filed_on from w order by w.filed_on, w.id limit 1) as window_floor_on, (select w.id from w order by w.filed_on, w.id limit 1) as window_floor_id from w join filings f on f.id = w.id order by rank desc, f.id desc limit :lim;
