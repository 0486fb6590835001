package com.docketwatch.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A PostgreSQL 17 primary and a real hot standby streaming from it, both zonky's embedded binaries, so the
 * test needs only a JDK and Maven. zonky ships no {@code pg_basebackup} (and the machine's v15 one refuses a
 * v17 server: "incompatible server version"), so the standby is made the way {@code pg_basebackup} does it,
 * with PostgreSQL's low-level backup API: a physical replication slot keeps the WAL, {@code pg_backup_start}
 * in one session, a copy of the data directory (without the WAL, the pid file and the runtime state), then
 * {@code pg_backup_stop}, whose label file becomes {@code backup_label}; {@code standby.signal} and
 * {@code primary_conninfo} make the copy a standby that streams from the slot. zonky's {@code initdb -A trust}
 * already allows replication connections from localhost.
 */
public final class StreamingReplica implements AutoCloseable {
    public static final String DATABASE = "docketwatch";
    private static final String SLOT = "docketwatch_it";
    /** Left empty in the copy (pg_basebackup's list): WAL comes by streaming, the rest is runtime state. */
    private static final Set<String> EMPTIED = Set.of(
            "pg_wal",
            "pg_replslot",
            "pg_stat_tmp",
            "pg_dynshmem",
            "pg_notify",
            "pg_serial",
            "pg_snapshots",
            "pg_subtrans");

    private static final Set<String> NOT_COPIED =
            Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label", "tablespace_map", "standby.signal");

    private final Path dir;
    private final EmbeddedPostgres primary;
    private EmbeddedPostgres standby;
    private final int standbyPort;

    private StreamingReplica(Path dir, EmbeddedPostgres primary, EmbeddedPostgres standby) {
        this.dir = dir;
        this.primary = primary;
        this.standby = standby;
        this.standbyPort = standby.getPort();
    }

    /** Starts both; they are stopped and their files removed when the JVM exits. */
    public static StreamingReplica start() {
        try {
            Path dir = Files.createTempDirectory("dw-replica-");
            EmbeddedPostgres primary = server(dir.resolve("primary"), 0, true);
            try (Connection c = primary.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("create database " + DATABASE);
                s.execute("select pg_create_physical_replication_slot('" + SLOT + "', true)");
            }
            baseBackup(primary, dir.resolve("primary"), dir.resolve("standby"));
            EmbeddedPostgres standby = server(dir.resolve("standby"), 0, false);
            StreamingReplica pair = new StreamingReplica(dir, primary, standby);
            Runtime.getRuntime().addShutdownHook(new Thread(pair::close));
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make the streaming replica", e);
        }
    }

    /** The same settings on both (a hot standby needs at least the primary's max_connections). */
    private static EmbeddedPostgres server(Path data, int port, boolean fresh) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(fresh)
                .setPort(port)
                .setServerConfig("wal_level", "replica")
                .setServerConfig("max_wal_senders", "4")
                .setServerConfig("max_connections", "300")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("hot_standby", "on")
                .setServerConfig("hot_standby_feedback", "on")
                .setRegisterShutdownHook(false)
                .start();
    }

    private static void baseBackup(EmbeddedPostgres primary, Path from, Path to) throws SQLException, IOException {
        try (Connection c = primary.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("select pg_backup_start('docketwatch-it', true)");
            copy(from, to);
            try (ResultSet rs = s.executeQuery("select labelfile from pg_backup_stop(false)")) {
                rs.next();
                Files.writeString(to.resolve("backup_label"), rs.getString(1));
            }
        }
        Files.writeString(to.resolve("standby.signal"), "");
        Files.writeString(
                to.resolve("postgresql.auto.conf"),
                "primary_conninfo = 'host=localhost port=" + primary.getPort()
                        + " user=postgres application_name=docketwatch-it-standby'\n"
                        + "primary_slot_name = '" + SLOT + "'\n",
                StandardOpenOption.APPEND);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
    }

    /** The data directory as it is now (it changes under the copy: the backup's WAL makes that good). */
    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Path rel = from.relativize(d);
                Files.createDirectories(to.resolve(rel));
                if (rel.getNameCount() == 1 && EMPTIED.contains(rel.toString())) {
                    if (rel.toString().equals("pg_wal")) {
                        Files.createDirectories(to.resolve("pg_wal/archive_status"));
                        Files.createDirectories(to.resolve("pg_wal/summaries"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Path rel = from.relativize(f);
                if (rel.getNameCount() == 1 && NOT_COPIED.contains(rel.toString())) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(f, to.resolve(rel), StandardCopyOption.REPLACE_EXISTING);
                } catch (NoSuchFileException removedMeanwhile) {
                    // a file dropped while copying is not needed: its removal is in the WAL replayed
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    public String primaryUrl() {
        return "jdbc:postgresql://localhost:" + primary.getPort() + "/" + DATABASE + "?user=postgres";
    }

    public String standbyUrl() {
        return "jdbc:postgresql://localhost:" + standbyPort + "/" + DATABASE + "?user=postgres";
    }

    /** Stops applying WAL (it still arrives): the standby keeps showing what it had. */
    public void pauseReplay() {
        onStandby("select pg_wal_replay_pause()");
        waitForStandby("select pg_get_wal_replay_pause_state() = 'paused'");
    }

    public void resumeReplay() {
        onStandby("select pg_wal_replay_resume()");
    }

    /** Waits until the standby has replayed everything the primary has written so far. */
    public void awaitCaughtUp() {
        String lsn = onPrimary("select pg_current_wal_lsn()::text");
        waitForStandby("select pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn");
    }

    public void stopStandby() {
        try {
            standby.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the stopped standby again on its port; it resumes streaming from its slot. */
    public void startStandby() {
        try {
            standby = server(dir.resolve("standby"), standbyPort, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one value a query answers on the standby (as text). */
    public String onStandby(String sql) {
        return query(standbyUrl(), sql);
    }

    public String onPrimary(String sql) {
        return query(primaryUrl(), sql);
    }

    private void waitForStandby(String condition) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"t".equals(onStandby(condition))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the standby did not reach: " + condition);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String query(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    @Override
    public synchronized void close() {
        for (EmbeddedPostgres pg : new EmbeddedPostgres[] {standby, primary}) {
            try {
                pg.close();
            } catch (IOException | RuntimeException ignored) {
                // stopped already
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort, in a temporary directory
        }
    }
}
