package com.docketwatch.core;

import com.docketwatch.db.EventDao;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Writes events to the outbox inside the caller's transaction, so a change and its alert commit together. */
public final class Events {
    public static final String FILING_CREATED = "filing.created";
    public static final String CASE_STATUS_CHANGED = "case.status_changed";
    public static final String CLAIM_UPDATED = "claim.updated";
    public static final String HEARING_SCHEDULED = "hearing.scheduled";
    public static final String HEARING_RESCHEDULED = "hearing.rescheduled";
    public static final String HEARING_VACATED = "hearing.vacated";

    private final ObjectMapper json;

    public Events(ObjectMapper json) {
        this.json = json;
    }

    public long record(Handle handle, String type, long caseId, Object data, Instant at) {
        try {
            return handle.attach(EventDao.class).insert(type, caseId, at, json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a " + type + " event", e);
        }
    }
}
