package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.MutableClock;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpHeaders;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The weekly digest: one signed message on its digest day at its local time, nothing on the other days. */
@DocketWatchIT
class WeeklyDigestIT {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** A Wednesday, 06:00 in New York. */
    static final ZonedDateTime START = ZonedDateTime.now(NEW_YORK)
            .plusDays(1)
            .with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY))
            .withHour(6)
            .withMinute(0)
            .withSecond(0)
            .withNano(0);

    static final MutableClock CLOCK = new MutableClock(START.toInstant());
    static final Receiver RECEIVER = new Receiver();
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.withClock(
            CLOCK,
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("alerts.digestCron", "0/1 * * * * ?"));

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
        RECEIVER.close();
    }

    @Test
    void theWeeksEventsArriveAsOneMessageOnTheDigestDayAtItsLocalTime() throws Exception {
        String caseId = api.newCase(editor, court);
        JsonNode sub = api.post(
                        "/api/v1/subscriptions",
                        reporter,
                        Map.of(
                                "case_id",
                                caseId,
                                "events",
                                List.of("filing.created"),
                                "delivery",
                                "weekly_digest",
                                "digest_day",
                                "thursday",
                                "digest_at",
                                "07:00",
                                "timezone",
                                "America/New_York",
                                "channel",
                                Map.of("type", "webhook", "url", RECEIVER.url("/weekly"))))
                .expect(201)
                .json();
        assertThat(sub.get("delivery").asText()).isEqualTo("weekly_digest");
        assertThat(sub.get("digest_day").asText()).isEqualTo("thursday");
        filing(caseId, "Scheduling order");
        filing(caseId, "Protective order");

        Thread.sleep(2500);
        assertThat(RECEIVER.hits()).as("nothing on Wednesday at 06:00").isEmpty();
        at(START.withHour(7).withMinute(1));
        Thread.sleep(2500);
        assertThat(RECEIVER.hits())
                .as("nothing at 07:01 on a Wednesday (a daily digest would go now)")
                .isEmpty();

        at(START.plusDays(1).withHour(7).withSecond(5));
        Receiver.Hit hit = RECEIVER.await(h -> h.path().equals("/weekly"), 1, Duration.ofSeconds(15))
                .get(0);
        Map<String, List<String>> headers = new HashMap<>();
        hit.headers().forEach((k, v) -> headers.put(k, List.of(v)));
        new Webhook(sub.get("secret").asText()).verify(hit.body(), HttpHeaders.of(headers, (a, b) -> true));
        JsonNode body = Api.JSON.readTree(hit.body());
        assertThat(body.get("type").asText()).isEqualTo("digest");
        assertThat(body.get("date").asText())
                .isEqualTo(START.plusDays(1).toLocalDate().toString());
        assertThat(body.get("events").findValuesAsText("title"))
                .containsExactly("Scheduling order", "Protective order");

        Thread.sleep(2500);
        assertThat(RECEIVER.hits()).as("one digest a week").hasSize(1);
        filing(caseId, "Order to show cause");
        at(START.plusDays(2).withHour(7).withSecond(5));
        Thread.sleep(2500);
        assertThat(RECEIVER.hits()).as("nothing on Friday").hasSize(1);

        at(START.plusDays(8).withHour(7).withSecond(5));
        List<Receiver.Hit> hits = RECEIVER.await(h -> h.path().equals("/weekly"), 2, Duration.ofSeconds(15));
        JsonNode second = Api.JSON.readTree(hits.get(1).body());
        assertThat(second.get("date").asText())
                .isEqualTo(START.plusDays(8).toLocalDate().toString());
        assertThat(second.get("events").findValuesAsText("title")).containsExactly("Order to show cause");
        // The receiver has the digest before the service records its answer: read the log until it settles.
        List<String> statuses = List.of();
        for (long end = System.nanoTime() + Duration.ofSeconds(15).toNanos(); System.nanoTime() < end; ) {
            statuses = api.get("/api/v1/subscriptions/" + sub.get("id").asText() + "/deliveries", reporter)
                    .json()
                    .get("data")
                    .findValuesAsText("status");
            if (statuses.size() == 3 && statuses.stream().allMatch("delivered"::equals)) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(statuses).hasSize(3).containsOnly("delivered");
    }

    private static void at(ZonedDateTime t) {
        CLOCK.set(t.toInstant());
    }

    private static void filing(String caseId, String title) {
        api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of("filed_on", "2026-05-18", "kind", "order", "title", title))
                .expect(201);
    }
}
