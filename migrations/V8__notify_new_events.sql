-- Long polls of the change feed (GET /events?wait=) wake up on a notification instead of polling
-- the table. NOTIFY is transactional: listeners hear it only once the inserting transaction has
-- committed. One notification per statement, whoever writes the event (any instance, any code path).
create function notify_new_events() returns trigger language plpgsql as $$
begin
    perform pg_notify('docketwatch_events', '');
    return null;
end
$$;

create trigger events_notify after insert on events
    for each statement execute function notify_new_events();
