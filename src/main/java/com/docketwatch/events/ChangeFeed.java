package com.docketwatch.events;

import com.docketwatch.events.EventDao.EventRow;
import com.docketwatch.events.EventDao.Horizon;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.db.StatementTimeouts;
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

/**
 * Reads the outbox as the change feed {@code GET /events?after=}. Every read is an API read, under the
 * requests' statement time limit, also when a long poll's waiter runs it off the request thread.
 */
public final class ChangeFeed {
    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final StatementTimeouts timeouts;

    public ChangeFeed(Jdbi jdbi, ObjectMapper json, StatementTimeouts timeouts) {
        this.jdbi = jdbi;
        this.json = json;
        this.timeouts = timeouts;
    }

    /** A place in the feed: (transaction id, event id), the feed's order; the transaction id is unsigned. */
    public record Position(long txid, long id) implements Comparable<Position> {
        static final Position START = new Position(0, 0);

        @Override
        public int compareTo(Position o) {
            int byTransaction = Long.compareUnsigned(txid, o.txid);
            return byTransaction != 0 ? byTransaction : Long.compare(id, o.id);
        }

        String txidText() {
            return Long.toUnsignedString(txid);
        }
    }

    /**
     * Where a read starts: after the cursor's event, else after the event {@code ?after=} names, else at the
     * beginning. 400 for a cursor this feed did not write or an event id that does not exist. Once retention
     * has removed old events, the beginning is after them, and a position before the removed ones is 410:
     * that reader missed events it can no longer read.
     */
    public Position from(Long afterParam, PageRequest page) {
        Cursor c = page.decode(2);
        if (c != null && !isTransactionId(c.get(0))) {
            throw ApiException.badParameter("cursor", "is not a cursor this list returned");
        }
        long after = afterParam == null ? 0 : afterParam;
        return timeouts.asRequest(() -> jdbi.withHandle(h -> {
            EventDao dao = Daos.on(h, EventDao.class);
            Optional<Horizon> horizon = dao.horizon();
            Position p;
            if (c != null) {
                p = new Position(Long.parseUnsignedLong(c.get(0)), c.getLong(1));
            } else if (after == 0) {
                p = Position.START;
            } else {
                Optional<String> found = dao.txidOf(after);
                if (found.isPresent()) {
                    p = new Position(Long.parseUnsignedLong(found.get()), after);
                } else if (horizon.isPresent() && after == horizon.get().eventId()) {
                    p = horizon(horizon.get()); // the last event removed: nothing missed
                } else if (horizon.isPresent() && after <= horizon.get().maxEventId()) {
                    throw gone();
                } else {
                    throw ApiException.badParameter("after", "no event with id " + after);
                }
            }
            if (horizon.isPresent() && p.compareTo(horizon(horizon.get())) < 0) {
                if (c != null || after != 0) {
                    throw gone();
                }
                p = horizon(horizon.get());
            }
            return p;
        }));
    }

    private static Position horizon(Horizon h) {
        return new Position(Long.parseUnsignedLong(h.txid()), h.eventId());
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

    /**
     * Events after {@code from}, oldest first by committing transaction. An event appears only once every
     * transaction older than its own has finished, so a reader following the feed never skips one.
     */
    public Page<EventView> after(Position from, PageRequest page) {
        List<EventRow> rows = timeouts.asRequest(() ->
                jdbi.withHandle(h -> Daos.on(h, EventDao.class).after(from.txidText(), from.id(), page.fetchSize())));
        return Page.of(rows, page, r -> Cursor.of(r.txid(), r.id()), this::view);
    }

    /**
     * The newest position a reader can see now (any event type): one indexed lookup, however many long
     * polls wait. A waiter at or past it has nothing new.
     */
    public Position head() {
        return timeouts.asRequest(
                        () -> jdbi.withHandle(h -> Daos.on(h, EventDao.class).head()))
                .map(r -> new Position(Long.parseUnsignedLong(r.txid()), r.id()))
                .orElse(Position.START);
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
