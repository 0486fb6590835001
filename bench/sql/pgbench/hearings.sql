-- GET /api/v1/hearings?from=D&to=D+6 (a week; "to" is a date, so through its end): HearingService.list
-- in one transaction: one page in time order, then the page's hearing history.
\set d random(0, :hspan)
\set t_from (:hbase + :d) * 86400
\set t_to :t_from + 7 * 86400
BEGIN;
select coalesce(array_agg(x.id), '{}') as hids, json_agg(x)::text as hrows from (select h.id, h.case_id, h.kind, h.scheduled_at, ct.timezone, h.location, h.description, h.status, h.outcome, h.sequence, h.created_at, h.updated_at from hearings h join cases c on c.id = h.case_id join courts ct on ct.id = c.court_id where h.scheduled_at >= to_timestamp(:t_from) and h.scheduled_at < to_timestamp(:t_to) order by h.scheduled_at, h.id limit :lim) x \gset
select hearing_id, action, scheduled_at, previous_at, outcome, changed_at from hearing_history where hearing_id = any (cast(:hids as bigint[])) order by hearing_id, id;
END;
