-- bench/run, load step 1 of 3: before COPY. The service has created its schema (Flyway) and is
-- otherwise empty. The secondary indexes of the bulk tables are dropped (their definitions kept in
-- bench.dropped_indexes) and rebuilt after the COPY, which is several times faster than maintaining
-- them row by row; primary keys and unique constraints stay. The docket entries' indexes are partitioned
-- (V15): each is kept by its parent's definition without ONLY, so that recreating it builds it on every
-- partition (dropping the parent drops the partitions' indexes).
\set ON_ERROR_STOP on
create schema if not exists bench;
drop table if exists bench.dropped_indexes;
create table bench.dropped_indexes as
    select i.tablename, i.indexname, replace(i.indexdef, ' ON ONLY ', ' ON ') as indexdef
    from pg_indexes i
    where i.schemaname = 'public'
      and i.tablename in ('cases', 'parties', 'counsel', 'filings', 'filing_keys', 'claims', 'claim_history', 'status_changes',
                          'hearings', 'hearing_history', 'subscriptions', 'reminders', 'case_relations')
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname);
select format('drop index public.%I', indexname) from bench.dropped_indexes \gexec
