package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Liveness and readiness on the admin port: with its database unreachable an instance is not ready
 * (a load balancer sends it nothing) but still live (an orchestrator does not restart it for a
 * database outage), and ready again once the database is back.
 */
@DocketWatchIT
class ProbesIT {
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void readyOnlyWhileTheDatabaseAnswersLiveThroughout() throws Exception {
        assertThat(status("/health/live")).isEqualTo(200);
        assertThat(status("/health/ready")).isEqualTo(200);
        assertThat(status("/healthcheck")).isEqualTo(200);

        String url = APP.getConfiguration().getDatabase().getUrl();
        String name = databaseName(url);
        try (Connection admin = DriverManager.getConnection(otherDatabase(url, "postgres"));
                Statement s = admin.createStatement()) {
            s.execute("alter database " + name + " allow_connections false");
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity" + " where datname = '" + name
                    + "' and pid <> pg_backend_pid()");
            try {
                awaitStatus("/health/ready", 503);
                assertThat(body("/health/ready")).contains("database unreachable");
                assertThat(status("/health/live")).isEqualTo(200);
            } finally {
                s.execute("alter database " + name + " allow_connections true");
            }
        }
        awaitStatus("/health/ready", 200);
        assertThat(body("/health/ready")).contains("ready");
    }

    private static void awaitStatus(String path, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int last;
        while ((last = status(path)) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " answered " + last + ", not " + expected + ": " + body(path));
            }
            Thread.sleep(200);
        }
    }

    private static int status(String path) throws IOException, InterruptedException {
        return get(path).statusCode();
    }

    private static String body(String path) throws IOException, InterruptedException {
        return get(path).body();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getAdminPort() + path))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String databaseName(String jdbcUrl) {
        String path = jdbcUrl.split("\\?")[0];
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String otherDatabase(String jdbcUrl, String database) {
        String[] parts = jdbcUrl.split("\\?", 2);
        String base = parts[0].substring(0, parts[0].lastIndexOf('/') + 1) + database;
        return parts.length == 2 ? base + "?" + parts[1] : base;
    }
}
