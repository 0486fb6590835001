package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.Db;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Fixtures;
import com.docketwatch.support.Key;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What bounds a request's work in the database: each statement of an API request has a time limit
 * (here 1 s; over it 503 with Retry-After, and a write changes nothing) while docket imports keep the
 * longer background limit; and a search's cursor, whose floor bounds the next pages' work, cannot be
 * altered, forged or carried over to another search.
 */
@DocketWatchIT
class QueryBoundsIT {
    static final DropwizardAppExtension<DocketWatchConfiguration> APP =
            TestApp.create(ConfigOverride.config("database.statementTimeout", "PT1S"));

    @Client
    static Api api;

    @Client
    static Db db;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    @Court
    static String court;

    static String caseId;

    @BeforeAll
    static void setUp() {
        caseId = api.newCase(editor, court);
        for (int i = 1; i <= 6; i++) {
            api.post(
                            "/api/v1/cases/" + caseId + "/filings",
                            editor,
                            Map.of(
                                    "filed_on",
                                    "2025-02-0" + i,
                                    "kind",
                                    "motion",
                                    "title",
                                    "Motion to compel discovery, part " + i))
                    .expect(201);
        }
    }

    @Test
    void aStatementOverTheRequestTimeLimitIs503WithRetryAfterAndChangesNothing() throws Exception {
        long filings = db.count("select count(*) from filings");
        // A maintenance job or a migration holding the table: every statement on it waits.
        try (Connection lock = DriverManager.getConnection(
                        APP.getConfiguration().getDatabase().getUrl());
                Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("lock table filings in access exclusive mode");

            long start = System.nanoTime();
            Api.Resp search = api.get("/api/v1/filings?q=discovery", reporter);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            JsonNode problem = search.problem(503);
            assertThat(problem.get("type").asText()).endsWith("/database-timeout");
            assertThat(search.header("Retry-After")).isEqualTo("5");
            assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));

            Api.Resp list = api.get("/api/v1/cases/" + caseId + "/filings", reporter);
            list.problem(503);
            assertThat(list.header("Retry-After")).isNotNull();

            Api.Resp write = api.post(
                    "/api/v1/cases/" + caseId + "/filings",
                    editor,
                    Map.of("filed_on", "2025-03-01", "kind", "order", "title", "Order blocked by the lock"));
            write.problem(503);
            assertThat(write.header("Retry-After")).isNotNull();

            // The service still answers what does not need the locked table.
            api.get("/api/v1/cases/" + caseId, reporter).expect(200);
            lock.rollback();
        }
        api.get("/api/v1/filings?q=discovery", reporter).expect(200);
        assertThat(db.count("select count(*) from filings"))
                .as("the timed-out write left nothing")
                .isEqualTo(filings);
    }

    @Test
    void aDocketImportKeepsTheLongerBackgroundLimit() throws Exception {
        ObjectNode docket = Fixtures.own("dockets/district_cand.json").json();
        docket.put("docket_number", "3:24-cv-77001");
        try (Connection lock = DriverManager.getConnection(
                        APP.getConfiguration().getDatabase().getUrl());
                Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("lock table filings in access exclusive mode");
            CompletableFuture<Api.Resp> imported =
                    CompletableFuture.supplyAsync(() -> api.post("/api/v1/imports", editor, docket));
            Thread.sleep(2500); // over the 1 s of an API request
            assertThat(imported).as("the import waits for the lock").isNotDone();
            lock.rollback();
            imported.get(60, TimeUnit.SECONDS).expect(201);
        }
    }

    @Test
    void aSearchCursorCannotBeAlteredForgedOrCarriedToAnotherSearch() {
        String search = "/api/v1/filings?q=discovery&limit=2";
        JsonNode first = api.get(search, reporter).expect(200).json();
        String cursor = first.get("next_cursor").asText();
        JsonNode second =
                api.get(search + "&cursor=" + enc(cursor), reporter).expect(200).json();
        assertThat(second.get("data")).hasSize(2);

        // Its keys: rank, id, how the window was found, the window's floor (date, id), signature.
        List<String> keys = keys(cursor);
        assertThat(keys).hasSize(6);

        List<String> lowered = new ArrayList<>(keys);
        lowered.set(3, "1900-01-01");
        List<String> anotherPath = new ArrayList<>(keys);
        anotherPath.set(2, "g");
        List<String> unsigned = keys.subList(0, 5);
        List<String> noFloor = new ArrayList<>(keys.subList(0, 2));
        noFloor.addAll(List.of("g", "1900-01-01", "1"));
        for (List<String> forged : List.of(lowered, anotherPath, unsigned, noFloor)) {
            JsonNode p =
                    api.get(search + "&cursor=" + enc(cursor(forged)), reporter).problem(400);
            assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("cursor");
        }
        for (String other : List.of(
                "/api/v1/filings?q=motion&limit=2",
                "/api/v1/filings?q=discovery&limit=2&court=" + court,
                "/api/v1/filings?q=discovery&limit=2&filed_after=2025-02-03")) {
            api.get(other + "&cursor=" + enc(cursor), reporter).problem(400);
        }
    }

    private static List<String> keys(String cursor) {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        List<String> all = Arrays.asList(text.split("\u001f", -1));
        assertThat(all.get(0)).isEqualTo("v1");
        return all.subList(1, all.size());
    }

    private static String cursor(List<String> keys) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v1\u001f" + String.join("\u001f", keys)).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
