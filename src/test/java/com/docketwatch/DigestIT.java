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
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The daily digest: one signed message listing the day's events, sent by the Quartz job at the local digest time. */
@DocketWatchIT
class DigestIT {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final MutableClock CLOCK = new MutableClock(ZonedDateTime.now(NEW_YORK)
            .plusDays(1)
            .withHour(6)
            .withMinute(0)
            .withSecond(0)
            .withNano(0)
            .toInstant());
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
    void theDaysEventsArriveAsOneMessageAtTheLocalDigestTime() throws Exception {
        String caseId = api.newCase(editor, court);
        JsonNode sub = api.post(
                        "/api/v1/subscriptions",
                        reporter,
                        Map.of(
                                "case_id",
                                caseId,
                                "events",
                                List.of("filing.created", "case.status_changed"),
                                "filing_kinds",
                                List.of("order", "judgment"),
                                "delivery",
                                "daily_digest",
                                "digest_at",
                                "07:00",
                                "timezone",
                                "America/New_York",
                                "channel",
                                Map.of("type", "webhook", "url", RECEIVER.url("/digest"))))
                .expect(201)
                .json();
        assertThat(sub.get("delivery").asText()).isEqualTo("daily_digest");
        for (String[] f :
                new String[][] {{"order", "Scheduling order"}, {"motion", "Motion to dismiss"}, {"judgment", "Judgment"}
                }) {
            api.post(
                            "/api/v1/cases/" + caseId + "/filings",
                            editor,
                            Map.of("filed_on", "2026-05-18", "kind", f[0], "title", f[1]))
                    .expect(201);
        }
        api.post(
                        "/api/v1/cases/" + caseId + "/status-changes",
                        editor,
                        Map.of("status", "judgment_entered", "effective_on", "2026-05-18"))
                .expect(201);
        Thread.sleep(2500);
        assertThat(RECEIVER.hits()).as("nothing before 07:00 New York time").isEmpty();

        CLOCK.advance(Duration.ofMinutes(60).plusSeconds(5));
        Receiver.Hit hit = RECEIVER.await(h -> h.path().equals("/digest"), 1, Duration.ofSeconds(15))
                .get(0);
        Map<String, List<String>> headers = new HashMap<>();
        hit.headers().forEach((k, v) -> headers.put(k, List.of(v)));
        new Webhook(sub.get("secret").asText()).verify(hit.body(), HttpHeaders.of(headers, (a, b) -> true));
        JsonNode body = Api.JSON.readTree(hit.body());
        assertThat(body.get("type").asText()).isEqualTo("digest");
        assertThat(body.get("events")).hasSize(3);
        assertThat(body.get("events").findValuesAsText("type"))
                .containsExactly("filing.created", "filing.created", "case.status_changed");
        assertThat(body.toString())
                .contains("Scheduling order")
                .contains("Judgment")
                .doesNotContain("Motion to dismiss");

        Thread.sleep(2500);
        assertThat(RECEIVER.hits()).as("one digest a day").hasSize(1);
        JsonNode log = api.get("/api/v1/subscriptions/" + sub.get("id").asText() + "/deliveries", reporter)
                .json()
                .get("data");
        assertThat(log.findValuesAsText("status")).hasSize(3).containsOnly("delivered");
    }
}
