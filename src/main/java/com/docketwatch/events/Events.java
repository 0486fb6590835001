package com.docketwatch.events;

import com.docketwatch.alerts.delivery.DeliveryDao;
import com.docketwatch.filings.FilingView;
import com.docketwatch.platform.db.Daos;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * The outbox: an event is written inside the caller's transaction, together with one delivery row
 * per matching subscription, so a change, its event and its alerts commit (or roll back) together.
 */
public final class Events {
    public static final String FILING_CREATED = "filing.created";
    public static final String CASE_STATUS_CHANGED = "case.status_changed";
    public static final String CLAIM_UPDATED = "claim.updated";
    public static final String HEARING_SCHEDULED = "hearing.scheduled";
    public static final String HEARING_RESCHEDULED = "hearing.rescheduled";
    public static final String HEARING_VACATED = "hearing.vacated";
    public static final String HEARING_REMINDER = "hearing.reminder";
    public static final String CASE_CREATED = "case.created";
    public static final String FILING_UPDATED = "filing.updated";
    public static final java.util.List<String> ALL = java.util.List.of(
            FILING_CREATED,
            CASE_STATUS_CHANGED,
            CLAIM_UPDATED,
            HEARING_SCHEDULED,
            HEARING_RESCHEDULED,
            HEARING_VACATED,
            HEARING_REMINDER,
            CASE_CREATED,
            FILING_UPDATED);

    /**
     * How long a case counts as new for a party subscription that starts matching it: a party added
     * within this time of the case's creation delivers the case's {@code case.created} to the party
     * subscriptions it makes match (a case created by {@code POST /cases} gets its parties by later calls;
     * a court feed creates cases without parties, which a docket import adds later).
     */
    public static final java.time.Duration NEW_CASE = java.time.Duration.ofDays(30);

    private final ObjectMapper json;

    public Events(ObjectMapper json) {
        this.json = json;
    }

    public long record(Handle handle, String type, long caseId, Object data, Instant at) {
        return record(handle, type, caseId, data, at, null, null, null);
    }

    public long filingCreated(Handle handle, FilingView filing, Instant at) {
        return record(
                handle,
                FILING_CREATED,
                Long.parseLong(filing.caseId()),
                filing,
                at,
                Long.parseLong(filing.id()),
                filing.filedOn(),
                filing.kind());
    }

    /**
     * One filing.created event per filing of one case, written in batches with their deliveries
     * matched in one statement (a docket import may create thousands at once); the same events and
     * deliveries as {@link #filingCreated} for each.
     */
    public int filingsCreated(Handle handle, long caseId, java.util.List<FilingView> filings, Instant at) {
        if (filings.isEmpty()) {
            return 0;
        }
        EventDao dao = Daos.on(handle, EventDao.class);
        long[] ids = dao.newIds(filings.size());
        dao.insertAll(
                ids,
                FILING_CREATED,
                caseId,
                at,
                filings.stream().map(f -> serialise(FILING_CREATED, f)).toList());
        long[] filingIds =
                filings.stream().mapToLong(f -> Long.parseLong(f.id())).toArray();
        String[] filedOn = filings.stream().map(f -> f.filedOn().toString()).toArray(String[]::new);
        String[] kinds = filings.stream().map(FilingView::kind).toArray(String[]::new);
        Daos.on(handle, DeliveryDao.class).fanOutFilings(FILING_CREATED, ids, filingIds, filedOn, kinds, caseId, at);
        return ids.length;
    }

    /**
     * A new case (by the API, an import or a court feed): {@code data} is the case as {@code GET
     * /cases/{id}} shows it, with the parties it was created with. Court subscriptions hear it, party
     * subscriptions matching one of those parties, and related-case followers of a case it was linked to
     * in the same transaction.
     */
    public long caseCreated(Handle handle, com.docketwatch.cases.CaseView kase, Instant at) {
        return record(handle, CASE_CREATED, Long.parseLong(kase.id()), kase, at);
    }

    /**
     * Parties were added to a case: party subscriptions that one of {@code names} makes match hear the
     * case's {@code case.created}, once (the event itself, same id, delivered now), if the case was
     * created within {@link #NEW_CASE}. A subscription that heard it already is left alone.
     */
    public int partiesAdded(Handle handle, long caseId, java.util.List<String> names, Instant at) {
        if (names.isEmpty()) {
            return 0;
        }
        return Daos.on(handle, DeliveryDao.class)
                .fanOutCaseCreated(caseId, names.toArray(String[]::new), at.minus(NEW_CASE), at);
    }

    /** A filing an import or a court feed changed, and what changed (field to old and new value). */
    public record FilingUpdate(FilingView filing, java.util.Map<String, Change> changes) {}

    /** A field's value before and after an update. */
    public record Change(Object old, Object now) {
        /** {@code {"old": ..., "new": ...}}, nulls included. */
        @com.fasterxml.jackson.annotation.JsonValue
        public java.util.Map<String, Object> wire() {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("old", old);
            m.put("new", now);
            return m;
        }
    }

    /**
     * One filing.updated event per changed filing of one case, fanned out in one statement like {@link
     * #filingsCreated}: {@code data} is the filing as it is now, with {@code changes}.
     */
    public int filingsUpdated(Handle handle, long caseId, java.util.List<FilingUpdate> updates, Instant at) {
        if (updates.isEmpty()) {
            return 0;
        }
        EventDao dao = Daos.on(handle, EventDao.class);
        long[] ids = dao.newIds(updates.size());
        dao.insertAll(
                ids,
                FILING_UPDATED,
                caseId,
                at,
                updates.stream().map(u -> serialise(FILING_UPDATED, data(u))).toList());
        long[] filingIds =
                updates.stream().mapToLong(u -> Long.parseLong(u.filing().id())).toArray();
        String[] filedOn =
                updates.stream().map(u -> u.filing().filedOn().toString()).toArray(String[]::new);
        String[] kinds = updates.stream().map(u -> u.filing().kind()).toArray(String[]::new);
        Daos.on(handle, DeliveryDao.class).fanOutFilings(FILING_UPDATED, ids, filingIds, filedOn, kinds, caseId, at);
        return ids.length;
    }

    /** The filing's fields, then {@code changes}. */
    private com.fasterxml.jackson.databind.node.ObjectNode data(FilingUpdate u) {
        com.fasterxml.jackson.databind.node.ObjectNode node = json.valueToTree(u.filing());
        node.set("changes", json.valueToTree(u.changes()));
        return node;
    }

    private long record(
            Handle handle,
            String type,
            long caseId,
            Object data,
            Instant at,
            Long filingId,
            java.time.LocalDate filedOn,
            String kind) {
        long id = Daos.on(handle, EventDao.class).insert(type, caseId, at, serialise(type, data));
        Daos.on(handle, DeliveryDao.class).fanOut(id, type, caseId, filingId, filedOn, kind, at);
        return id;
    }

    private String serialise(String type, Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a " + type + " event", e);
        }
    }
}
