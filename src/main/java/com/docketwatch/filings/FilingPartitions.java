package com.docketwatch.filings;

import com.docketwatch.filings.FilingDao.FilingQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Jdbi;

/**
 * The partitions of {@code filings} (by filing date, see docs/partitions.md) as the newest-first reads walk
 * them. A statement whose dates cover few partitions is planned for those only; one over all of them costs
 * milliseconds of planning and, in date order, a scan of every partition. Read from the catalog and kept
 * for a minute: a partition made since then lies in the newest range, which has no upper bound, so a stale
 * list costs at most an extra partition in that range, never a missed entry.
 */
public final class FilingPartitions {
    private static final Duration KEPT = Duration.ofMinutes(1);
    /** How far ahead the maintenance job makes monthly partitions. */
    static final int MONTHS_AHEAD = 3;

    private final Jdbi jdbi;
    private final Clock clock;
    private volatile Snapshot snapshot;

    /** A partition's name, dates (null: unbounded) and estimated entries (-1 before PostgreSQL counted them). */
    record Partition(String name, LocalDate from, LocalDate to, long entries) {}

    private record Snapshot(List<Partition> oldestFirst, Instant readAt) {}

    public FilingPartitions(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Makes the monthly partitions up to {@link #MONTHS_AHEAD} months from today that do not exist yet (the
     * maintenance job, hourly), moving the entries the default partition held for those months into them;
     * returns how many it made. A date without its month's partition is still accepted (the default
     * partition takes it), so a run that fails is only retried an hour later. Attaching a partition locks
     * the default partition: waiting for it longer than a second gives up until the next run.
     */
    public int makeMonthsAhead() {
        LocalDate through = LocalDate.now(clock).plusMonths(MONTHS_AHEAD);
        int made = jdbi.inTransaction(h -> {
            h.execute("set local lock_timeout = '1s'");
            return h.createQuery("select filings_add_months(:through)")
                    .bind("through", through)
                    .mapTo(Integer.class)
                    .one();
        });
        if (made > 0) {
            snapshot = null;
        }
        return made;
    }

