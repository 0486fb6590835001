-- bench/run, load step 3 of 3 (after the index rebuilds): identity sequences past the copied ids,
-- the load generators' search terms, statistics and visibility map (VACUUM ANALYZE, so the first
-- benchmark does not pay for hint bits), a checkpoint.
\set ON_ERROR_STOP on
select format('select setval(%L, coalesce((select max(id) from public.%I), 0) + 1, false)',
              pg_get_serial_sequence('public.' || c.table_name, c.column_name), c.table_name)
from information_schema.columns c
where c.table_schema = 'public' and c.is_identity = 'YES' and c.table_name not like 'qrtz%' \gexec
drop table bench.dropped_indexes;
create table if not exists bench.terms (kind text not null, i int not null, term text not null, primary key (kind, i));
truncate bench.terms;
copy bench.terms (kind, i, term) from :'terms';
vacuum analyze;
-- How FilingService walks the partitions of filings (FilingPartitions), for pgbench/filings_search.sql:
-- bench.since(n) is the date from which on the newest partitions hold n entries by PostgreSQL's estimates
-- (-infinity when they all hold fewer), bench.search_plan the first probe's date and the date ranges, newest
-- first, that the full-text index is read in (+-infinity for an open end). Made after VACUUM ANALYZE, whose
-- estimates the service reads too.
create or replace function bench.since(n bigint) returns date language sql stable as $$
    select coalesce((select from_date from (
        select from_date, sum(greatest(entries, 0)) over (order by from_date desc nulls last) as counted
        from filings_partitions()) p
        where counted >= n order by counted, from_date desc limit 1), '-infinity')
$$;
create or replace function bench.search_steps(today date) returns table (step int, from_date date, to_date date)
    language plpgsql stable as $$
declare
    froms  date[] := array(select p.from_date from filings_partitions() p order by p.from_date nulls first);
    i      int := coalesce(array_length(froms, 1), 0);
    j      int;
    oldest int;
    size   int := 1;
    upper  date;
begin
    while i >= 1 and froms[i] is not null and froms[i] > today loop
        i := i - 1;
    end loop;
    step := 1;
    if i < 1 then
        from_date := null; to_date := null; return next; return;
    end if;
    upper := froms[i];
    from_date := upper; to_date := null; return next;
    j := i - 1;
    while j >= 1 and upper is not null loop
        oldest := greatest(1, j - size + 1);
        step := step + 1; from_date := froms[oldest]; to_date := upper; return next;
        upper := froms[oldest];
        j := oldest - 1;
        size := size * 2;
    end loop;
    if upper is not null then
        step := step + 1; from_date := null; to_date := upper; return next;
    end if;
end $$;
drop table if exists bench.search_plan;
create table bench.search_plan as
    select bench.since(10000) as since1, (select count(*) from bench.search_steps(current_date)) as nsteps,
           s.*
    from (select 1) one,
         lateral (select
            max(coalesce(from_date, '-infinity')) filter (where step = 1) as f1, max(coalesce(to_date, 'infinity')) filter (where step = 1) as t1,
            max(coalesce(from_date, '-infinity')) filter (where step = 2) as f2, max(coalesce(to_date, 'infinity')) filter (where step = 2) as t2,
            max(coalesce(from_date, '-infinity')) filter (where step = 3) as f3, max(coalesce(to_date, 'infinity')) filter (where step = 3) as t3,
            max(coalesce(from_date, '-infinity')) filter (where step = 4) as f4, max(coalesce(to_date, 'infinity')) filter (where step = 4) as t4,
            max(coalesce(from_date, '-infinity')) filter (where step = 5) as f5, max(coalesce(to_date, 'infinity')) filter (where step = 5) as t5,
            max(coalesce(from_date, '-infinity')) filter (where step = 6) as f6, max(coalesce(to_date, 'infinity')) filter (where step = 6) as t6,
            max(coalesce(from_date, '-infinity')) filter (where step = 7) as f7, max(coalesce(to_date, 'infinity')) filter (where step = 7) as t7,
            max(coalesce(from_date, '-infinity')) filter (where step = 8) as f8, max(coalesce(to_date, 'infinity')) filter (where step = 8) as t8,
            max(coalesce(from_date, '-infinity')) filter (where step = 9) as f9, max(coalesce(to_date, 'infinity')) filter (where step = 9) as t9,
            max(coalesce(from_date, '-infinity')) filter (where step = 10) as f10, max(coalesce(to_date, 'infinity')) filter (where step = 10) as t10,
            max(coalesce(from_date, '-infinity')) filter (where step = 11) as f11, max(coalesce(to_date, 'infinity')) filter (where step = 11) as t11,
            max(coalesce(from_date, '-infinity')) filter (where step = 12) as f12, max(coalesce(to_date, 'infinity')) filter (where step = 12) as t12
         from bench.search_steps(current_date)) s;
checkpoint;
