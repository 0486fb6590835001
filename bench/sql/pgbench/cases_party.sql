-- GET /api/v1/cases?party=...: CaseDao.list with the party filter (autocommit). The LIKE pattern ('%term%',
-- wildcards escaped) is a parameter, read from bench.terms (an extra primary-key lookup the service does not
-- make). As the service does (V18): a string with three letters or digits in a row is looked up among the
-- distinct names first; with at most 1,000 of them, the cases are read by the names' ids; with none, the
-- answer is empty without a second statement; otherwise the substring is tested on each case's parties.
-- (No colon in the statements: pgbench reads ':name' as a variable, so [[:alnum:]] is written as \w without '_'.)
-- pgbench-mode: extended
\set i random(1, :nterms)
select term as p, (translate(term, '_', ' ') ~ '\w{3}')::int as tri from bench.terms where kind = 'p' and i = :i \gset
\if :tri
select coalesce(array_agg(id)::text, '{}') as ids, count(*) as nnames from (select n.id from party_names n where n.name like :p limit 1001) x \gset
\else
\set nnames 1001
\endif
\if :nnames = 0
\elif :nnames <= 1000
select c.id::text as id, c.court_id as court, c.docket_number, c.caption, c.filed_on, c.judge, c.nature_of_suit, c.status, c.status_since, c.created_at, c.updated_at from cases c where c.id = any(array(select p.case_id from parties p where p.name_id = any(:ids::bigint[]))) order by c.id limit :lim;
\else
select c.id::text as id, c.court_id as court, c.docket_number, c.caption, c.filed_on, c.judge, c.nature_of_suit, c.status, c.status_since, c.created_at, c.updated_at from cases c where exists (select 1 from parties p where p.case_id = c.id and lower(p.name) like :p escape '\') order by c.id limit :lim;
\endif
