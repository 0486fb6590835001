package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The service on a PostgreSQL of its own that the test stops and starts again: while it is down every
 * request that needs it, a long poll already waiting included, answers 503 problem+json with
 * Retry-After (not 500) and the health check is red; once it is back the service answers again.
 */
@DocketWatchIT
class DatabaseOutageIT {
    static final Path DATA = tempDir();
    static final int PORT = freePort();
    static EmbeddedPostgres postgres = startPostgres();
    static final DropwizardAppExtension<DocketWatchConfiguration> APP =
            TestApp.create("jdbc:postgresql://localhost:" + PORT + "/postgres?user=postgres");
    static final ExecutorService POOL = Executors.newCachedThreadPool();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Client
    static Api api;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    @Court
    static String court;

    @AfterAll
    static void tearDown() {
        POOL.shutdownNow();
    }

    @Test
    void whileTheDatabaseIsDownRequestsAre503WithRetryAfterAndTheHealthCheckIsRed() throws Exception {
        String caseId = api.newCase(editor, court);
        assertThat(health()).isEqualTo(200);
        String last = api
                .get("/api/v1/events?after=0&limit=500", reporter)
                .expect(200)
                .json()
                .get("data")
                .findValuesAsText("id")
                .stream()
                .reduce((a, b) -> b)
                .orElse("0");
        Future<Api.Resp> poll = POOL.submit(() -> api.get("/api/v1/events?after=" + last + "&wait=PT30S", reporter));
        Thread.sleep(1500);
        assertThat(poll.isDone()).isFalse();

        postgres.close();
        long stopped = System.nanoTime();
        Api.Resp waited = poll.get(15, TimeUnit.SECONDS);
        assertUnavailable(waited);
        assertThat(Duration.ofNanos(System.nanoTime() - stopped))
                .as("the waiting long poll learns of it at once, not at the end of its wait")
                .isLessThan(Duration.ofSeconds(10));

        assertUnavailable(api.get("/api/v1/cases", reporter));
        assertUnavailable(api.get("/api/v1/cases/" + caseId, reporter));
        assertUnavailable(api.get("/api/v1/filings?q=motion", reporter));
        assertUnavailable(api.get("/api/v1/events?after=" + last + "&wait=PT5S", reporter));
        assertUnavailable(api.post(
                "/api/v1/cases/" + caseId + "/filings",
                editor,
                Map.of("filed_on", "2025-01-02", "kind", "notice", "title", "Notice during the outage")));
        Thread.sleep(5500); // past the key cache: the key itself cannot be checked now
        assertUnavailable(api.get("/api/v1/cases", reporter));
        assertThat(health()).as("health check while the database is down").isNotEqualTo(200);

        postgres = startPostgres();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = api.get("/api/v1/cases/" + caseId, reporter).status();
            if (status != 200) {
                assertThat(status).isEqualTo(503);
                Thread.sleep(500);
            }
        }
        assertThat(status).as("answers again once the database is back").isEqualTo(200);
        api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of("filed_on", "2025-01-03", "kind", "notice", "title", "Notice after the outage"))
                .expect(201);
        while (System.nanoTime() < deadline && health() != 200) {
            Thread.sleep(500);
        }
        assertThat(health()).isEqualTo(200);
    }

    private static void assertUnavailable(Api.Resp r) {
        JsonNode problem = r.problem(503);
        assertThat(problem.get("type").asText()).endsWith("/database-unavailable");
        assertThat(r.header("Retry-After")).isEqualTo("5");
    }

    private static int health() throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getAdminPort() + "/healthcheck"))
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(DATA)
                    .setCleanDataDirectory(false)
                    .setPort(PORT)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("dw-outage");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
