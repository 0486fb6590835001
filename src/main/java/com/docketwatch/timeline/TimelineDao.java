package com.docketwatch.timeline;

import com.docketwatch.platform.db.Filter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.sqlobject.SqlObject;

/**
 * A case's timeline: filings, status changes, claim history and hearing history merged by one
 * UNION ALL query in (at, kind, id) order, each row carrying its details as JSON. Only the branches
 * the type filter asks for are queried.
 */
interface TimelineDao extends SqlObject {
    /** {@code kind} orders entries of the same instant: filings, status changes, claim changes, hearings. */
    record TimelineRow(String type, Instant at, int kind, long id, String data) {}

    List<String> HEARING_ACTIONS = List.of("scheduled", "rescheduled", "vacated", "held");

    /** A filing happened at the start of its filing date in the court's zone {@code :tz}. */
    String FILINGS = """
            select 'filing' as type, (f.filed_on::timestamp at time zone :tz) as at, 1 as kind, f.id,
                   jsonb_build_object('id', f.id::text, 'case_id', f.case_id::text, 'entry_number', f.entry_number,
                       'filed_on', f.filed_on, 'kind', f.kind, 'title', f.title, 'description', f.description,
                       'filed_by', f.filed_by::text, 'document_url', f.document_url, 'created_at', f.created_at) as data
            from filings f
            where f.case_id = :caseId
            """;

    /** A status change happened at the start of its effective date in the court's zone {@code :tz}. */
    String STATUS_CHANGES = """
            select 'status_change' as type, (s.effective_on::timestamp at time zone :tz) as at, 2 as kind, s.id,
                   jsonb_build_object('id', s.id::text, 'case_id', s.case_id::text, 'from_status', s.from_status,
                       'status', s.status, 'effective_on', s.effective_on, 'reason', s.reason,
                       'filing_id', s.filing_id::text, 'with_prejudice', s.with_prejudice,
                       'created_at', s.created_at) as data
            from status_changes s
            where s.case_id = :caseId
            """;

    /** A claim change that cites a filing happened on that filing's date; otherwise when it was recorded. */
    String CLAIM_CHANGES = """
            select 'claim_change' as type, coalesce(fl.filed_on::timestamp at time zone :tz, ch.changed_at) as at,
                   3 as kind, ch.id,
                   jsonb_build_object('claim_id', c.id::text, 'title', c.title, 'from_status', ch.from_status,
                       'status', ch.status, 'reason', ch.reason, 'filing_id', ch.filing_id::text,
                       'changed_at', ch.changed_at) as data
            from claim_history ch
            join claims c on c.id = ch.claim_id
            left join filing_keys fl on fl.id = ch.filing_id
            where c.case_id = :caseId
            """;

    /**
     * A hearing held happened at its time; scheduling, moving and vacating when they were recorded.
     * Only the actions asked for ({@code <actions>}).
     */
    String HEARINGS = """
            select 'hearing_' || hh.action as type,
                   case when hh.action = 'held' then hh.scheduled_at else hh.changed_at end as at, 4 as kind, hh.id,
                   jsonb_build_object('hearing_id', h.id::text, 'kind', h.kind, 'action', hh.action,
                       'scheduled_at', hh.scheduled_at, 'previous_scheduled_at', hh.previous_at,
                       'location', h.location, 'outcome', hh.outcome, 'changed_at', hh.changed_at,
                       'title', h.title, 'source_filing_id', hh.source_filing_id::text) as data
            from hearing_history hh
            join hearings h on h.id = hh.hearing_id
            where h.case_id = :caseId and hh.action in (<actions>)
            """;

    /** The page of entries: {@code %s} is the chosen branches, joined by UNION ALL. */
    String PAGE = """
            select t.type, t.at, t.kind, t.id, t.data::text as data
            from (
            %s) t
            <where>
            order by t.at, t.kind, t.id
            limit :limit
            """;

    /**
     * The case's entries of the given types (all when empty) after the keyset (afterAt, afterKind,
     * afterId), oldest first.
     */
    default List<TimelineRow> page(
            long caseId,
            String zone,
            Collection<String> types,
            Instant afterAt,
            int afterKind,
            Long afterId,
            int limit) {
        boolean all = types.isEmpty();
        List<String> branches = new ArrayList<>();
        if (all || types.contains("filing")) {
            branches.add(FILINGS);
        }
        if (all || types.contains("status_change")) {
            branches.add(STATUS_CHANGES);
        }
        if (all || types.contains("claim_change")) {
            branches.add(CLAIM_CHANGES);
        }
        List<String> actions = HEARING_ACTIONS.stream()
                .filter(a -> all || types.contains("hearing_" + a))
                .toList();
        if (!actions.isEmpty()) {
            branches.add(HEARINGS);
        }
        Filter f = new Filter()
                .when(
                        afterId != null,
                        "(t.at, t.kind, t.id) > (:afterAt, :afterKind, :afterId)",
                        "afterAt",
                        afterAt,
                        "afterKind",
                        afterKind,
                        "afterId",
                        afterId)
                .bind("caseId", caseId)
                .bind("limit", limit);
        if (branches.stream().anyMatch(b -> b.contains(":tz"))) {
            f.bind("tz", zone);
        }
        Query q = f.query(getHandle(), PAGE.formatted(String.join("union all\n", branches)));
        if (!actions.isEmpty()) {
            q.bindList("actions", actions);
        }
        return q.mapTo(TimelineRow.class).list();
    }
}
