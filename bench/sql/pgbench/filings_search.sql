-- GET /api/v1/filings?q=...: FilingService.search, first page, the same statements in the same order
-- (autocommit). First the choice the service makes from PostgreSQL's statistics (bench.search_choice,
-- search_functions.sql; made once per query and run, bench.choice, as the service reads the statistics once
-- in ten minutes; the service's statement there turns the text into its lexemes): straight to the GIN
-- index, or a read in date order of as many newest entries as the words' share says 200 matches take (the
-- newest 10,000 when the share is not known). When that read falls short and the share it saw is at least
-- 0.2 %, read as far as that share says (at most 200,000 entries); else, or when that still falls short,
-- take the newest 200 matches through the GIN index, partitions newest first (FilingPartitions: the
-- partitions from this month on, then one, two, four... further back), stopping as soon as there are 200.
-- Then rank the window, each row read from its date's partition (the window's range of dates, which the
-- service computes from the matches, is one more statement here). The query text is a parameter, as the
-- service binds it; it is read from bench.terms by a primary-key lookup, and the partitions' dates from
-- bench.since() and bench.search_plan() (load_finish.sql), extra round trips the service does not make (it
-- keeps the partitions' dates and estimates for a minute). An open end of a range is +-infinity here, a
-- missing condition in the service: the same partitions are planned. One difference: the service plans the
-- ranking statement once per connection (a generic plan that picks each row's partition as it runs), this
-- script (extended mode, as the searches need) every time; and the same for the walk through the GIN index
-- when the search has no dates of its own (FilingDao.newestOfRange: each range's statement, its bounds
-- written in, is planned once per connection), where this script plans each range for each text.
-- pgbench-mode: extended
\set i random(1, :nqueries)
select term as q from bench.terms where kind = 'q' and i = :i \gset
select via_index, first from bench.choice(:q) \gset
select 0 as n, '{}' as ids, '{}' as dates \gset
\if :via_index = 0
select bench.since(:first) as since1 \gset
select count(*) as n, coalesce(array_agg(x.id), '{}') as ids, coalesce(array_agg(x.filed_on), '{}') as dates from (select m.id, m.filed_on from (select f.id, f.filed_on, f.search from filings f where f.filed_on >= :since1 order by f.filed_on desc, f.id desc limit :first offset 0) m where m.search @@ websearch_to_tsquery('english', :q) order by m.filed_on desc, m.id desc limit 200) x \gset
\if :n < 200
\set budget 250 * :first / greatest(:n, 1) + 1
\if :n * 500 >= :first and :budget <= 200000
select bench.since(:budget) as since2 \gset
select count(*) as n, coalesce(array_agg(x.id), '{}') as ids, coalesce(array_agg(x.filed_on), '{}') as dates from (select m.id, m.filed_on from (select f.id, f.filed_on, f.search from filings f where f.filed_on >= :since2 order by f.filed_on desc, f.id desc limit :budget offset 0) m where m.search @@ websearch_to_tsquery('english', :q) order by m.filed_on desc, m.id desc limit 200) x \gset
\endif
\endif
\endif
\if :n < 200
select 0 as n, '{}' as ids, '{}' as dates \gset
select * from bench.search_plan() \gset
\if :n < 200 and :nsteps >= 1
select :n + count(*) as n, array_cat(cast(:ids as bigint[]), coalesce(array_agg(x.id), '{}')) as ids, array_cat(cast(:dates as date[]), coalesce(array_agg(x.filed_on), '{}')) as dates from (select m.id, m.filed_on from (with m as materialized (select f.id, f.filed_on from filings f where f.search @@ websearch_to_tsquery('english', :q) and f.filed_on >= :f1 and f.filed_on < :t1) select * from m) m order by m.filed_on desc, m.id desc limit 200 - :n) x \gset
\endif
\if :n < 200 and :nsteps >= 2
select :n + count(*) as n, array_cat(cast(:ids as bigint[]), coalesce(array_agg(x.id), '{}')) as ids, array_cat(cast(:dates as date[]), coalesce(array_agg(x.filed_on), '{}')) as dates from (select m.id, m.filed_on from (with m as materialized (select f.id, f.filed_on from filings f where f.search @@ websearch_to_tsquery('english', :q) and f.filed_on >= :f2 and f.filed_on < :t2) select * from m) m order by m.filed_on desc, m.id desc limit 200 - :n) x \gset
\endif
\if :n < 200 and :nsteps >= 3
select :n + count(*) as n, array_cat(cast(:ids as bigint[]), coalesce(array_agg(x.id), '{}')) as ids, array_cat(cast(:dates as date[]), coalesce(array_agg(x.filed_on), '{}')) as dates from (select m.id, m.filed_on from (with m as materialized (select f.id, f.filed_on from filings f where f.search @@ websearch_to_tsquery('english', :q) and f.filed_on >= :f3 and f.filed_on < :t3) select * from m) m order by m.filed_on desc, m.id desc limit 200 - :n) x \gset
\endif
\if :n < 200 and :nsteps >= 4
select :n + count(*) as n, array_cat(cast(:ids as bigint[]), coalesce(array_agg(x.id), '{}')) as ids, array_cat(cast(:dates as date[]), coalesce(array_agg(x.filed_on), '{}')) as dates from (select m.id, m.filed_on from (with m as materialized (select f.id, f.filed_on from filings f where f.search @@ websearch_to_tsquery('english', :q) and f.filed_on >= :f4 and f.filed_on < :t4) select * from m) m order by m.filed_on desc, m.id desc limit 200 - :n) x \gset
\endif
\if :n < 200 and :nsteps >= 5
select :n + count(*) as n, array_cat(cast(:ids as bigint[]), coalesce(array_agg(x.id), '{}')) as ids, array_cat(cast(:dates as date[]), coalesce(array_agg(x.filed_on), '{}')) as dates from (select m.id, m.filed_on from (with m as materialized (select f.id, f.filed_on from filings f where f.search @@ websearch_to_tsquery('english', :q) and f.filed_on >= :f5 and f.filed_on < :t5) select * from m) m order by m.filed_on desc, m.id desc limit 200 - :n) x \gset
\endif
\if :n < 200 and :nsteps >= 6
select :n + count(*) as n, array_cat(cast(:ids as bigint[]), coalesce(array_agg(x.id), '{}')) as ids, array_cat(cast(:dates as date[]), coalesce(array_agg(x.filed_on), '{}')) as dates from (select m.id, m.filed_on from (with m as materialized (select f.id, f.filed_on from filings f where f.search @@ websearch_to_tsquery('english', :q) and f.filed_on >= :f6 and f.filed_on < :t6) select * from m) m order by m.filed_on desc, m.id desc limit 200 - :n) x \gset
\endif
\if :n < 200 and :nsteps >= 7
select :n + count(*) as n, array_cat(cast(:ids as bigint[]), coalesce(array_agg(x.id), '{}')) as ids, array_cat(cast(:dates as date[]), coalesce(array_agg(x.filed_on), '{}')) as dates from (select m.id, m.filed_on from (with m as materialized (select f.id, f.filed_on from filings f where f.search @@ websearch_to_tsquery('english', :q) and f.filed_on >= :f7 and f.filed_on < :t7) select * from m) m order by m.filed_on desc, m.id desc limit 200 - :n) x \gset
\endif
\if :n < 200 and :nsteps >= 8
select :n + count(*) as n, array_cat(cast(:ids as bigint[]), coalesce(array_agg(x.id), '{}')) as ids, array_cat(cast(:dates as date[]), coalesce(array_agg(x.filed_on), '{}')) as dates from (select m.id, m.filed_on from (with m as materialized (select f.id, f.filed_on from filings f where f.search @@ websearch_to_tsquery('english', :q) and f.filed_on >= :f8 and f.filed_on < :t8) select * from m) m order by m.filed_on desc, m.id desc limit 200 - :n) x \gset
\endif
\if :n < 200 and :nsteps >= 9
select :n + count(*) as n, array_cat(cast(:ids as bigint[]), coalesce(array_agg(x.id), '{}')) as ids, array_cat(cast(:dates as date[]), coalesce(array_agg(x.filed_on), '{}')) as dates from (select m.id, m.filed_on from (with m as materialized (select f.id, f.filed_on from filings f where f.search @@ websearch_to_tsquery('english', :q) and f.filed_on >= :f9 and f.filed_on < :t9) select * from m) m order by m.filed_on desc, m.id desc limit 200 - :n) x \gset
\endif
\if :n < 200 and :nsteps >= 10
select :n + count(*) as n, array_cat(cast(:ids as bigint[]), coalesce(array_agg(x.id), '{}')) as ids, array_cat(cast(:dates as date[]), coalesce(array_agg(x.filed_on), '{}')) as dates from (select m.id, m.filed_on from (with m as materialized (select f.id, f.filed_on from filings f where f.search @@ websearch_to_tsquery('english', :q) and f.filed_on >= :f10 and f.filed_on < :t10) select * from m) m order by m.filed_on desc, m.id desc limit 200 - :n) x \gset
\endif
\if :n < 200 and :nsteps >= 11
select :n + count(*) as n, array_cat(cast(:ids as bigint[]), coalesce(array_agg(x.id), '{}')) as ids, array_cat(cast(:dates as date[]), coalesce(array_agg(x.filed_on), '{}')) as dates from (select m.id, m.filed_on from (with m as materialized (select f.id, f.filed_on from filings f where f.search @@ websearch_to_tsquery('english', :q) and f.filed_on >= :f11 and f.filed_on < :t11) select * from m) m order by m.filed_on desc, m.id desc limit 200 - :n) x \gset
\endif
\if :n < 200 and :nsteps >= 12
select :n + count(*) as n, array_cat(cast(:ids as bigint[]), coalesce(array_agg(x.id), '{}')) as ids, array_cat(cast(:dates as date[]), coalesce(array_agg(x.filed_on), '{}')) as dates from (select m.id, m.filed_on from (with m as materialized (select f.id, f.filed_on from filings f where f.search @@ websearch_to_tsquery('english', :q) and f.filed_on >= :f12 and f.filed_on < :t12) select * from m) m order by m.filed_on desc, m.id desc limit 200 - :n) x \gset
\endif
\endif
select coalesce(min(d), '2000-01-01') as lo, coalesce(max(d), '2000-01-01') as hi from unnest(cast(:dates as date[])) d \gset
select ts_rank(f.search, websearch_to_tsquery('english', :q)) as rank, f.id::text as id, f.case_id::text as case_id, f.entry_number, f.filed_on, f.kind, f.title, f.description, f.filed_by::text as filed_by, f.document_url, f.created_at from unnest(cast(:ids as bigint[]), cast(:dates as date[])) as k(id, filed_on) join lateral (select * from filings f where f.id = k.id and f.filed_on = k.filed_on and f.filed_on between cast(:lo as date) and cast(:hi as date) limit 1) f on true order by rank desc, f.id desc limit :lim;
