package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.Db;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.StreamingReplica;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service with {@code database.readUrl} on a real hot standby streaming from its primary
 * ({@link StreamingReplica}): eligible GETs are answered by the standby (pausing its replay makes them
 * show the value from before a write), the key that wrote reads its write at once, writes always reach
 * the primary, and reads go back to the primary while the standby lags past {@code maxReplicaLag} or is
 * stopped, and to the standby again once it has caught up.
 */
@DocketWatchIT
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaIT {
    static final StreamingReplica PG = StreamingReplica.start();
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create(
            PG.primaryUrl(),
            ConfigOverride.config("database.readUrl", PG.standbyUrl()),
            ConfigOverride.config("database.maxReplicaLag", "PT5S"));
    private static final double MAX_LAG_SECONDS = 5.0;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Client
    static Api api;

    @Client
    static Db db;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reader;

    @Court
    static String court;

    @Test
    @Order(1)
    void lagTolerantReadsComeFromTheStandbyAndAWriterReadsItsOwnWriteAtOnce() {
        String id = api.newCase(editor, court);
        String path = "/api/v1/cases/" + id;
        PG.awaitCaughtUp();
        await("the standby is in use", () -> health().get("healthy").asBoolean());

        PG.pauseReplay();
        api.patch(path, editor, Map.of("caption", "Doe v. Roe (amended)")).expect(200);
        assertThat(db.rows("select caption from cases where id = ?", Long.parseLong(id)))
                .as("the write is on the primary")
                .containsExactly(Map.of("caption", "Doe v. Roe (amended)"));

        long replicaReads = counter("database.replica.reads");
        assertThat(caption(path, reader))
                .as("a reader is answered by the paused standby, from before the write")
                .isEqualTo("Doe v. Roe");
        assertThat(counter("database.replica.reads")).isEqualTo(replicaReads + 1);

        long primaryReads = counter("database.replica.primary-reads");
        assertThat(caption(path, editor)).as("the writer reads its write").isEqualTo("Doe v. Roe (amended)");
        assertThat(api.get("/api/v1/cases?court=" + court, editor)
                        .expect(200)
                        .json()
                        .get("data")
                        .get(0)
                        .get("caption")
                        .asText())
                .isEqualTo("Doe v. Roe (amended)");
        assertThat(counter("database.replica.primary-reads")).isEqualTo(primaryReads + 2);
        assertThat(caption(path, reader))
                .as("the standby was still in use for other keys all along (its lag only grows while paused)")
                .isEqualTo("Doe v. Roe");

        await(
                "the reader is sent to the primary once the standby lags past maxReplicaLag",
                () -> caption(path, reader).equals("Doe v. Roe (amended)"));
        assertThat(health().get("healthy").asBoolean()).isFalse();
        assertThat(health().get("message").asText()).contains("behind", "reads on the primary");
        assertThat(gauge("database.replica.lag-seconds"))
                .as("the reader was sent to the primary for the lag")
                .isGreaterThan(MAX_LAG_SECONDS);
        assertThat(adminText("/metrics/prometheus"))
                .as("the series docs/deploy.md names")
                .contains(
                        "database_replica_lag_seconds ",
                        "database_replica_reads_total ",
                        "database_replica_primary_reads_total ",
                        "io_dropwizard_db_ManagedPooledDataSource_postgresql_replica_active ");

        PG.resumeReplay();
        await("the standby caught up", () -> health().get("healthy").asBoolean());
        replicaReads = counter("database.replica.reads");
        assertThat(caption(path, reader)).isEqualTo("Doe v. Roe (amended)");
        assertThat(caption(path, editor)).isEqualTo("Doe v. Roe (amended)");
        assertThat(counter("database.replica.reads"))
                .as("both keys read the standby again, the writer too now that it shows its write")
                .isEqualTo(replicaReads + 2);
        assertThat(PG.onStandby("select count(*) from pg_stat_activity where application_name = 'docketwatch-replica'"))
                .as("the service's read-only pool is connected to the standby")
                .isNotEqualTo("0");
    }

    @Test
    @Order(2)
    void everyReplicaReadEndpointAnswersFromTheStandby() {
        String id = api.newCase(editor, court);
        String c = "/api/v1/cases/" + id;
        String filing = created(api.post(
                c + "/filings",
                editor,
                Map.of("filed_on", "2026-02-01", "kind", "motion", "title", "Motion for preliminary injunction")));
        String hearing = created(api.post(
                c + "/hearings",
                editor,
                Map.of("kind", "motion_hearing", "scheduled_at", "2026-12-15T14:00:00-08:00", "location", "Oakland")));
        String claim = created(api.post(c + "/claims", editor, Map.of("title", "Breach of contract")));
        String party = created(api.post(c + "/parties", editor, Map.of("name", "Acme, Inc.", "role", "defendant")));
        String change = created(
                api.post(c + "/status-changes", editor, Map.of("status", "stayed", "effective_on", "2026-03-01")));
        String token = api.post("/api/v1/feed-tokens", reader, Map.of("name", "calendar"))
                .expect(201)
                .json()
                .get("token")
                .asText();
        PG.awaitCaughtUp();
        await("the standby shows the feed token's key's write", () -> {
            long before = counter("database.replica.reads");
            api.get("/api/v1/courts", reader).expect(200);
            return counter("database.replica.reads") == before + 1;
        });

        List<String> reads = List.of(
                "/api/v1/courts",
                "/api/v1/cases?court=" + court,
                c,
                c + "/parties",
                party,
                c + "/status-changes",
                change,
                c + "/filings",
                filing,
                "/api/v1/filings?q=injunction",
                c + "/hearings",
                hearing,
                "/api/v1/hearings?court=" + court,
                c + "/claims",
                claim,
                c + "/timeline");
        long before = counter("database.replica.reads");
        for (String read : reads) {
            assertThat(api.get(read, reader).status()).as(read).isEqualTo(200);
        }
        for (String feed : List.of(
                c + "/hearings.ics",
                "/api/v1/hearings.ics",
                c + "/filings.atom",
                "/api/v1/filings.atom?q=injunction")) {
            String url = feed + (feed.contains("?") ? "&" : "?") + "token=" + token;
            assertThat(api.get(url, null).status()).as(feed).isEqualTo(200);
        }
        assertThat(counter("database.replica.reads")).isEqualTo(before + reads.size() + 4);
        assertThat(api.get("/api/v1/filings?q=injunction", reader)
                        .json()
                        .get("data")
                        .get(0)
                        .get("title")
                        .asText())
                .isEqualTo("Motion for preliminary injunction");
    }

    @Test
    @Order(3)
    void readsGoToThePrimaryWhileTheStandbyIsDownAndBackOnceItReturns() {
        String id = api.newCase(editor, court);
        String path = "/api/v1/cases/" + id;
        PG.stopStandby();
        await(
                "the service saw the standby go",
                () -> health().get("message").asText().contains("unreachable"));
        api.patch(path, editor, Map.of("caption", "Doe v. Roe (stopped)")).expect(200);
        long primaryReads = counter("database.replica.primary-reads");
        assertThat(caption(path, reader)).isEqualTo("Doe v. Roe (stopped)");
        assertThat(api.get("/api/v1/hearings?court=" + court, reader).status()).isEqualTo(200);
        assertThat(counter("database.replica.primary-reads")).isEqualTo(primaryReads + 2);

        PG.startStandby();
        await("the standby is back and caught up", () -> health().get("healthy").asBoolean());
        long replicaReads = counter("database.replica.reads");
        assertThat(caption(path, reader)).isEqualTo("Doe v. Roe (stopped)");
        assertThat(counter("database.replica.reads")).isEqualTo(replicaReads + 1);
    }

    private static String caption(String path, String key) {
        return api.get(path, key).expect(200).json().get("caption").asText();
    }

    private static String created(Api.Resp r) {
        return Api.pathOf(r.expect(201).header("Location"));
    }

    private static JsonNode health() {
        return admin("/healthcheck").get("database-replica");
    }

    private static long counter(String name) {
        return admin("/metrics").get("counters").get(name).get("count").asLong();
    }

    private static double gauge(String name) {
        return admin("/metrics").get("gauges").get(name).get("value").asDouble();
    }

    private static JsonNode admin(String path) {
        try {
            return Api.JSON.readTree(adminText(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String adminText(String path) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getAdminPort() + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s for: " + what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
