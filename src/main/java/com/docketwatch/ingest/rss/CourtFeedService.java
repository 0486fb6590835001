package com.docketwatch.ingest.rss;

import com.docketwatch.courts.CourtDao;
import com.docketwatch.ingest.Docket;
import com.docketwatch.ingest.DocketPlan;
import com.docketwatch.ingest.ImportService;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.db.SqlStates;
import com.docketwatch.platform.errors.ApiException;
import com.docketwatch.platform.net.AddressPolicy;
import com.docketwatch.platform.request.Cursor;
import com.docketwatch.platform.request.Page;
import com.docketwatch.platform.request.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CM/ECF RSS feeds followed per court: registration, and the polling done by {@code CourtFeedPollJob}.
 * A poll adds the items of tracked cases (court + docket number) as filings through the docket
 * import, so an item already seen is never added or alerted twice; a {@code track_all} feed also
 * creates the cases it names. A failing feed is recorded and retried with exponential back-off;
 * each feed is claimed and polled on its own (see {@link CourtFeedPoller}), with the fetch's own
 * deadline and size cap, so one broken or slow feed never holds up another.
 */
public final class CourtFeedService {
    private static final Logger LOG = LoggerFactory.getLogger(CourtFeedService.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final ImportService imports;
    private final RssFetcher fetcher;
    private final AddressPolicy addresses;
    private final Duration interval;
    private final Duration maxBackoff;
    private final Duration lease;

    public CourtFeedService(
            Jdbi jdbi,
            Clock clock,
            ImportService imports,
            RssFetcher fetcher,
            AddressPolicy addresses,
            Duration interval,
            Duration maxBackoff,
            Duration timeout) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.imports = imports;
        this.fetcher = fetcher;
        this.addresses = addresses;
        this.interval = interval;
        this.maxBackoff = maxBackoff;
        this.lease = timeout.multipliedBy(4).plusMinutes(1);
    }

