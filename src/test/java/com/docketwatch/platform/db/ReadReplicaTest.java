package com.docketwatch.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The lag and read-your-write rules of {@link ReadReplica}, on positions a test chooses and a fake clock. */
class ReadReplicaTest {
    private static final long MS = 1_000_000;
    private static final long KEY = 7;
    private static final long OTHER = 8;

    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final MetricRegistry metrics = new MetricRegistry();
    private final ReadReplica replica =
            new ReadReplica(null, null, () -> {}, Duration.ofSeconds(5), Duration.ofMillis(100), metrics, now::get);

    private void at(long ms) {
        now.set(ms * MS);
    }

    @Test
    void nothingIsReadFromTheReplicaBeforeItsFirstCheck() {
        assertThat(replica.mayServe(KEY)).isFalse();
        replica.record(now.get(), 100, 100);
        assertThat(replica.mayServe(KEY)).isTrue();
        assertThat(metrics.counter("database.replica.reads").getCount()).isEqualTo(1);
        assertThat(metrics.counter("database.replica.primary-reads").getCount()).isEqualTo(1);
    }

    @Test
    void anIdlePrimaryKeepsTheLagNearZero() {
        for (long ms = 1_000; ms <= 60_000; ms += 100) {
            at(ms);
            replica.record(now.get(), 500, 500);
        }
        assertThat(replica.lagSeconds()).isZero();
        assertThat(replica.mayServe(KEY)).isTrue();
        assertThat(replica.health().execute().isHealthy()).isTrue();
    }

    @Test
    void theLagIsTheTimeSinceThePrimaryWasWhereTheReplicaIsNow() {
        at(1_000);
        replica.record(now.get(), 100, 100);
        at(2_000);
        replica.record(now.get(), 200, 150); // behind since the primary moved past 100 at 2 s
        at(3_000);
        replica.record(now.get(), 300, 200); // has replayed what the primary had at 2 s
        assertThat(replica.lagSeconds()).isEqualTo(1.0);
        at(8_000);
        replica.record(now.get(), 300, 200); // replay stopped (paused or stuck): the lag grows
        assertThat(replica.lagSeconds()).isEqualTo(6.0);
        assertThat(replica.mayServe(OTHER)).isFalse();
        assertThat(replica.health().execute().getMessage()).contains("6.0 s behind", "reads on the primary");
        at(8_100);
        replica.record(now.get(), 300, 300);
        assertThat(replica.lagSeconds()).isZero();
        assertThat(replica.mayServe(OTHER)).isTrue();
    }

    @Test
    void aKeyReadsThePrimaryFromItsWriteUntilTheReplicaShowsIt() {
        at(1_000);
        replica.record(now.get(), 100, 100);
        replica.writeStarted(KEY);
        assertThat(replica.mayServe(KEY)).as("its write in flight").isFalse();
        assertThat(replica.mayServe(OTHER)).as("another key").isTrue();
        at(1_050);
        replica.writeEnded(KEY);
        assertThat(replica.mayServe(KEY)).as("no check since its write ended").isFalse();
        at(1_100);
        replica.record(now.get(), 180, 100); // the primary has the write, the replica not yet
        assertThat(replica.mayServe(KEY)).isFalse();
        at(1_200);
        replica.record(now.get(), 180, 180);
        assertThat(replica.mayServe(KEY)).as("replayed past the write").isTrue();
    }

    @Test
    void aWriteStillInFlightKeepsTheKeyOnThePrimaryWhateverTheReplicaShows() {
        at(1_000);
        replica.writeStarted(KEY);
        replica.writeStarted(KEY);
        replica.writeEnded(KEY);
        at(2_000);
        replica.record(now.get(), 100, 100);
        assertThat(replica.mayServe(KEY)).isFalse();
        replica.writeEnded(KEY);
        at(2_100);
        replica.record(now.get(), 100, 100);
        assertThat(replica.mayServe(KEY)).isTrue();
    }

    @Test
    void aReplicaThatFailsOrIsNoStandbyServesNothing() {
        replica.record(now.get(), 100, 100);
        replica.unreachable(new SQLException("Connection refused"));
        assertThat(replica.mayServe(KEY)).isFalse();
        assertThat(replica.health().execute().getMessage()).contains("unreachable", "Connection refused");
        replica.record(now.get(), 100, 100);
        assertThat(replica.mayServe(KEY)).isTrue();
        replica.record(now.get(), 100, -1);
        assertThat(replica.mayServe(KEY)).isFalse();
        assertThat(replica.health().execute().getMessage()).contains("not a standby");
    }
}
