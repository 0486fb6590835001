-- GET /api/v1/cases?party=...: CaseDao.list with the party filter (autocommit, one statement).
-- The LIKE pattern ('%term%', wildcards escaped) is a parameter, read from bench.terms (an extra
-- primary-key lookup the service does not make).
-- pgbench-mode: extended
\set i random(1, :nterms)
select term as p from bench.terms where kind = 'p' and i = :i \gset
select c.id::text as id, c.court_id as court, c.docket_number, c.caption, c.filed_on, c.judge, c.nature_of_suit, c.status, c.status_since, c.created_at, c.updated_at from cases c where exists (select 1 from parties p where p.case_id = c.id and lower(p.name) like :p escape '\') order by c.id limit :lim;
