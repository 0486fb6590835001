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
\ir search_functions.sql
checkpoint;
