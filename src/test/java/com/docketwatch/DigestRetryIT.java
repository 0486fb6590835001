package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.Db;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.MutableClock;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Daily digests that fail: they back off like deliveries (1 min, doubling up to 4 min here) and give
 * up after the retry window (10 min here), each try and the end shown in the delivery log; and digests
 * of subscriptions whose ids are past 2^31.
 */
@DocketWatchIT
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the ids past 2^31 last: they are the database's from then on
class DigestRetryIT {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final MutableClock CLOCK = new MutableClock(ZonedDateTime.now(NEW_YORK)
            .plusDays(1)
            .withHour(6)
            .withMinute(0)
            .withSecond(0)
            .withNano(0)
            .toInstant());
    static final Receiver FAILING = new Receiver();
    static final Receiver WORKING = new Receiver();
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.withClock(
            CLOCK,
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("alerts.digestCron", "0/1 * * * * ?"),
            ConfigOverride.config("alerts.retryInitialDelay", "PT1M"),
            ConfigOverride.config("alerts.maxRetryDelay", "PT4M"),
            ConfigOverride.config("alerts.retryWindow", "PT10M"));
    static final Duration WAIT = Duration.ofSeconds(15);

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

    @AfterAll
    static void tearDown() {
        FAILING.close();
        WORKING.close();
    }

    @Test
    @Order(1)
    void aFailingDigestBacksOffThenEndsAsFailedInTheDeliveryLog() throws Exception {
        for (int i = 0; i < 20; i++) {
            FAILING.answer(500);
        }
        String caseId = api.newCase(editor, court);
        String sub = digest(caseId, FAILING.url("/digest"));
        file(caseId, "Scheduling order");
        file(caseId, "Order granting leave");

        CLOCK.advance(Duration.ofMinutes(31));
        List<Receiver.Hit> hits = FAILING.await(h -> true, 1, WAIT);
        waitForAttempts(sub, 1);
        Thread.sleep(3000); // three more runs of the digest job
        assertThat(FAILING.hits()).as("no retry before the back-off").hasSize(1);
        Instant firstTry = CLOCK.instant();
        JsonNode log = log(sub);
        assertThat(log).hasSize(2);
        for (JsonNode d : log) {
            assertThat(d.get("status").asText()).isEqualTo("digest");
            assertThat(d.get("attempts").asInt()).isOne();
            assertThat(d.get("last_error").asText()).isEqualTo("HTTP 500");
            assertThat(Instant.parse(d.get("next_attempt_at").asText()))
                    .isBetween(firstTry.plusSeconds(59), firstTry.plusSeconds(61));
        }

        // Retries after 1, 2 and 4 minutes; the fifth try, 11 minutes after the first, is past the window.
        int tries = 1;
        for (Duration wait : List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4))) {
            CLOCK.advance(wait.minusSeconds(5));
            Thread.sleep(2000);
            assertThat(FAILING.hits()).as("not before " + wait).hasSize(tries);
            CLOCK.advance(Duration.ofSeconds(6));
            FAILING.await(h -> true, ++tries, WAIT);
            waitForAttempts(sub, tries);
            assertThat(log(sub).findValuesAsText("status")).containsOnly("digest");
        }
        CLOCK.advance(Duration.ofMinutes(4).plusSeconds(1));
        FAILING.await(h -> true, 5, WAIT);
        waitForAttempts(sub, 5);

        log = log(sub);
        assertThat(log.findValuesAsText("status")).containsExactly("failed", "failed");
        for (JsonNode d : log) {
            assertThat(d.get("attempts").asInt()).isEqualTo(5);
            assertThat(d.get("last_error").asText()).isEqualTo("HTTP 500");
            assertThat(d.get("next_attempt_at").isNull()).isTrue();
        }
        assertThat(FAILING.hits().stream().map(Receiver.Hit::id).distinct())
                .as("every try is the same digest")
                .containsExactly(hits.get(0).id());

        CLOCK.advance(Duration.ofMinutes(30));
        Thread.sleep(2500);
        assertThat(FAILING.hits()).as("given up: no more tries").hasSize(5);
    }

    @Test
    @Order(2)
    void aSubscriptionWhoseIdIsPast2To31GetsItsDigest() throws Exception {
        db.update("alter table subscriptions alter column id restart with 3000000000");
        String caseId = api.newCase(editor, court);
        String sub = digest(caseId, WORKING.url("/digest"));
        assertThat(Long.parseLong(sub)).isGreaterThan(Integer.MAX_VALUE);
        file(caseId, "Judgment");

        CLOCK.advance(Duration.ofMinutes(31));
        Receiver.Hit hit = WORKING.await(h -> true, 1, WAIT).get(0);
        JsonNode body = Api.JSON.readTree(hit.body());
        assertThat(body.get("subscription_id").asText()).isEqualTo(sub);
        assertThat(body.get("events").findValuesAsText("type")).containsExactly("filing.created");
        awaitLog(sub, "delivered", log -> log.findValuesAsText("status").equals(List.of("delivered")));
    }

    /** A digest subscription whose digest time is 30 minutes from the clock's now (New York time). */
    private static String digest(String caseId, String url) {
        String at = ZonedDateTime.ofInstant(CLOCK.instant(), NEW_YORK)
                .plusMinutes(30)
                .truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ofPattern("HH:mm"));
        return api.post(
                        "/api/v1/subscriptions",
                        reporter,
                        Map.of(
                                "case_id",
                                caseId,
                                "events",
                                List.of("filing.created"),
                                "delivery",
                                "daily_digest",
                                "digest_at",
                                at,
                                "timezone",
                                NEW_YORK.getId(),
                                "channel",
                                Map.of("type", "webhook", "url", url)))
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private static void file(String caseId, String title) {
        api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of("filed_on", "2026-05-18", "kind", "order", "title", title))
                .expect(201);
    }

    private static JsonNode log(String sub) {
        return api.get("/api/v1/subscriptions/" + sub + "/deliveries", reporter)
                .expect(200)
                .json()
                .get("data");
    }

    /** Waits until the digest's events show {@code n} attempts (the send is recorded just after it). */
    private static void waitForAttempts(String sub, int n) throws InterruptedException {
        awaitLog(
                sub,
                n + " attempts",
                log -> log.findValuesAsText("attempts").stream().allMatch(a -> Integer.parseInt(a) >= n));
    }

    /** Waits until the delivery log shows {@code what}. */
    private static void awaitLog(String sub, String what, Predicate<JsonNode> shows) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (shows.test(log(sub))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the delivery log never showed " + what + ": " + log(sub));
    }
}
