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
    public static final java.util.List<String> ALL = java.util.List.of(
            FILING_CREATED,
            CASE_STATUS_CHANGED,
            CLAIM_UPDATED,
            HEARING_SCHEDULED,
            HEARING_RESCHEDULED,
            HEARING_VACATED,
            HEARING_REMINDER);

    private final ObjectMapper json;

    public Events(ObjectMapper json) {
        this.json = json;
    }

    public long record(Handle handle, String type, long caseId, Object data, Instant at) {
        return record(handle, type, caseId, data, at, null, null);
    }

    public long filingCreated(Handle handle, FilingView filing, Instant at) {
        return record(
                handle,
                FILING_CREATED,
                Long.parseLong(filing.caseId()),
                filing,
                at,
                Long.parseLong(filing.id()),
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
        String[] kinds = filings.stream().map(FilingView::kind).toArray(String[]::new);
        Daos.on(handle, DeliveryDao.class).fanOutFilings(ids, filingIds, kinds, caseId, at);
        return ids.length;
    }

    private long record(Handle handle, String type, long caseId, Object data, Instant at, Long filingId, String kind) {
        long id = Daos.on(handle, EventDao.class).insert(type, caseId, at, serialise(type, data));
        Daos.on(handle, DeliveryDao.class).fanOut(id, type, caseId, filingId, kind, at);
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
