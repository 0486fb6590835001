package com.docketwatch.events;

import com.docketwatch.events.EventDao.EventRow;
import com.docketwatch.events.EventDao.Horizon;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.errors.ApiException;
import com.docketwatch.platform.request.Cursor;
import com.docketwatch.platform.request.Ids;
import com.docketwatch.platform.request.Page;
import com.docketwatch.platform.request.PageRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
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
     * following the feed never skips one. Once retention has removed old events, {@code after=0} starts
     * after them, and a position before the removed ones is 410: that reader missed events it can no
     * longer read.
     */
    public Page<EventView> after(Long afterParam, PageRequest page) {
        long after = afterParam == null ? 0 : afterParam;
        Cursor c = page.decode(2);
        long afterId = after;
        List<EventRow> rows = jdbi.withHandle(h -> {
            EventDao dao = Daos.on(h, EventDao.class);
            Optional<Horizon> horizon = dao.horizon();
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
                Optional<String> found = dao.txidOf(afterId);
                if (found.isPresent()) {
                    txid = found.get();
                } else if (horizon.isPresent() && afterId == horizon.get().eventId()) {
                    txid = horizon.get().txid(); // the last event removed: nothing missed
                } else if (horizon.isPresent() && afterId <= horizon.get().maxEventId()) {
                    throw gone();
                } else {
                    throw ApiException.badParameter("after", "no event with id " + afterId);
                }
                id = afterId;
            }
            if (horizon.isPresent() && before(txid, id, horizon.get())) {
                if (c != null || afterId != 0) {
                    throw gone();
                }
                txid = horizon.get().txid();
                id = horizon.get().eventId();
            }
            return dao.after(txid, id, page.fetchSize());
        });
        return Page.of(rows, page, r -> Cursor.of(r.txid(), r.id()), this::view);
    }

    private static boolean before(String txid, long id, Horizon horizon) {
        int byTransaction = Long.compareUnsigned(Long.parseUnsignedLong(txid), Long.parseUnsignedLong(horizon.txid()));
        return byTransaction < 0 || (byTransaction == 0 && id < horizon.eventId());
    }

    private static ApiException gone() {
        return new ApiException(
                410,
                "gone",
                "Gone",
                "Events after this position were removed at the end of their retention period, before they"
                        + " were read: read again from after=0 (the oldest event kept) and refresh what you keep",
                null);
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
