package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.Db;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code Idempotency-Key} on POST: a retry gets the first answer and creates nothing twice. */
@DocketWatchIT
class IdempotencyIT {
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create();
    static final String JSON = "application/json";
    static final String REPLAYED = "Idempotent-Replayed";

    @Client
    static Api api;

    @Client
    static Db db;

    @Key("editor")
    static String editor;

    @Key("editor")
    static String otherEditor;

    @Key("reporter")
    static String reporter;

    @Court
    static String court;

    static String caseId;
    static long caseNumber;
    static String partyId;

    @BeforeAll
    static void setUp() {
        caseId = api.newCase(editor, court);
        caseNumber = Long.parseLong(caseId);
        partyId = api.post(
                        "/api/v1/cases/" + caseId + "/parties",
                        editor,
                        Map.of("name", "Sam Altman", "role", "defendant"))
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    static Api.Resp post(String path, String apiKey, Object body, String idempotencyKey) {
        return api.send("POST", path, apiKey, body, JSON, "Idempotency-Key", idempotencyKey);
    }

    static String newIdempotencyKey() {
        return "retry-" + UUID.randomUUID();
    }

    @Test
    void aRetriedCreateReturnsTheFirstAnswerAndCreatesOneRow() {
        String key = newIdempotencyKey();
        String docket = "4:24-cv-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> body =
                Map.of("court", court, "docket_number", docket, "caption", "Musk v. Altman", "filed_on", "2024-08-05");

        Api.Resp first = post("/api/v1/cases", editor, body, key).expect(201);
        Api.Resp second = post("/api/v1/cases", editor, body, key);

        assertSameAnswer(first, second);
        assertThat(first.header("Location"))
                .endsWith("/api/v1/cases/" + first.json().get("id").asText());
        assertThat(db.count("select count(*) from cases where docket_number = ?", docket))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from idempotency_keys where key = ?", key))
                .isEqualTo(1);
    }

    /**
     * A claim its service never finished (killed mid-request: its transaction rolled back) stops answering
     * 409 once it is older than any request runs; a fresh claim still does.
     */
    @Test
    void aClaimLeftUnfinishedByACrashIsTakenOverAfterTenMinutes() {
        String key = newIdempotencyKey();
        String docket = "4:24-cv-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> body =
                Map.of("court", court, "docket_number", docket, "caption", "Doe v. Roe", "filed_on", "2024-08-05");
        // The request a crashed service had claimed: no answer stored.
        long editorId = db.count("select id from api_keys where key_hash = sha256(convert_to(?, 'UTF8'))", editor);
        db.update(
                "insert into idempotency_keys (api_key_id, key, request_hash, created_at) "
                        + "values (?, ?, '\\x00', now() - interval '1 minute')",
                editorId,
                key);
        post("/api/v1/cases", editor, body, key).problem(409);
        db.update("update idempotency_keys set created_at = now() - interval '11 minutes' where key = ?", key);
        Api.Resp taken = post("/api/v1/cases", editor, body, key).expect(201);
        assertSameAnswer(taken, post("/api/v1/cases", editor, body, key));
        assertThat(db.count("select count(*) from cases where docket_number = ?", docket))
                .isEqualTo(1);
    }

    @Test
    void everyCreateEndpointReplaysInsteadOfCreatingTwice() {
        String c = "/api/v1/cases/" + caseId;
        String u = UUID.randomUUID().toString().substring(0, 8);
        List<Object[]> creates = List.of(
                new Object[] {
                    "/api/v1/courts",
                    Map.of(
                            "id",
                            "idem" + u,
                            "name",
                            "Court " + u,
                            "jurisdiction",
                            "state",
                            "timezone",
                            "America/New_York"),
                    "select count(*) from courts where id = 'idem" + u + "'"
                },
                new Object[] {
                    c + "/parties",
                    Map.of("name", "Party " + u, "role", "amicus", "counsel", List.of(Map.of("name", "Counsel " + u))),
                    "select count(*) from parties where name = 'Party " + u + "'"
                },
                new Object[] {
                    c + "/filings",
                    Map.of("filed_on", "2024-11-14", "kind", "motion", "title", "Motion " + u),
                    "select count(*) from filings where title = 'Motion " + u + "'"
                },
                new Object[] {
                    c + "/claims",
                    Map.of("title", "Claim " + u, "against", List.of(partyId)),
                    "select count(*) from claims where title = 'Claim " + u + "'"
                },
                new Object[] {
                    c + "/hearings",
                    Map.of(
                            "kind",
                            "motion_hearing",
                            "scheduled_at",
                            "2026-05-01T10:00:00-07:00",
                            "location",
                            "Room " + u),
                    "select count(*) from hearings where location = 'Room " + u + "'"
                },
                new Object[] {
                    "/api/v1/cases/" + api.newCase(editor, court) + "/status-changes",
                    Map.of("status", "stayed", "effective_on", "2025-01-02", "reason", "Stay " + u),
                    "select count(*) from status_changes where reason = 'Stay " + u + "'"
                });
        for (Object[] create : creates) {
            String path = (String) create[0];
            String key = newIdempotencyKey();
            long events = db.count("select count(*) from events");
            Api.Resp first = post(path, editor, create[1], key).expect(201);
            long eventsAfterFirst = db.count("select count(*) from events");
            for (int retry = 0; retry < 3; retry++) {
                assertSameAnswer(first, post(path, editor, create[1], key));
            }
            assertThat(db.count((String) create[2])).as(path).isEqualTo(1);
            assertThat(db.count("select count(*) from events"))
                    .as("events of " + path)
                    .isEqualTo(eventsAfterFirst);
            assertThat(eventsAfterFirst - events)
                    .as("events of the first " + path)
                    .isLessThanOrEqualTo(1);
        }
    }

    @Test
    void theReplayIsTheFirstAnswerEvenAfterTheResourceChanged() {
        String key = newIdempotencyKey();
        Map<String, String> body = Map.of(
                "court",
                court,
                "docket_number",
                "later-" + UUID.randomUUID(),
                "caption",
                "Original caption",
                "filed_on",
                "2024-08-05");
        Api.Resp first = post("/api/v1/cases", editor, body, key).expect(201);
        String id = first.json().get("id").asText();
        api.patch("/api/v1/cases/" + id, editor, Map.of("caption", "Changed caption"))
                .expect(200);
        Api.Resp replay = post("/api/v1/cases", editor, body, key);
        assertSameAnswer(first, replay);
        assertThat(replay.json().get("caption").asText()).isEqualTo("Original caption");
        assertThat(api.get("/api/v1/cases/" + id, reporter)
                        .json()
                        .get("caption")
                        .asText())
                .isEqualTo("Changed caption");
    }

    @Test
    void theSameKeyWithADifferentBodyOrPathIs422AndCreatesNothing() {
        String key = newIdempotencyKey();
        String c = "/api/v1/cases/" + caseId;
        post(c + "/filings", editor, Map.of("filed_on", "2024-11-14", "kind", "motion", "title", "First body"), key)
                .expect(201);
        Map<String, Long> before = db.snapshot();
        JsonNode p = post(
                        c + "/filings",
                        editor,
                        Map.of("filed_on", "2024-11-14", "kind", "motion", "title", "Second body"),
                        key)
                .problem(422);
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        JsonNode other =
                post(c + "/claims", editor, Map.of("title", "First body"), key).problem(422);
        assertThat(other.get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(db.count("select count(*) from filings where title = 'Second body'"))
                .isZero();
    }

    @Test
    void theSameIdempotencyKeyUnderTwoApiKeysIsIndependent() {
        String key = newIdempotencyKey();
        String path = "/api/v1/cases/" + caseId + "/filings";
        Map<String, String> body =
                Map.of("filed_on", "2024-11-15", "kind", "notice", "title", "Shared idempotency key");

        Api.Resp mine = post(path, editor, body, key).expect(201);
        Api.Resp theirs = post(path, otherEditor, body, key).expect(201);

        assertThat(mine.header(REPLAYED)).isNull();
        assertThat(theirs.header(REPLAYED)).isNull();
        assertThat(theirs.json().get("id").asText())
                .isNotEqualTo(mine.json().get("id").asText());
        assertThat(db.count("select count(*) from filings where title = 'Shared idempotency key'"))
                .isEqualTo(2);
        assertThat(db.count("select count(*) from idempotency_keys where key = ?", key))
                .isEqualTo(2);
        // Each caller still gets its own first answer back.
        assertSameAnswer(mine, post(path, editor, body, key));
        assertSameAnswer(theirs, post(path, otherEditor, body, key));
        assertThat(db.count("select count(*) from filings where title = 'Shared idempotency key'"))
                .isEqualTo(2);
    }

    @Test
    void aValidationErrorIsReplayedAs422() {
        String key = newIdempotencyKey();
        Map<String, Object> invalid =
                Map.of("court", court, "docket_number", "x", "caption", "Bad date", "filed_on", "2024-02-30");
        Map<String, Long> before = db.snapshot();
        Api.Resp first = post("/api/v1/cases", editor, invalid, key);
        JsonNode p = first.problem(422);
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("filed_on");
        assertThat(first.header(REPLAYED)).isNull();

        Api.Resp second = post("/api/v1/cases", editor, invalid, key);
        assertThat(second.problem(422)).isEqualTo(p);
        assertThat(second.header(REPLAYED)).isEqualTo("true");
        assertThat(db.count("select count(*) from cases where caption = 'Bad date'"))
                .isZero();
        assertThat(db.snapshot().get("cases")).isEqualTo(before.get("cases"));

        // The key stays bound to that request: the corrected body needs a new key.
        Map<String, Object> fixed =
                Map.of("court", court, "docket_number", "x", "caption", "Bad date", "filed_on", "2024-02-29");
        post("/api/v1/cases", editor, fixed, key).problem(422);
        post("/api/v1/cases", editor, fixed, newIdempotencyKey()).expect(201);
    }

    @Test
    void aConflictIsReplayedAs409() {
        String docket = "dup-" + UUID.randomUUID();
        Map<String, String> body =
                Map.of("court", court, "docket_number", docket, "caption", "A v. B", "filed_on", "2024-01-01");
        api.post("/api/v1/cases", editor, body).expect(201);
        String key = newIdempotencyKey();
        JsonNode p = post("/api/v1/cases", editor, body, key).problem(409);
        Api.Resp replay = post("/api/v1/cases", editor, body, key);
        assertThat(replay.problem(409)).isEqualTo(p);
        assertThat(replay.header(REPLAYED)).isEqualTo("true");
        assertThat(db.count("select count(*) from cases where docket_number = ?", docket))
                .isEqualTo(1);
    }

    @Test
    void aBlankOrOverlongIdempotencyKeyIs400AndCreatesNothing() {
        Map<String, Long> before = db.snapshot();
        Map<String, String> body = Map.of("filed_on", "2024-11-14", "kind", "motion", "title", "Bad key");
        for (String key : List.of(" ", "k".repeat(256))) {
            JsonNode p = post("/api/v1/cases/" + caseId + "/filings", editor, body, key)
                    .problem(400);
            assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        }
        assertThat(db.snapshot()).isEqualTo(before);
        post("/api/v1/cases/" + caseId + "/filings", editor, body, "k".repeat(255))
                .expect(201);
    }

    @Test
    void aRefusedCallerDoesNotBindTheKey() {
        String key = newIdempotencyKey();
        Map<String, String> body = Map.of("filed_on", "2024-11-16", "kind", "order", "title", "Forbidden first");
        post("/api/v1/cases/" + caseId + "/filings", reporter, body, key).problem(403);
        post("/api/v1/cases/" + caseId + "/filings", null, body, key).problem(401);
        assertThat(db.count("select count(*) from idempotency_keys where key = ?", key))
                .isZero();
        Api.Resp r =
                post("/api/v1/cases/" + caseId + "/filings", editor, body, key).expect(201);
        assertThat(r.header(REPLAYED)).isNull();
    }

    @Test
    void aReplayedKeyCreationNeverStoresOrRepeatsTheSecret() {
        String idem = newIdempotencyKey();
        Map<String, String> body = Map.of("name", "idempotent key", "role", "reporter");
        Api.Resp first = post("/api/v1/keys", TestApp.ADMIN_KEY, body, idem).expect(201);
        String secret = first.json().get("key").asText();
        Api.Resp replay = post("/api/v1/keys", TestApp.ADMIN_KEY, body, idem).expect(201);

        assertThat(replay.header(REPLAYED)).isEqualTo("true");
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(replay.json().get("id").asText())
                .isEqualTo(first.json().get("id").asText());
        assertThat(replay.json().get("role").asText()).isEqualTo("reporter");
        assertThat(replay.body()).doesNotContain(secret);
        assertThat(db.count("select count(*) from api_keys where name = 'idempotent key'"))
                .isEqualTo(1);
        assertThat(db.count(
                        "select count(*) from idempotency_keys where position(convert_to(?, 'UTF8') in "
                                + "coalesce(response_sealed, ''::bytea)) > 0 or position(? in coalesce(location, '')) > 0",
                        secret,
                        secret))
                .isZero();
        api.get("/api/v1/cases", secret).expect(200);
    }

    @Test
    void tenConcurrentIdenticalRequestsCreateExactlyOneRow() throws Exception {
        String key = newIdempotencyKey();
        String path = "/api/v1/cases/" + caseId + "/filings";
        Map<String, String> body = Map.of("filed_on", "2024-11-20", "kind", "motion", "title", "Concurrent motion");
        int n = 10;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Api.Resp> answers = new ArrayList<>();
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Resp>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return post(path, editor, body, key);
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<Api.Resp> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        List<Api.Resp> originals = answers.stream()
                .filter(r -> r.status() == 201 && r.header(REPLAYED) == null)
                .toList();
        assertThat(originals).as("answers that created the filing").hasSize(1);
        String id = originals.get(0).json().get("id").asText();
        for (Api.Resp r : answers) {
            if (r.status() == 201) {
                assertThat(r.json().get("id").asText()).isEqualTo(id);
                assertThat(r.header("Location")).isEqualTo(originals.get(0).header("Location"));
            } else {
                JsonNode p = r.problem(409);
                assertThat(p.get("detail").asText()).containsIgnoringCase("in progress");
            }
        }
        assertThat(db.count(
                        "select count(*) from filings where case_id = ? and title = 'Concurrent motion'", caseNumber))
                .isEqualTo(1);
        assertThat(
                        db.count(
                                "select count(*) from events where type = 'filing.created' and data->>'title' = 'Concurrent motion'"))
                .isEqualTo(1);
        // Once the first has finished, every retry is a replay.
        assertSameAnswer(originals.get(0), post(path, editor, body, key));
    }

    private static void assertSameAnswer(Api.Resp first, Api.Resp replay) {
        assertThat(first.header(REPLAYED))
                .as("the first answer is not a replay")
                .isNull();
        assertThat(replay.status()).as(replay.body()).isEqualTo(first.status());
        assertThat(replay.header(REPLAYED)).isEqualTo("true");
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(replay.header("Content-Type")).isEqualTo(first.header("Content-Type"));
    }
}
