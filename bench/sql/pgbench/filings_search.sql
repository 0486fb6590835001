-- GET /api/v1/filings?q=...: FilingService.search, first page, the same statements in the same order
-- (autocommit). Read the newest 10,000 entries in date order for up to 200 matches; when the words'
-- share there is at least 0.2 %, read as far as that share says 200 matches take (at most 200,000
-- entries); else, or when that still falls short, take the newest 200 matches through the GIN index.
-- Then rank the window. The query text is a parameter, as the service binds it; it is read from
-- bench.terms by a primary-key lookup, an extra round trip the service does not make.
-- pgbench-mode: extended
\set i random(1, :nqueries)
select term as q from bench.terms where kind = 'q' and i = :i \gset
select count(*) as n, coalesce(array_agg(x.id), '{}') as ids from (select m.id from (select f.id, f.filed_on, f.search from filings f order by f.filed_on desc, f.id desc limit 10000 offset 0) m where m.search @@ websearch_to_tsquery('english', :q) order by m.filed_on desc, m.id desc limit 200) x \gset
\if :n < 200
\set budget 2500000 / greatest(:n, 1) + 1
\if :n >= 20 and :budget <= 200000
select count(*) as n, coalesce(array_agg(x.id), '{}') as ids from (select m.id from (select f.id, f.filed_on, f.search from filings f order by f.filed_on desc, f.id desc limit :budget offset 0) m where m.search @@ websearch_to_tsquery('english', :q) order by m.filed_on desc, m.id desc limit 200) x \gset
\endif
\if :n < 200
select coalesce(array_agg(x.id), '{}') as ids from (select f.id from filings f where f.search @@ websearch_to_tsquery('english', :q) order by f.filed_on desc, f.id desc limit 200) x \gset
\endif
\endif
select ts_rank(f.search, websearch_to_tsquery('english', :q)) as rank, f.id::text as id, f.case_id::text as case_id, f.entry_number, f.filed_on, f.kind, f.title, f.description, f.filed_by::text as filed_by, f.document_url, f.created_at from filings f where f.id = any (cast(:ids as bigint[])) order by rank desc, f.id desc limit :lim;
