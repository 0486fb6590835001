-- Hearings and deadlines read from docket text: where each came from (an editor, or a docket entry),
-- the docket's own name for it, whether its time of day is known, its judge, and when an editor last
-- changed it (an editor's change wins over later docket text). Each history step names the entry that
-- made it, for the timeline.
alter table hearings
    add column origin            text    not null default 'editor' check (origin in ('editor', 'docket')),
    add column source_filing_id  bigint  references filings (id),
    add column title             text,
    add column time_known        boolean not null default true,
    add column judge             text,
    add column editor_changed_at timestamptz;

alter table hearing_history add column source_filing_id bigint references filings (id);
