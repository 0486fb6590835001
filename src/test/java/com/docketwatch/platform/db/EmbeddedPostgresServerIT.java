package com.docketwatch.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL admits the service only: a password generated at first start into an
 * owner-only file, password-less and wrong-password connections refused, and a data directory made by the
 * earlier release (zonky's {@code initdb -A trust}) converted at start with its rows kept.
 */
class EmbeddedPostgresServerIT {
    @TempDir
    Path tmp;

    @Test
    void aNewDataDirectoryRequiresTheGeneratedPassword() throws Exception {
        Path data = tmp.resolve("data");
        ListAppender<ILoggingEvent> logs = captureLogs();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0)) {
            Path file = data.resolve(EmbeddedAccess.PASSWORD_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            String password = Files.readString(file).trim();
            assertThat(password).hasSizeGreaterThanOrEqualTo(40).isEqualTo(server.password());

            try (Connection c = connect(server.port(), "docketwatch", password);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select rolpassword from pg_authid where rolname = 'postgres'")) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("SCRAM-SHA-256$");
            }
            assertRefused(server.port(), null);
            assertRefused(server.port(), "postgres");
            assertRefused(server.port(), password + "x");
            assertThat(Files.readString(data.resolve("postgres/pg_hba.conf")))
                    .startsWith(EmbeddedAccess.HBA_MARKER)
                    .doesNotContain("trust");
        } finally {
            stopCapture(logs);
        }
        String password =
                Files.readString(data.resolve(EmbeddedAccess.PASSWORD_FILE)).trim();
        assertThat(logs.list)
                .as("the password is never logged")
                .noneMatch(e -> e.getFormattedMessage().contains(password));

        // Started again: the same password, still required.
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data, 0)) {
            assertThat(again.password()).isEqualTo(password);
            try (Connection c = connect(again.port(), "docketwatch", password)) {
                assertThat(c.isValid(5)).isTrue();
            }
            assertRefused(again.port(), null);
        }
    }

    @Test
    void aTrustDataDirectoryFromTheEarlierReleaseIsConvertedAndKeepsItsRows() throws Exception {
        Path data = tmp.resolve("old");
        Path cluster = data.resolve("postgres");
        Files.createDirectories(cluster);
        // Exactly how the earlier release made and started its cluster (zonky's initdb -A trust).
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "localhost")
                .setRegisterShutdownHook(false)
                .start()) {
            try (Connection c = connect(old.getPort(), "postgres", null);
                    Statement s = c.createStatement()) {
                s.execute("create database docketwatch");
            }
            try (Connection c = connect(old.getPort(), "docketwatch", null);
                    Statement s = c.createStatement()) {
                s.execute("create table kept (id int primary key, note text)");
                s.execute("insert into kept select g, 'row ' || g from generate_series(1, 250) g");
            }
        }
        assertThat(data.resolve(EmbeddedAccess.PASSWORD_FILE)).doesNotExist();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0)) {
            String password =
                    Files.readString(data.resolve(EmbeddedAccess.PASSWORD_FILE)).trim();
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(data.resolve(EmbeddedAccess.PASSWORD_FILE))))
                    .isEqualTo("rw-------");
            try (Connection c = connect(server.port(), "docketwatch", password);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*), max(note) from kept")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(250);
                assertThat(rs.getString(2)).isEqualTo("row 99");
            }
            assertRefused(server.port(), null);
            assertThat(Files.readString(cluster.resolve("pg_hba.conf"))).doesNotContain("trust");
        }
    }

    private static void assertRefused(int port, String password) {
        assertThatThrownBy(() -> connect(port, "docketwatch", password).close())
                .as("connection with password %s", password == null ? "(none)" : "(wrong)")
                .isInstanceOf(SQLException.class);
    }

    private static Connection connect(int port, String database, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, props);
    }

    private static ListAppender<ILoggingEvent> captureLogs() {
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        return appender;
    }

    private static void stopCapture(ListAppender<ILoggingEvent> appender) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .detachAppender(appender);
    }
}
