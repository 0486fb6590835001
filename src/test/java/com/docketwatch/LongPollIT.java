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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /events?after=&wait=: answers as soon as an event is committed, or with an empty page when the wait ends. */
@DocketWatchIT
class LongPollIT {
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create();
    static final ExecutorService POOL = Executors.newCachedThreadPool();

    @Client
    static Api api;

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
    }

    @AfterAll
    static void tearDown() {
        POOL.shutdownNow();
    }

    @Test
    void answersWithinMomentsOfAnEventCommittedByAnotherRequest() throws Exception {
        String last = lastEventId();
        long start = System.nanoTime();
        Future<Api.Resp> poll = POOL.submit(() -> api.get("/api/v1/events?after=" + last + "&wait=PT30S", reporter));
        Thread.sleep(1500);
        assertThat(poll.isDone()).as("nothing new yet: still waiting").isFalse();

        long posted = System.nanoTime();
        String filing = api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of("filed_on", "2025-01-02", "kind", "notice", "title", "Notice of long poll"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        Api.Resp r = poll.get(10, TimeUnit.SECONDS);
        Duration after = Duration.ofNanos(System.nanoTime() - posted);
        r.expect(200);
        JsonNode data = r.json().get("data");
        assertThat(data).hasSize(1);
        assertThat(data.get(0).get("type").asText()).isEqualTo("filing.created");
        assertThat(data.get(0).get("data").get("id").asText()).isEqualTo(filing);
        assertThat(after)
                .as("answered %s ms after the write was sent", after.toMillis())
                .isLessThan(Duration.ofMillis(1500));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anEmptyPageWhenTheWaitEnds() {
        String last = lastEventId();
        long start = System.nanoTime();
        JsonNode page = api.get("/api/v1/events?after=" + last + "&wait=PT2S", reporter)
                .expect(200)
                .json();
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(page.get("data")).isEmpty();
        assertThat(page.get("next_cursor").isNull()).isTrue();
        assertThat(ms).isBetween(1900L, 6000L);
    }

    @Test
    void eventsAlreadyThereAreAnsweredAtOnce() {
        long start = System.nanoTime();
        JsonNode page = api.get("/api/v1/events?after=0&wait=PT30S", reporter)
                .expect(200)
                .json();
        assertThat(page.get("data")).isNotEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(api.get("/api/v1/events?after=" + lastEventId() + "&wait=PT0S", reporter)
                        .expect(200)
                        .json()
                        .get("data"))
                .isEmpty();
    }

    @Test
    void manyWaitersHoldNoConnectionsAndOneEventWakesThemAll() throws Exception {
        String last = lastEventId();
        // More waiters than the connection pool has connections (32), from four keys (each may have 10
        // waiting): were each holding one, the reads and the write below would starve.
        List<String> keys = List.of(reporter, api.key("reporter"), api.key("reporter"), api.key("reporter"));
        List<CompletableFuture<Api.Resp>> polls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String key = keys.get(i % keys.size());
            polls.add(CompletableFuture.supplyAsync(
                    () -> api.get("/api/v1/events?after=" + last + "&wait=PT20S", key), POOL));
        }
        Thread.sleep(1500);
        long start = System.nanoTime();
        api.get("/api/v1/cases/" + caseId, reporter).expect(200);
        api.post(
                        "/api/v1/cases/" + caseId + "/hearings",
                        editor,
                        Map.of("kind", "hearing", "scheduled_at", "2026-03-03T10:00:00-08:00"))
                .expect(201);
        CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        for (CompletableFuture<Api.Resp> p : polls) {
            assertThat(p.get().expect(200).json().get("data").get(0).get("type").asText())
                    .isEqualTo("hearing.scheduled");
        }
    }

    @Test
    void oneKeyMayHaveTenLongPollsWaitingAndTheEleventhIs429WithRetryAfter() throws Exception {
        String key = api.key("reporter");
        String last = lastEventId();
        List<CompletableFuture<Api.Resp>> polls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            polls.add(CompletableFuture.supplyAsync(
                    () -> api.get("/api/v1/events?after=" + last + "&wait=PT20S", key), POOL));
        }
        Thread.sleep(1500);
        assertThat(polls).noneMatch(CompletableFuture::isDone);

        Api.Resp refused = api.get("/api/v1/events?after=" + last + "&wait=PT20S", key);
        JsonNode problem = refused.problem(429);
        assertThat(problem.get("type").asText()).endsWith("/too-many-long-polls");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 20L);
        // Without ?wait= the same key still reads the feed; another key still long-polls.
        assertThat(api.get("/api/v1/events?after=" + last, key)
                        .expect(200)
                        .json()
                        .get("data"))
                .isEmpty();
        Future<Api.Resp> other = POOL.submit(() -> api.get("/api/v1/events?after=" + last + "&wait=PT20S", reporter));

        long posted = System.nanoTime();
        api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of("filed_on", "2025-01-03", "kind", "notice", "title", "Notice to the waiting"))
                .expect(201);
        CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - posted)).isLessThan(Duration.ofSeconds(3));
        for (CompletableFuture<Api.Resp> p : polls) {
            assertThat(p.get().expect(200).json().get("data")).hasSize(1);
        }
        other.get(10, TimeUnit.SECONDS).expect(200);
        // Answered polls free their places.
        assertThat(api.get("/api/v1/events?after=" + lastEventId() + "&wait=PT1S", key)
                        .expect(200)
                        .json()
                        .get("data"))
                .isEmpty();
    }

    @Test
    void malformedWaitsAre400() {
        for (String wait : List.of("PT61S", "PT2M", "30", "-PT1S", "P1D", "soon")) {
            JsonNode p = api.get("/api/v1/events?wait=" + URLEncoder.encode(wait, StandardCharsets.UTF_8), reporter)
                    .problem(400);
            assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("wait");
        }
        api.get("/api/v1/events?after=nope&wait=PT5S", reporter).problem(400);
        api.get("/api/v1/events?wait=PT5S", null).problem(401);
    }

    /** The id of the newest event in the feed (paging to its end). */
    private static String lastEventId() {
        String last = "0";
        String cursor = null;
        do {
            JsonNode page = api.get(
                            "/api/v1/events?limit=500"
                                    + (cursor == null
                                            ? "&after=" + last
                                            : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                            reporter)
                    .expect(200)
                    .json();
            for (JsonNode e : page.get("data")) {
                last = e.get("id").asText();
            }
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asText();
        } while (cursor != null);
        return last;
    }
}
