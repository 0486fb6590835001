package com.docketwatch.hearings;

import com.docketwatch.platform.db.Filter;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.EmptyHandling;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Hearings and deadlines, with every scheduling step kept in their history. */
public interface HearingDao extends SqlObject {
    record HearingRow(
            long id,
            long caseId,
            String kind,
            Instant scheduledAt,
            String timezone,
            String location,
            String description,
            String status,
            String outcome,
            int sequence,
            Instant createdAt,
            Instant updatedAt,
            String origin,
            Long sourceFilingId,
            String title,
            boolean timeKnown,
            String judge,
            Instant editorChangedAt) {}

    record HistoryRow(
            long hearingId,
            String action,
            Instant scheduledAt,
            Instant previousAt,
            String outcome,
            Instant changedAt,
            Long sourceFilingId) {}

    /** A hearing's columns, as {@link HearingRow} names them, over {@link #FROM}. */
    String ROW = """
            h.id, h.case_id, h.kind, h.scheduled_at, ct.timezone, h.location, h.description, h.status, h.outcome,
            h.sequence, h.created_at, h.updated_at, h.origin, h.source_filing_id, h.title, h.time_known, h.judge,
            h.editor_changed_at
            """;
    /** Hearings with their case and court (for the court's zone). */
    String FROM = " from hearings h join cases c on c.id = h.case_id join courts ct on ct.id = c.court_id";

    /** What a new hearing is: an editor's, or one a docket entry announced. */
    record NewHearing(
            String kind,
            Instant scheduledAt,
            String location,
            String description,
            String status,
            String origin,
            Long sourceFilingId,
            String title,
            boolean timeKnown,
            String judge) {}

    @SqlQuery("""
            insert into hearings (case_id, kind, scheduled_at, location, description, status, origin, source_filing_id,
                                  title, time_known, judge, created_at, updated_at)
            values (:caseId, :n.kind, :n.scheduledAt, :n.location, :n.description, :n.status, :n.origin,
                    :n.sourceFilingId, :n.title, :n.timeKnown, :n.judge, :now, :now)
            returning id
            """)
    long insert(@Bind("caseId") long caseId, @BindMethods("n") NewHearing hearing, @Bind("now") Instant now);

    @SqlUpdate("""
            insert into hearing_history (hearing_id, action, scheduled_at, previous_at, outcome, changed_at,
                                         source_filing_id)
            values (:id, :action, :at, :previous, :outcome, :now, :source)
            """)
    void insertHistory(
            @Bind("id") long hearingId,
            @Bind("action") String action,
            @Bind("at") Instant scheduledAt,
            @Bind("previous") Instant previousAt,
            @Bind("outcome") String outcome,
            @Bind("now") Instant now,
            @Bind("source") Long sourceFilingId);

    /** Every hearing of a case, locked: docket text matches its resets and outcomes against them. */
    @SqlQuery("select " + ROW + FROM + " where h.case_id = :caseId order by h.scheduled_at, h.id for update of h")
    List<HearingRow> lockAll(@Bind("caseId") long caseId);

    /** The time zone of a case's court. */
    @SqlQuery("select ct.timezone from cases c join courts ct on ct.id = c.court_id where c.id = :caseId")
    String zoneOf(@Bind("caseId") long caseId);

    /** An editor changed the hearing: later docket text leaves it alone. */
    @SqlUpdate("update hearings set editor_changed_at = :now where id = :id")
    void editorChanged(@Bind("id") long id, @Bind("now") Instant now);

    @SqlQuery("select " + ROW + FROM + " where h.id = :id")
    Optional<HearingRow> find(@Bind("id") long id);

    @SqlQuery("select " + ROW + FROM + " where h.id = :id and h.case_id = :caseId for update of h")
    Optional<HearingRow> lock(@Bind("caseId") long caseId, @Bind("id") long id);

    @SqlUpdate("""
            update hearings
            set scheduled_at = :at, status = :status, outcome = :outcome, sequence = sequence + 1, updated_at = :now
            where id = :id
            """)
    void update(
            @Bind("id") long id,
            @Bind("at") Instant scheduledAt,
            @Bind("status") String status,
            @Bind("outcome") String outcome,
            @Bind("now") Instant now);

    /**
     * The history of these hearings, run on the handle without attaching a DAO: attaching one builds a
     * proxy and every method's binders and mappers for the handle, each request again, a larger share of
     * a hearing list's work than this statement's.
     */
    static List<HistoryRow> history(Handle h, Collection<Long> ids) {
        return h.createQuery("""
                        select hearing_id, action, scheduled_at, previous_at, outcome, changed_at, source_filing_id
                        from hearing_history
                        where hearing_id in (<ids>)
                        order by hearing_id, id
                        """)
                .bindList(EmptyHandling.NULL_KEYWORD, "ids", ids)
                .mapTo(HistoryRow.class)
                .list();
    }

    /** Hearings in time order (scheduled_at, id) after the keyset cursor; on the handle, as {@link #history}. */
    static List<HearingRow> list(Handle h, HearingQuery q, Instant afterAt, Long afterId, int limit) {
        Filter f = new Filter()
                .when(q.caseId(), "caseId", "h.case_id = :caseId")
                .when(q.court(), "court", "c.court_id = :court")
                .when(q.status(), "status", "h.status = :status")
                .when(q.from(), "from", "h.scheduled_at >= :from")
                .when(q.to(), "to", "h.scheduled_at < :to")
                .when(
                        afterId != null,
                        "(h.scheduled_at, h.id) > (:afterAt, :afterId)",
                        "afterAt",
                        afterAt,
                        "afterId",
                        afterId)
                .bind("limit", limit);
        return f.query(h, "select " + ROW + FROM + " <where> order by h.scheduled_at, h.id limit :limit")
                .mapTo(HearingRow.class)
                .list();
    }

    /** A hearing as a calendar event needs it: with its case and its change counter. */
    record CalendarRow(
            long id,
            long caseId,
            String caption,
            String docketNumber,
            String kind,
            Instant scheduledAt,
            String timezone,
            String location,
            String description,
            String status,
            String outcome,
            int sequence,
            Instant createdAt,
            Instant updatedAt,
            String title,
            boolean timeKnown) {}

    /** The latest {@code limit} hearings matching the filters, in time order. */
    default List<CalendarRow> calendar(HearingQuery q, int limit) {
        Filter f = new Filter()
                .when(q.caseId(), "caseId", "h.case_id = :caseId")
                .when(q.court(), "court", "c.court_id = :court")
                .when(q.status(), "status", "h.status = :status")
                .when(q.from(), "from", "h.scheduled_at >= :from")
                .when(q.to(), "to", "h.scheduled_at < :to")
                .bind("limit", limit);
        List<CalendarRow> newestFirst =
                f.query(getHandle(), """
                select h.id, h.case_id, c.caption, c.docket_number, h.kind, h.scheduled_at, ct.timezone,
                       h.location, h.description, h.status, h.outcome, h.sequence, h.created_at, h.updated_at,
                       h.title, h.time_known
                from hearings h
                join cases c on c.id = h.case_id
                join courts ct on ct.id = c.court_id
                <where>
                order by h.scheduled_at desc, h.id desc
                limit :limit
                """).mapTo(CalendarRow.class).list();
        List<CalendarRow> ordered = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(ordered);
        return ordered;
    }

    /** The filters of the hearing calendar; null means not filtered. */
    record HearingQuery(Long caseId, String court, String status, Instant from, Instant to) {}
}
