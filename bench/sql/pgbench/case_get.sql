-- GET /api/v1/cases/{id}: the queries of CaseService.get, in one transaction, in its order
-- (CaseDao.find, PartyDao.list + counsel, CaseDao.related, ClaimDao.list + history + against,
-- HearingDao.next + its history). Each list's rows come back as one json_agg row (\gset needs one row)
-- whose ids feed the next query, as the service passes the ids of the rows it just read.
\set id random(1, :ncases)
BEGIN;
select c.id::text as id, c.court_id as court, c.docket_number, c.caption, c.filed_on, c.judge, c.nature_of_suit, c.status, c.status_since, c.created_at, c.updated_at from cases c where c.id = :id;
select coalesce(array_agg(p.id), '{}') as pids, json_agg(p)::text as prows from (select id, case_id, name, role, created_at from parties where case_id = :id and id > 0 order by id limit :maxint) p \gset
select party_id, name, firm from counsel where party_id = any (cast(:pids as bigint[])) order by party_id, id;
select r.related_case_id::text as case_id, r.relation, o.court_id as court, o.docket_number, o.caption from case_relations r join cases o on o.id = r.related_case_id where r.case_id = :id union all select r.case_id::text, '~' || r.relation, o.court_id, o.docket_number, o.caption from case_relations r join cases o on o.id = r.case_id where r.related_case_id = :id;
select coalesce(array_agg(c.id), '{}') as cids, json_agg(c)::text as crows from (select id, case_id, title, statute, status, created_at, updated_at from claims where case_id = :id and id > 0 order by id limit :maxint) c \gset
select claim_id, from_status, status, reason, filing_id, changed_at from claim_history where claim_id = any (cast(:cids as bigint[])) order by claim_id, id;
select claim_id, party_id from claim_defendants where claim_id = any (cast(:cids as bigint[])) order by claim_id, party_id;
select count(*) as hn, coalesce(array_agg(x.id), '{}') as hids, json_agg(x)::text as hrows from (select h.id, h.case_id, h.kind, h.scheduled_at, ct.timezone, h.location, h.description, h.status, h.outcome, h.sequence, h.created_at, h.updated_at from hearings h join cases c on c.id = h.case_id join courts ct on ct.id = c.court_id where h.case_id = :id and h.status in ('scheduled', 'rescheduled') and h.scheduled_at >= now() order by h.scheduled_at, h.id limit 1) x \gset
\if :hn > 0
select hearing_id, action, scheduled_at, previous_at, outcome, changed_at from hearing_history where hearing_id = any (cast(:hids as bigint[])) order by hearing_id, id;
\endif
END;
