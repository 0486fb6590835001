-- bench/run, load step 2b, after the COPY: the docket entries in filing-date order. The generator
-- writes them case by case; a live docket table fills in the order entries are filed, across all
-- cases, so that is the order its pages hold them in. Scanning the newest entries (the full-text
-- search window, the change feed) reads neighbouring pages as it would in production.
\set ON_ERROR_STOP on
set maintenance_work_mem = '1GB';
select indexdef from bench.dropped_indexes where indexname = 'filings_filed' \gexec
cluster filings using filings_filed;
delete from bench.dropped_indexes where indexname = 'filings_filed';
