-- GET /api/v1/cases/{id}/filings?limit=50: FilingService.list in one transaction (the case must
-- exist, then one page newest first; the service fetches limit + 1 rows to know if a page follows).
\set id random(1, :ncases)
BEGIN;
select c.id::text as id, c.court_id as court, c.docket_number, c.caption, c.filed_on, c.judge, c.nature_of_suit, c.status, c.status_since, c.created_at, c.updated_at from cases c where c.id = :id;
select f.id::text as id, f.case_id::text as case_id, f.entry_number, f.filed_on, f.kind, f.title, f.description, f.filed_by::text as filed_by, f.document_url, f.created_at from filings f where f.case_id = :id order by f.filed_on desc, f.id desc limit :lim;
END;
