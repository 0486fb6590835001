package com.docketwatch.core;

import com.docketwatch.api.EventView;
import com.docketwatch.api.Page;
import com.docketwatch.db.EventDao;
import com.docketwatch.db.EventDao.EventRow;
import com.docketwatch.errors.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Reads the outbox as the change feed {@code GET /events?after=}. */
public final class EventFeed {
    private final Jdbi jdbi;
    private final ObjectMapper json;

    public EventFeed(Jdbi jdbi, ObjectMapper json) {
        this.jdbi = jdbi;
        this.json = json;
    }

    /** Events with an id above {@code after} (or the cursor), oldest first. */
    public Page<EventView> after(String afterParam, PageRequest page) {
        long after = 0;
        if (afterParam != null && !afterParam.isEmpty()) {
            after = Ids.parse(afterParam).orElse(afterParam.equals("0") ? 0 : -1);
            if (after < 0) {
                throw ApiException.badParameter("after", "is not an event id");
            }
        }
        Cursor c = page.decode(1);
        long from = c == null ? after : c.getLong(0);
        List<EventRow> rows = jdbi.withExtension(EventDao.class, dao -> dao.after(from, page.fetchSize()));
        return Page.of(rows, page, r -> Cursor.of(r.id()), this::view);
    }

    private EventView view(EventRow r) {
        try {
            return new EventView(Ids.str(r.id()), r.type(), r.occurredAt(), Ids.str(r.caseId()), json.readTree(r.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + r.id() + " holds invalid JSON", e);
        }
    }
}
