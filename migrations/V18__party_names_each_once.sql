-- Issue 14: `GET /cases?party=` matched the substring against every party row through a trigram index.
-- Party names repeat (the same agency, company or person in case after case), and the index's matches
-- had each to be fetched from the table to recheck the substring: about 1,900 rows, one page each, for
-- a name on 1,800 of 100,000 cases, 7-8 ms of PostgreSQL's CPU. Each distinct name (lower-cased) is now
-- kept once in party_names with the trigram index; a party points to its name. The filter looks the
-- substring up among the distinct names (a few rows to recheck), then reads the cases of those names
-- from an index on (name_id, case_id) alone, without visiting the parties' rows.
--
-- A trigger fills name_id on every insert, so that every way in (the API, docket imports, a bulk COPY)
-- keeps it; party names are never changed once written.
create table party_names (
    id   bigint generated always as identity primary key,
    name text not null unique
);

alter table parties add column name_id bigint references party_names (id);

create function parties_name_id() returns trigger
    language plpgsql as $$
declare
    n text := lower(new.name);
begin
    select id into new.name_id from party_names where name = n;
    if new.name_id is null then
        -- A concurrent insert of the same new name: on conflict waits for it, and the second look finds it.
        insert into party_names (name) values (n) on conflict (name) do nothing returning id into new.name_id;
        if new.name_id is null then
            select id into strict new.name_id from party_names where name = n;
        end if;
    end if;
    return new;
end $$;

create trigger parties_name_id before insert or update of name on parties
    for each row execute function parties_name_id();

insert into party_names (name) select distinct lower(name) from parties order by 1;
update parties p set name_id = n.id from party_names n where n.name = lower(p.name);
alter table parties alter column name_id set not null;

create index party_names_trgm on party_names using gin (name gin_trgm_ops);
create index parties_name_case on parties (name_id, case_id);
drop index parties_name_trgm;
