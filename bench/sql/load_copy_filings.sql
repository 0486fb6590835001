-- bench/run, load step 2 (one of two parallel sessions): docket entries. PostgreSQL computes each
-- row's tsvector (the generated column "search") as it copies.
\set ON_ERROR_STOP on
set session_replication_role = replica;
copy filings (id, case_id, entry_number, filed_on, kind, title, description, filed_by, document_url, created_at) from :'file';
