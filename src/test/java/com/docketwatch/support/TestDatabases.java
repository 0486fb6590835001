package com.docketwatch.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Real PostgreSQL for tests: the server named by the system property {@code docketwatch.test.pg}
 * (a JDBC URL of a database the tests may create databases from; CI points it at 127.0.0.1:5432),
 * otherwise one throwaway embedded PostgreSQL per test JVM. Every caller gets a fresh database.
 */
public final class TestDatabases {
    private static EmbeddedPostgres embedded;
    private static final java.util.List<String> CREATED = new java.util.ArrayList<>();
    private static boolean cleanupRegistered;

    private TestDatabases() {}

    /** A new, empty database; returns its JDBC URL (credentials included). */
    public static synchronized String fresh() {
        String admin = adminUrl();
        String name = "dw_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(admin);
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
            CREATED.add(name);
            registerCleanup(admin);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database on " + admin, e);
        }
        return withDatabase(admin, name);
    }

    /** A new database with the schema of {@code migrations/} (Flyway, as the service migrates); returns its URL. */
    public static String migrated() {
        String url = fresh();
        org.flywaydb.core.Flyway.configure()
                .dataSource(url, null, null)
                .locations("filesystem:" + TestApp.projectFile("migrations"))
                .load()
                .migrate();
        return url;
    }

    /** On an external server, the databases this JVM created are dropped when it exits. */
    private static void registerCleanup(String admin) {
        if (cleanupRegistered || !external()) {
            return;
        }
        cleanupRegistered = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(admin);
                    Statement s = c.createStatement()) {
                for (String db : CREATED) {
                    s.execute("drop database if exists " + db + " with (force)");
                }
            } catch (SQLException ignored) {
                // best effort: the server may be gone
            }
        }));
    }

    public static boolean external() {
        String url = System.getProperty("docketwatch.test.pg");
        return url != null && !url.isBlank();
    }

    private static String adminUrl() {
        if (external()) {
            return System.getProperty("docketwatch.test.pg");
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return embedded.getJdbcUrl("postgres", "postgres");
    }

    /** The same server and query string, another database. */
    static String withDatabase(String jdbcUrl, String database) {
        int q = jdbcUrl.indexOf('?');
        String base = q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
        String query = q < 0 ? "" : jdbcUrl.substring(q);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + query;
    }
}
