-- bench/run, load step 2 (one of two parallel sessions): docket entries, each routed to the partition
-- of its filing date. PostgreSQL computes each row's tsvector (the generated column "search") as it
-- copies. Their keys (filing_keys) are made from them afterwards, in load_cluster.sql. Triggers do not fire
-- here (replica role), so the generator writes each entry's court (V17's trigger sets it in the service).
\set ON_ERROR_STOP on
set session_replication_role = replica;
copy filings (id, case_id, entry_number, filed_on, kind, title, description, filed_by, document_url, created_at, court_id)
    from :'file';
