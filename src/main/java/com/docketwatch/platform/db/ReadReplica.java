package com.docketwatch.platform.db;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.db.ManagedPooledDataSource;
import io.dropwizard.lifecycle.Managed;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far the streaming replica is behind, and whether a key's read may be answered from it.
 *
 * <p>Every {@code database.replicaCheckInterval} one thread reads the primary's WAL position
 * ({@code pg_current_wal_lsn()}) and then the replica's replay position ({@code pg_last_wal_replay_lsn()}).
 * The replica is <em>caught up to</em> the newest instant whose primary position it has replayed: it then
 * shows every transaction committed before that instant. Its lag is the time since then, which stays near
 * zero on an idle primary and grows without bound while the replica is stopped, paused or unreachable.
 *
 * <p>Read-your-write, per API key and without a query per request: a key's write request (any method but
 * GET, HEAD, OPTIONS) counts as in flight from its authentication until its answer is written, and then
 * remembers when it ended. The key's reads go to the replica only when none of its writes is in flight
 * and the replica is caught up to an instant after its last write ended (its commit was before that, and
 * with {@code synchronous_commit} on, PostgreSQL's default, the primary's position then covers it).
 * Everything else reads the primary: a replica further behind than {@code database.maxReplicaLag}, one
 * that failed its last check, or a server that is not a standby at all.
 */
