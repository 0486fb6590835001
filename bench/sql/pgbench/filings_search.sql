-- GET /api/v1/filings?q=...: FilingDao.search (autocommit, one statement), ranked, first page.
-- The query text is a parameter, as the service binds it (so plans are cached the same way); it is
-- read from bench.terms by a primary-key lookup, an extra round trip the service does not make.
\set i random(1, :nqueries)
select term as q from bench.terms where kind = 'q' and i = :i \gset
select ts_rank(f.search, websearch_to_tsquery('english', :q)) as rank, f.id::text as id, f.case_id::text as case_id, f.entry_number, f.filed_on, f.kind, f.title, f.description, f.filed_by::text as filed_by, f.document_url, f.created_at from filings f where f.search @@ websearch_to_tsquery('english', :q) order by rank desc, f.id desc limit :lim;
