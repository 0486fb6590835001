-- bench/run, load step 2b, after the COPY: the docket entries in filing-date order. The generator
-- writes them case by case; a live docket table fills in the order entries are filed, across all
-- cases, so that is the order its pages hold them in. Scanning the newest entries (the full-text
-- search window, the change feed) reads neighbouring pages as it would in production.
-- filings is partitioned by filing date (V15): CLUSTER orders each partition (PostgreSQL 15 and later).
-- Then the entries' keys, which the COPY left out (foreign keys are not checked while loading).
\set ON_ERROR_STOP on
set maintenance_work_mem = '1GB';
select indexdef from bench.dropped_indexes where indexname = 'filings_filed' \gexec
cluster filings using filings_filed;
delete from bench.dropped_indexes where indexname = 'filings_filed';
set session_replication_role = replica;
insert into filing_keys (id, case_id, entry_number, source_key, filed_on, kind)
overriding system value
select id, case_id, entry_number, source_key, filed_on, kind from filings;