    /**
     * The partitions, oldest first, but for the default one. Read on the caller's connection: a request holding
     * one must not wait for a second from the pool.
     */
    List<Partition> all(FilingDao dao) {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s == null || s.readAt().plus(KEPT).isBefore(now)) {
            List<Partition> read = dao.getHandle()
                    .createQuery("select name, from_date, to_date, entries from filings_partitions()")
                    .map((rs, ctx) -> new Partition(
                            rs.getString(1),
                            rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class),
                            rs.getLong(4)))
                    .list();
            s = new Snapshot(List.copyOf(read), now);
            snapshot = s;
        }
        return s.oldestFirst();
    }

    /**
     * The dates of {@code within} in ranges, newest first, together covering every date: first everything from
     * the start of the partition holding today on (the months made ahead and the default partition's later
     * dates included), then one partition, two, four and so on further back. A read that stops early plans
     * and reads few partitions; one that needs them all runs a handful of statements. (Starting with a range
     * as large as the words' share in the newest entries suggests was tried: that share is a poor guide,
     * a word absent from the newest entries may fill older ones, and reading all its matches there at once
     * cost several times as much on the small benchmark.)
     */
    List<DateRange> newestFirst(FilingDao dao, DateRange within) {
        List<Partition> ps = all(dao);
        LocalDate today = LocalDate.now(clock);
        int i = ps.size() - 1;
        while (i >= 0 && ps.get(i).from() != null && ps.get(i).from().isAfter(today)) {
            i--;
        }
        List<DateRange> ranges = new ArrayList<>();
        LocalDate upper = i < 0 ? null : ps.get(i).from();
        ranges.add(new DateRange(upper, null));
        int size = 1;
        for (int j = i - 1; j >= 0 && upper != null; size *= 2) {
            int oldest = Math.max(0, j - size + 1);
            ranges.add(new DateRange(ps.get(oldest).from(), upper));
            upper = ps.get(oldest).from();
            j = oldest - 1;
        }
        if (upper != null) {
            ranges.add(new DateRange(null, upper));
        }
        List<DateRange> out = new ArrayList<>();
        for (DateRange r : ranges) {
            DateRange clipped = r.intersect(within);
            if (clipped != null) {
                out.add(clipped);
            }
        }
        return out;
    }

    /**
     * The date from which on {@code within} holds at least {@code entries} entries by PostgreSQL's estimates, or
     * null if it does not: a date-order read of that many entries then plans only the newest partitions.
     */
    LocalDate since(FilingDao dao, long entries, DateRange within) {
        List<Partition> ps = all(dao);
        long counted = 0;
        for (int i = ps.size() - 1; i >= 0; i--) {
            Partition p = ps.get(i);
            if (new DateRange(p.from(), p.to()).intersect(within) == null) {
                continue;
            }
            counted += Math.max(p.entries(), 0);
            if (counted >= entries) {
                return p.from();
            }
        }
        return null;
    }

    /**
     * The partitions PostgreSQL has counted entries in, from the one holding today back until they hold
     * {@code entries} by its estimates (all of them, if they hold fewer), newest first.
     */
    List<Partition> newestCounted(FilingDao dao, long entries) {
        List<Partition> ps = all(dao);
        LocalDate today = LocalDate.now(clock);
        List<Partition> out = new ArrayList<>();
        long counted = 0;
        for (int i = ps.size() - 1; i >= 0 && counted < entries; i--) {
            Partition p = ps.get(i);
            if (p.entries() > 0 && (p.from() == null || !p.from().isAfter(today))) {
                out.add(p);
                counted += p.entries();
            }
        }
        return out;
    }

    /**
     * How many entries the ranges of {@link #newestFirst} hold, newest first, through the first range by which
     * {@code share} of them makes {@code window} matches (all of them, if none does), by PostgreSQL's estimates:
     * a read through the full-text index fetches every match of the ranges it reads.
     */
    long entriesToWindow(FilingDao dao, DateRange within, double share, int window) {
        List<Partition> ps = all(dao);
        long counted = 0;
        for (DateRange r : newestFirst(dao, within)) {
            for (Partition p : ps) {
                if (new DateRange(p.from(), p.to()).intersect(r) != null) {
                    counted += Math.max(p.entries(), 0);
                }
            }
            if (counted * share >= window) {
                break;
            }
        }
        return counted;
    }

    /**
     * The newest {@code limit} entries that match the filters (and {@code text}, when given) below {@code before}
     * (when given), newest first: from the case's keys when a case is named and no text, otherwise range by
     * range, newest first, until there are enough.
     */
    public List<FilingDao.Match> newest(FilingDao dao, FilingQuery q, String text, FilingDao.Keyset before, int limit) {
        if (q.caseId() != null && text == null) {
            return dao.caseKeys(q, before, limit);
        }
        List<DateRange> ranges = newestFirst(dao, within(q, before == null ? null : before.on()));
        if (text != null && before == null && q.filedAfter() == null && q.filedBefore() == null) {
            // The ranges are partition bounds: a few statements, each planned once per connection.
            return dao.plannedOnce(() -> walk(ranges, limit, (r, left) -> dao.newestOfRange(q, text, r, left)));
        }
        return walk(ranges, limit, (r, left) -> dao.newest(q, text, r, before, null, left));
    }

    private static List<FilingDao.Match> walk(
            List<DateRange> ranges, int limit, BiFunction<DateRange, Integer, List<FilingDao.Match>> read) {
        List<FilingDao.Match> found = new ArrayList<>();
        for (DateRange r : ranges) {
            found.addAll(read.apply(r, limit - found.size()));
            if (found.size() >= limit) {
                break;
            }
        }
        return found;
    }

    /**
     * The dates the filters allow, up to and including {@code atMost} (when given). Only a bound for planning:
     * the filters themselves stay in the statements, so a bound past the year 9999 is simply left open.
     */
    static DateRange within(FilingQuery q, LocalDate atMost) {
        LocalDate to = q.filedBefore();
        LocalDate end = dayAfter(atMost);
        if (end != null && (to == null || end.isBefore(to))) {
            to = end;
        }
        return new DateRange(dayAfter(q.filedAfter()), to);
    }

    private static LocalDate dayAfter(LocalDate d) {
        return d == null || d.getYear() == 9999 && d.getDayOfYear() == d.lengthOfYear() ? null : d.plusDays(1);
    }
}