public final class ReadReplica implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ReadReplica.class);
    /** Positions remembered while the replica is behind; past this, the oldest are dropped (lag only grows). */
    private static final int MAX_SAMPLES = 100_000;

    private final DataSource primary;
    private final DataSource replica;
    private final long maxLagNanos;
    private final Duration maxLag;
    private final Duration checkInterval;
    private final LongSupplier nanos;
    private final Runnable dropConnections;
    private final ConcurrentHashMap<Long, Writes> writers = new ConcurrentHashMap<>();
    /** {instant, primary position} not yet replayed, oldest first; the checking thread's own. */
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();

    private final Counter replicaReads;
    private final Counter primaryReads;
    private volatile long caughtUpTo;
    /** Why the last check failed; null when it succeeded. */
    private volatile String trouble = "not checked yet";

    private ScheduledExecutorService checker;

    /** A key's writes: how many are in flight, and when the last one ended ({@link System#nanoTime}). */
    private record Writes(int inFlight, long endedAt) {}

    /** {@code replica}'s connections are dropped ({@code dropConnections}) when it fails a check. */
    ReadReplica(DataSource primary, ManagedPooledDataSource replica, DatabaseConfig config, MetricRegistry metrics) {
        this(
                primary,
                replica,
                replica::purge,
                config.getMaxReplicaLag(),
                config.getReplicaCheckInterval(),
                metrics,
                System::nanoTime);
    }

    ReadReplica(
            DataSource primary,
            DataSource replica,
            Runnable dropConnections,
            Duration maxLag,
            Duration checkInterval,
            MetricRegistry metrics,
            LongSupplier nanos) {
        this.primary = primary;
        this.replica = replica;
        this.dropConnections = dropConnections;
        this.maxLag = maxLag;
        this.maxLagNanos = maxLag.toNanos();
        this.checkInterval = checkInterval;
        this.nanos = nanos;
        this.caughtUpTo = nanos.getAsLong();
        this.replicaReads = metrics.counter("database.replica.reads");
        this.primaryReads = metrics.counter("database.replica.primary-reads");
        metrics.gauge("database.replica.lag-seconds", () -> (Gauge<Double>) this::lagSeconds);
    }

    /** True when this key's read may be answered by the replica now (counted either way). */
    public boolean mayServe(long keyId) {
        boolean ok = trouble == null && nanos.getAsLong() - caughtUpTo <= maxLagNanos && sawWritesOf(keyId);
        (ok ? replicaReads : primaryReads).inc();
        return ok;
    }

    private boolean sawWritesOf(long keyId) {
        Writes w = writers.get(keyId);
        return w == null || (w.inFlight() == 0 && w.endedAt() - caughtUpTo < 0);
    }

    void writeStarted(long keyId) {
        writers.compute(keyId, (k, w) -> w == null ? new Writes(1, 0) : new Writes(w.inFlight() + 1, w.endedAt()));
    }

    void writeEnded(long keyId) {
        long now = nanos.getAsLong();
        writers.compute(keyId, (k, w) -> new Writes(w == null ? 0 : Math.max(0, w.inFlight() - 1), now));
    }

    /** A request could not get a replica connection: reads stay on the primary until the next good check. */
    void unreachable(SQLException e) {
        trouble = "unreachable (" + e.getMessage() + ")";
    }

    double lagSeconds() {
        return (nanos.getAsLong() - caughtUpTo) / 1e9;
    }

    /** One comparison of the two positions (on the checking thread). */
    void check() {
        long at = nanos.getAsLong();
        long written;
        try {
            written = position(primary, "select pg_current_wal_lsn() - '0/0'::pg_lsn");
        } catch (SQLException | RuntimeException e) {
            trouble = "not compared: the primary's WAL position could not be read (" + e.getMessage() + ")";
            return;
        }
        long replayed;
        try {
            replayed = position(replica, "select pg_last_wal_replay_lsn() - '0/0'::pg_lsn");
        } catch (SQLException | RuntimeException e) {
            trouble = "unreachable (" + e.getMessage() + ")";
            // Pooled connections to a replica that went away are dead: once it is back, reads get new ones.
            dropConnections.run();
            return;
        }
        record(at, written, replayed);
    }

    /**
     * What one check found: at {@code at} the primary had written up to {@code written}, and afterwards the
     * replica had replayed up to {@code replayed} (-1: not a standby).
     */
    void record(long at, long written, long replayed) {
        if (replayed < 0) {
            trouble = "not a standby (pg_last_wal_replay_lsn() is null: it is not in recovery)";
            return;
        }
        long[] newest = samples.peekLast();
        if (newest != null && newest[1] == written) {
            newest[0] = at; // the primary had not moved: the newer instant stands for the same position
        } else {
            samples.addLast(new long[] {at, written});
        }
        while (!samples.isEmpty() && samples.peekFirst()[1] <= replayed) {
            caughtUpTo = samples.pollFirst()[0];
        }
        while (samples.size() > MAX_SAMPLES) {
            samples.pollFirst();
        }
        trouble = null;
        long caught = caughtUpTo;
        writers.values().removeIf(w -> w.inFlight() == 0 && w.endedAt() - caught < 0);
    }

    /** The position the query answers in bytes, or -1 for null. */
    private static long position(DataSource source, String sql) throws SQLException {
        try (Connection c = source.getConnection();
                Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                long value = rs.getLong(1);
                return rs.wasNull() ? -1 : value;
            }
        }
    }

    /** The {@code database-replica} health check: unhealthy while reads are kept off the replica. */
    public HealthCheck health() {
        return new HealthCheck() {
            @Override
            protected Result check() {
                String why = trouble;
                if (why != null) {
                    return Result.unhealthy("replica " + why + "; reads on the primary");
                }
                double lag = lagSeconds();
                if (lag * 1e9 > maxLagNanos) {
                    return Result.unhealthy(String.format(
                            "replica %.1f s behind (over database.maxReplicaLag %s); reads on the primary",
                            lag, maxLag));
                }
                return Result.healthy(String.format("replica %.3f s behind", lag));
            }
        };
    }

    @Override
    public void start() {
        checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "read-replica-check");
            t.setDaemon(true);
            return t;
        });
        checker.scheduleWithFixedDelay(this::checkLogged, 0, checkInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A check, logging when the replica turns unusable or usable again. */
    private void checkLogged() {
        String before = trouble;
        check();
        String now = trouble;
        if (now != null && !now.equals(before)) {
            LOG.warn("Read replica {}; reads go to the primary", now);
        } else if (now == null && before != null) {
            LOG.info("Read replica answers ({} s behind)", String.format("%.3f", lagSeconds()));
        }
    }

    @Override
    public void stop() throws InterruptedException {
        if (checker != null) {
            checker.shutdownNow();
            checker.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
