-- bench/run, load step 2 (everything but the filings, which load in two parallel sessions).
-- Foreign-key triggers are off for this session only (session_replication_role = replica): the
-- generator writes every reference inside the corpus, and checking 5M references one row at a time
-- would dominate the load.
\set ON_ERROR_STOP on
set session_replication_role = replica;
begin;
\set f :dir '/courts.tsv'
copy courts (id, name, jurisdiction, timezone) from :'f';
\set f :dir '/cases.tsv'
copy cases (id, court_id, docket_number, caption, filed_on, judge, nature_of_suit, status, status_since, created_at, updated_at) from :'f';
-- Parties point to their distinct name (V18). Its trigger is off with the other triggers, so the names
-- are collected here in one statement and each party joined to its name's id.
create temp table parties_load on commit drop as select id, case_id, name, role, created_at from parties with no data;
\set f :dir '/parties.tsv'
copy parties_load from :'f';
insert into party_names (name) select distinct lower(name) from parties_load order by 1;
insert into parties (id, case_id, name, role, created_at, name_id) overriding system value
    select l.id, l.case_id, l.name, l.role, l.created_at, n.id from parties_load l join party_names n on n.name = lower(l.name);
\set f :dir '/counsel.tsv'
copy counsel (id, party_id, name, firm) from :'f';
\set f :dir '/claims.tsv'
copy claims (id, case_id, title, statute, status, created_at, updated_at) from :'f';
\set f :dir '/claim_defendants.tsv'
copy claim_defendants (claim_id, party_id) from :'f';
\set f :dir '/claim_history.tsv'
copy claim_history (id, claim_id, from_status, status, reason, filing_id, changed_at) from :'f';
\set f :dir '/status_changes.tsv'
copy status_changes (id, case_id, from_status, status, effective_on, reason, filing_id, with_prejudice, created_at) from :'f';
\set f :dir '/case_relations.tsv'
copy case_relations (case_id, related_case_id, relation, created_at) from :'f';
\set f :dir '/hearings.tsv'
copy hearings (id, case_id, kind, scheduled_at, location, description, status, outcome, sequence, created_at, updated_at) from :'f';
\set f :dir '/hearing_history.tsv'
copy hearing_history (id, hearing_id, action, scheduled_at, previous_at, outcome, changed_at) from :'f';
\set f :dir '/subscriptions.tsv'
copy subscriptions (id, owner_key_id, case_id, court_id, party, query, events, channel_type, webhook_url, secret_enc, reminder_lead_times, delivery, paused, created_at, updated_at) from :'f';
update subscriptions set query_tsq = websearch_to_tsquery('english', query) where query is not null;
\set f :dir '/reminders.tsv'
copy reminders (id, subscription_id, hearing_id, lead_time, due_at, status) from :'f';
commit;
