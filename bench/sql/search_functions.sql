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
-- How FilingService.firstWindow chooses, for a query text without case or court filter (WordShares): the
-- share of the newest partitions' entries (those holding 200,000 entries) that hold the query's least common
-- lexeme, from ANALYZE's statistics (a lexeme a partition does not list: half its least listed share, at most
-- 0.5 %), then the cheaper of reading window / share entries in date order (1 a entry, at most 200,000) and
-- fetching every match of the index's ranges until the window is full (4 a match). via_index: 1 to go to the
-- index at once; first: the entries to read in date order otherwise. Unknown (no statistics, or the query
-- has an alternative or an exclusion): via_index 0, first 10,000, the service's first read.
create or replace function bench.search_choice(q text, window_size int default 200, max_scan int default 200000)
    returns table (via_index int, first int) language plpgsql stable as $$
declare
    tsq     text := cast(websearch_to_tsquery('english', q) as text);
    lexemes text[];
    share   float8;
    counted float8 := 0;
    step    record;
    readn   float8;
    fetched float8;
begin
    via_index := 0;
    first := 10000;
    lexemes := array(select replace(m[1], '''''', '''')
                     from regexp_matches(tsq, '''((?:[^'']|'''')*)''', 'g') m);
    if cardinality(lexemes) = 0 or regexp_replace(tsq, '''(?:[^'']|'''')*''', '', 'g') ~ '[|!]' then
        return next;
        return;
    end if;
    with parts as (
        select p.name, sum(p.entries) over (order by p.from_date desc nulls last) - p.entries as newer
        from filings_partitions() p
        where (p.from_date is null or p.from_date <= current_date) and p.entries > 0),
    st as (
        select c.reltuples::float8 as n, cast(cast(s.most_common_elems as text) as text[]) as elems,
               s.most_common_elem_freqs as freqs
        from pg_stats s join pg_class c on c.relname = s.tablename and c.relnamespace = 'public'::regnamespace
        where s.schemaname = 'public' and s.attname = 'search' and not s.inherited
          and s.most_common_elems is not null and c.reltuples > 0
          and s.tablename in (select name from parts where newer < max_scan))
    select min(x.sh) into share from (
        select sum(st.n * coalesce(st.freqs[array_position(st.elems, l)],
                                   least(st.freqs[cardinality(st.elems) + 1] / 2, 0.005))) / sum(st.n) as sh
        from unnest(lexemes) l cross join st group by l) x;
    if share is null then
        return next;
        return;
    end if;
    share := greatest(share, 1e-9);
    readn := window_size / share;
    for step in select s.from_date, s.to_date from bench.search_steps(current_date) s order by s.step loop
        counted := counted + coalesce((select sum(greatest(p.entries, 0)) from filings_partitions() p
            where (step.to_date is null or p.from_date is null or p.from_date < step.to_date)
              and (step.from_date is null or p.to_date is null or p.to_date > step.from_date)), 0);
        exit when counted * share >= window_size;
    end loop;
    fetched := greatest(share * counted, window_size);
    if readn > max_scan or readn * 1 > fetched * 4 then
        via_index := 1;
    else
        first := least(max_scan, ceil(readn * 1.25))::int;
    end if;
    return next;
end $$;
-- The service reads the statistics once in ten minutes; pgbench keeps each query's choice (bench.choice) for
-- the run likewise, so that the script's statements are the service's (made again, empty, by each run).
drop table if exists bench.choices;
create table bench.choices (q text primary key, via_index int not null, first int not null);
create or replace function bench.choice(q text) returns table (via_index int, first int) language plpgsql as $$
begin
    return query select c.via_index, c.first from bench.choices c where c.q = choice.q;
    if not found then
        insert into bench.choices as c (q, via_index, first)
        select choice.q, s.via_index, s.first from bench.search_choice(choice.q) s
        on conflict do nothing;
        return query select c.via_index, c.first from bench.choices c where c.q = choice.q;
    end if;
end $$;