    public CourtFeedView register(String court, CourtFeedRequest r) {
        addresses.refuse(r.url().trim()).ifPresent(why -> {
            throw ApiException.invalid("url", why);
        });
        requireCourt(court);
        try {
            return jdbi.inTransaction(h -> Daos.on(h, CourtFeedDao.class)
                    .insert(court, r.url().trim(), Boolean.TRUE.equals(r.trackAll()), clock.instant()));
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e, CourtFeedDao.UNIQUE_URL)) {
                throw ApiException.conflict(
                        "Court " + court + " already follows " + r.url().trim());
            }
            throw e;
        }
    }

    public Page<CourtFeedView> list(String court, PageRequest page) {
        requireCourt(court);
        Cursor c = page.decode(1);
        List<CourtFeedView> rows = jdbi.withHandle(
                h -> Daos.on(h, CourtFeedDao.class).list(court, c == null ? 0 : c.getLong(0), page.fetchSize()));
        return Page.of(rows, page, f -> Cursor.of(f.id()), f -> f);
    }

    public CourtFeedView get(String court, long id) {
        return jdbi.withHandle(h -> Daos.on(h, CourtFeedDao.class).find(court, id))
                .orElseThrow(() -> ApiException.notFound("No feed " + id + " in court " + court));
    }

    public void delete(String court, long id) {
        if (jdbi.inTransaction(h -> Daos.on(h, CourtFeedDao.class).delete(court, id)) == 0) {
            throw ApiException.notFound("No feed " + id + " in court " + court);
        }
    }

    private void requireCourt(String court) {
        if (jdbi.withHandle(h -> Daos.on(h, CourtDao.class).find(court)).isEmpty()) {
            throw ApiException.notFound("No court with id " + court);
        }
    }

    /**
     * Claims the feed due longest (leased to this poller, so no other poller or instance takes it) and
     * polls it; false when no feed is due. {@link CourtFeedPoller} runs this on several threads at once.
     */
    public boolean pollNext() {
        Instant now = clock.instant();
        List<CourtFeedDao.Due> due =
                jdbi.inTransaction(h -> Daos.on(h, CourtFeedDao.class).claimDue(now, now.plus(lease), 1));
        if (due.isEmpty()) {
            return false;
        }
        poll(due.get(0));
        return true;
    }

    /** One poll: fetch, parse, add new entries, and record the outcome on the feed. Never throws. */
    void poll(CourtFeedDao.Due feed) {
        try {
            RssFetcher.Fetched answer = fetcher.fetch(feed.url(), feed.etag(), feed.lastModified());
            if (answer.status() == 304) {
                succeeded(feed, 304, 0, answer);
                return;
            }
            if (answer.status() != 200) {
                failed(feed, answer.status(), "HTTP " + answer.status());
                return;
            }
            RssParser.Parsed parsed = RssParser.parse(answer.body(), feed.courtId());
            int added = add(feed, parsed);
            succeeded(feed, 200, added, answer);
        } catch (RssFetcher.FetchFailed | RssParser.NotAFeed e) {
            if (Thread.currentThread().isInterrupted()) {
                release(feed); // the service is stopping: not the feed's failure
                return;
            }
            failed(feed, null, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Polling feed {} ({}) failed", feed.id(), feed.url(), e);
            failed(feed, null, "internal error: " + e.getClass().getSimpleName());
        }
    }

    private int add(CourtFeedDao.Due feed, RssParser.Parsed parsed) {
        ZoneId zone = imports.zoneOf(feed.courtId());
        ImportService.Mode mode =
                feed.trackAll() ? ImportService.Mode.CREATE_IF_MISSING : ImportService.Mode.TRACKED_ONLY;
        int added = 0;
        int skipped = parsed.unreadable();
        for (String why : parsed.problems()) {
            LOG.warn("Feed {} ({}): {}", feed.id(), feed.courtId(), why);
        }
        for (Docket stub : parsed.dockets()) {
            List<Docket.Entry> good = readable(feed, stub, zone);
            skipped += stub.docketEntries().size() - good.size();
            if (good.isEmpty()) {
                continue;
            }
            DocketPlan plan = DocketPlan.of(stub.withEntries(good), court -> zone);
            Optional<ImportService.Result> r = jdbi.inTransaction(h -> imports.apply(h, plan, mode));
            added += r.map(x -> x.summary().created().filings()).orElse(0);
        }
        if (added > 0 || skipped > 0) {
            LOG.info(
                    "Feed {} ({}): {} items, {} new filings, {} items unreadable",
                    feed.id(),
                    feed.courtId(),
                    parsed.items(),
                    added,
                    skipped);
        }
        return added;
    }

    /**
     * The items of a case the import accepts: all of them, or when the case's stub is refused (an item
     * over a length limit, a malformed number or date), each item tried alone and the refused ones
     * logged and left out, so one bad item costs only itself.
     */
    private List<Docket.Entry> readable(CourtFeedDao.Due feed, Docket stub, ZoneId zone) {
        try {
            DocketPlan.of(stub, court -> zone);
            return stub.docketEntries();
        } catch (ApiException whole) {
            List<Docket.Entry> good = new ArrayList<>();
            for (Docket.Entry item : stub.docketEntries()) {
                try {
                    DocketPlan.of(stub.withEntries(List.of(item)), court -> zone);
                    good.add(item);
                } catch (ApiException e) {
                    LOG.warn(
                            "Feed {} ({}): an item of {} skipped: {}",
                            feed.id(),
                            feed.courtId(),
                            stub.docketNumber(),
                            e.toProblem().errors().stream()
                                    .map(f ->
                                            f.field().replaceFirst("^docket_entries\\[0]", "item") + " " + f.message())
                                    .toList());
                }
            }
            return good;
        }
    }

    private void release(CourtFeedDao.Due feed) {
        boolean interrupted = Thread.interrupted(); // the pool refuses an interrupted thread a connection
        try {
            jdbi.useTransaction(h -> Daos.on(h, CourtFeedDao.class).release(feed.id()));
        } catch (RuntimeException e) {
            LOG.debug("Feed {} keeps its lease until it expires", feed.id(), e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void succeeded(CourtFeedDao.Due feed, int status, int added, RssFetcher.Fetched answer) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> Daos.on(h, CourtFeedDao.class)
                .succeeded(feed.id(), now, status, added, now.plus(interval), answer.etag(), answer.lastModified()));
    }

    private void failed(CourtFeedDao.Due feed, Integer status, String error) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> Daos.on(h, CourtFeedDao.class)
                .failed(feed.id(), now, status, truncate(error), now.plus(backoff(feed.consecutiveFailures() + 1))));
    }

    /** The wait after the n-th failure in a row: the poll interval doubled n times, at most {@code maxBackoff}. */
    Duration backoff(int failures) {
        Duration d = interval;
        for (int i = 0; i < failures && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
