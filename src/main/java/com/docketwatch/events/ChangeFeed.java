package com.docketwatch.events;

import com.docketwatch.events.EventDao.EventRow;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.errors.ApiException;
import com.docketwatch.platform.request.Cursor;
import com.docketwatch.platform.request.Ids;
import com.docketwatch.platform.request.Page;
import com.docketwatch.platform.request.PageRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Reads the outbox as the change feed {@code GET /events?after=}. */
public final class ChangeFeed {
    private final Jdbi jdbi;
    private final ObjectMapper json;

    public ChangeFeed(Jdbi jdbi, ObjectMapper json) {
        this.jdbi = jdbi;
        this.json = json;
    }

    /**
     * Events after the event {@code after} (or the cursor), oldest first by committing transaction.
     * An event appears only once every transaction older than its own has finished, so a reader
     * following the feed never skips one.
     */
    public Page<EventView> after(Long afterParam, PageRequest page) {
        long after = afterParam == null ? 0 : afterParam;
        Cursor c = page.decode(2);
        long afterId = after;
        List<EventRow> rows = jdbi.withHandle(h -> {
            EventDao dao = Daos.on(h, EventDao.class);
            String txid;
            long id;
            if (c != null) {
                txid = c.get(0);
                id = c.getLong(1);
                if (!isTransactionId(txid)) {
                    throw ApiException.badParameter("cursor", "is not a cursor this list returned");
                }
            } else if (afterId == 0) {
                txid = "0";
                id = 0;
            } else {
                txid = dao.txidOf(afterId)
                        .orElseThrow(() -> ApiException.badParameter("after", "no event with id " + afterId));
                id = afterId;
            }
            return dao.after(txid, id, page.fetchSize());
        });
        return Page.of(rows, page, r -> Cursor.of(r.txid(), r.id()), this::view);
    }

    private EventView view(EventRow r) {
        try {
            return new EventView(
                    Ids.str(r.id()), r.type(), r.occurredAt(), Ids.str(r.caseId()), json.readTree(r.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + r.id() + " holds invalid JSON", e);
        }
    }

    /**
     * A PostgreSQL {@code xid8} as this feed writes it: an unsigned 64-bit number in canonical digits (a
     * value out of range, or with a leading zero, would reach the database's cast and fail there).
     */
    static boolean isTransactionId(String text) {
        if (text.isEmpty() || text.length() > 20 || (text.length() > 1 && text.charAt(0) == '0')) {
            return false;
        }
        try {
            return Long.toUnsignedString(Long.parseUnsignedLong(text)).equals(text);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
