-- Made by load_finish.sql, and again by bench/search-scaling on a corpus an older release loaded.
\set ON_ERROR_STOP on
-- How FilingService walks the partitions of filings (FilingPartitions), for pgbench/filings_search.sql:
-- bench.since(n) is the date from which on the newest partitions hold n entries by PostgreSQL's estimates
-- (-infinity when they all hold fewer), bench.search_plan() the date ranges, newest first, that the
-- full-text index is read in. Made after VACUUM ANALYZE, whose estimates the service reads too.
create or replace function bench.since(n bigint) returns date language sql stable as $$
    select coalesce((select from_date from (
        select from_date, sum(greatest(entries, 0)) over (order by from_date desc nulls last) as counted
        from filings_partitions()) p
        where counted >= n order by counted, from_date desc limit 1), '-infinity')
$$;
create or replace function bench.search_steps(today date)
    returns table (step int, from_date date, to_date date) language plpgsql stable as $$
declare
    froms   date[];
    i       int;
    j       int;
    oldest  int;
    size    int := 1;
    upper   date;
begin
    froms := array(select p.from_date from filings_partitions() p order by p.from_date nulls first);
    i := coalesce(array_length(froms, 1), 0);
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
-- One row: how many ranges, and each range's dates (+-infinity for an open end).
create or replace function bench.search_plan() returns table (nsteps bigint, f1 date, t1 date, f2 date, t2 date, f3 date, t3 date, f4 date, t4 date, f5 date, t5 date, f6 date, t6 date, f7 date, t7 date, f8 date, t8 date, f9 date, t9 date, f10 date, t10 date, f11 date, t11 date, f12 date, t12 date)
    language sql stable as $$
    select count(*),
           max(coalesce(from_date, '-infinity')) filter (where step = 1), max(coalesce(to_date, 'infinity')) filter (where step = 1),
           max(coalesce(from_date, '-infinity')) filter (where step = 2), max(coalesce(to_date, 'infinity')) filter (where step = 2),
           max(coalesce(from_date, '-infinity')) filter (where step = 3), max(coalesce(to_date, 'infinity')) filter (where step = 3),
           max(coalesce(from_date, '-infinity')) filter (where step = 4), max(coalesce(to_date, 'infinity')) filter (where step = 4),
           max(coalesce(from_date, '-infinity')) filter (where step = 5), max(coalesce(to_date, 'infinity')) filter (where step = 5),
           max(coalesce(from_date, '-infinity')) filter (where step = 6), max(coalesce(to_date, 'infinity')) filter (where step = 6),
           max(coalesce(from_date, '-infinity')) filter (where step = 7), max(coalesce(to_date, 'infinity')) filter (where step = 7),
           max(coalesce(from_date, '-infinity')) filter (where step = 8), max(coalesce(to_date, 'infinity')) filter (where step = 8),
           max(coalesce(from_date, '-infinity')) filter (where step = 9), max(coalesce(to_date, 'infinity')) filter (where step = 9),
           max(coalesce(from_date, '-infinity')) filter (where step = 10), max(coalesce(to_date, 'infinity')) filter (where step = 10),
           max(coalesce(from_date, '-infinity')) filter (where step = 11), max(coalesce(to_date, 'infinity')) filter (where step = 11),
           max(coalesce(from_date, '-infinity')) filter (where step = 12), max(coalesce(to_date, 'infinity')) filter (where step = 12)
    from bench.search_steps(current_date)
$$;
