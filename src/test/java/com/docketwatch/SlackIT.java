package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.MutableClock;
import com.docketwatch.support.SlackReceiver;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The Slack channel end to end, against a local incoming webhook that checks each message's Block Kit
 * shape as Slack documents it: one readable message per event (case link, what happened in words, in the
 * court's time zone), one per digest, the same URL rules as webhooks. The service's clock is set to
 * Monday 3 February 2025, 13:00 in California, so reminders and digests come when the test says.
 */
@DocketWatchIT
class SlackIT {
    static final Instant MONDAY_1PM =
            OffsetDateTime.parse("2025-02-03T13:00:00-08:00").toInstant();
    static final MutableClock CLOCK = new MutableClock(MONDAY_1PM);
    static final SlackReceiver SLACK = new SlackReceiver();
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.withClock(
            CLOCK,
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("alerts.pollInterval", "PT0.1S"),
            ConfigOverride.config("alerts.digestCron", "0/1 * * * * ?"));
    static final Duration WAIT = Duration.ofSeconds(20);

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
        SLACK.close();
    }

    @Test
    void eachEventIsOneReadableBlockKitMessageAndADigestIsOne() {
        CLOCK.set(MONDAY_1PM);
        String caseId = api.post(
                        "/api/v1/cases",
                        editor,
                        Map.of(
                                "court",
                                court,
                                "docket_number",
                                "4:24-cv-04722",
                                "caption",
                                "Musk v. Altman",
                                "filed_on",
                                "2024-08-05"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        JsonNode sub = api.post(
                        "/api/v1/subscriptions",
                        reporter,
                        Map.of(
                                "case_id",
                                caseId,
                                "events",
                                List.of("filing.created", "hearing.rescheduled", "hearing.reminder"),
                                "reminder_lead_times",
                                List.of("P1D"),
                                "channel",
                                Map.of("type", "slack", "url", SLACK.url("/services/T0/B0/x"))))
                .expect(201)
                .json();
        assertThat(sub.get("channel").get("type").asText()).isEqualTo("slack");
        assertThat(sub.has("secret"))
                .as("Slack's URL is its secret: none of ours")
                .isFalse();
        assertThat(sub.get("status").asText()).isEqualTo("active");

        // A filing: the case as a link, then what happened.
        api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of(
                                "entry_number",
                                34,
                                "filed_on",
                                "2025-02-03",
                                "kind",
                                "order",
                                "title",
                                "Order denying motion for preliminary injunction"))
                .expect(201);
        SlackReceiver.Message filing = SLACK.await("/services/T0/B0/x", 1, WAIT).get(0);
        assertThat(filing.problems()).as("Slack's shape").isEmpty();
        assertThat(filing.text())
                .isEqualTo("Musk v. Altman (4:24-cv-04722): New filing: Order denying motion for preliminary"
                        + " injunction");
        List<String> texts = filing.blockTexts();
        assertThat(texts.get(0))
                .isEqualTo("*<http://localhost:8080/#case=" + caseId + "|Musk v. Altman · 4:24-cv-04722>*");
        assertThat(texts.get(1))
                .startsWith("New filing: Order denying motion for preliminary injunction")
                .contains("Docket entry 34");
        assertThat(texts.get(2)).contains(court).contains("filing.created");

        // A hearing on Tuesday at 14:00: its one-day reminder comes on Monday at 14:00 and says "tomorrow".
        String hearing = api.post(
                        "/api/v1/cases/" + caseId + "/hearings",
                        editor,
                        Map.of(
                                "kind",
                                "status_conference",
                                "scheduled_at",
                                "2025-02-04T14:00:00-08:00",
                                "location",
                                "Oakland, Courtroom 1"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        CLOCK.set(OffsetDateTime.parse("2025-02-03T14:00:01-08:00").toInstant());
        SlackReceiver.Message reminder =
                SLACK.await("/services/T0/B0/x", 2, WAIT).get(1);
        assertThat(reminder.problems()).isEmpty();
        assertThat(reminder.blockTexts().get(1))
                .startsWith("Reminder: status conference tomorrow 14:00 PST")
                .contains("Oakland, Courtroom 1");

        // Moved to Tuesday 10:00.
        api.patch(
                        "/api/v1/cases/" + caseId + "/hearings/" + hearing,
                        editor,
                        Map.of("scheduled_at", "2025-02-04T10:00:00-08:00"))
                .expect(200);
        SlackReceiver.Message moved = SLACK.await("/services/T0/B0/x", 3, WAIT).get(2);
        assertThat(moved.problems()).isEmpty();
        assertThat(moved.text()).endsWith("Hearing moved to Tue 4 Feb 2025, 10:00 PST");
        assertThat(moved.blockTexts().get(1))
                .startsWith("Hearing moved to Tue 4 Feb 2025, 10:00 PST\nStatus conference");

        // Every Slack message so far passed Slack's checks, so each delivery is delivered, with Slack's "ok".
        JsonNode log = null;
        for (long deadline = System.nanoTime() + WAIT.toNanos(); System.nanoTime() < deadline; sleep(100)) {
            log = api.get("/api/v1/subscriptions/" + sub.get("id").asText() + "/deliveries", reporter)
                    .expect(200)
                    .json()
                    .get("data");
            if (log.findValuesAsText("status").stream().allMatch("delivered"::equals)) {
                break; // recorded once the receiver's answer is in
            }
        }
        assertThat(log.findValuesAsText("status")).containsOnly("delivered").hasSize(3);
        JsonNode attempt = api.get(
                        "/api/v1/subscriptions/" + sub.get("id").asText() + "/deliveries/"
                                + log.get(0).get("id").asText(),
                        reporter)
                .expect(200)
                .json()
                .get("attempt_log")
                .get(0);
        assertThat(attempt.get("status_code").asInt()).isEqualTo(200);
        assertThat(attempt.get("response_excerpt").asText()).isEqualTo("ok");

        // A test message, at once, in Slack's shape too.
        JsonNode ping = api.post("/api/v1/subscriptions/" + sub.get("id").asText() + "/test", reporter, null)
                .expect(200)
                .json();
        assertThat(ping.get("delivered").asBoolean()).isTrue();
        assertThat(ping.get("status_code").asInt()).isEqualTo(200);
        SlackReceiver.Message test = SLACK.await("/services/T0/B0/x", 4, WAIT).get(3);
        assertThat(test.problems()).isEmpty();
        assertThat(test.text())
                .contains("test alert")
                .contains("subscription " + sub.get("id").asText());

        // A daily digest to Slack: one message listing the day's events, at 07:00 the next morning.
        api.post(
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
                                "07:00",
                                "timezone",
                                "America/Los_Angeles",
                                "channel",
                                Map.of("type", "slack", "url", SLACK.url("/services/T0/B0/digest"))))
                .expect(201);
        for (int i = 1; i <= 3; i++) {
            api.post(
                            "/api/v1/cases/" + caseId + "/filings",
                            editor,
                            Map.of("filed_on", "2025-02-03", "kind", "notice", "title", "Notice " + i))
                    .expect(201);
        }
        CLOCK.set(OffsetDateTime.parse("2025-02-04T07:00:01-08:00").toInstant());
        SlackReceiver.Message digest =
                SLACK.await("/services/T0/B0/digest", 1, WAIT).get(0);
        assertThat(digest.problems()).isEmpty();
        assertThat(digest.text()).isEqualTo("DocketWatch digest for 2025-02-04: 3 events");
        assertThat(digest.blockTexts())
                .hasSize(4)
                .element(1, org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("Musk v. Altman · 4:24-cv-04722")
                .endsWith("New filing: Notice 1");
        sleep(1500);
        assertThat(SLACK.messages().stream().filter(m -> m.path().endsWith("/digest")))
                .as("one message per digest")
                .hasSize(1);
    }

    @Test
    void slackUrlsFollowTheWebhookRules() {
        String caseId = api.newCase(editor, court);
        for (String url : List.of("http://hooks.example.com/services/x", "https://10.0.0.1/services/x", "")) {
            JsonNode problem = api.post(
                            "/api/v1/subscriptions",
                            reporter,
                            Map.of(
                                    "case_id",
                                    caseId,
                                    "events",
                                    List.of("filing.created"),
                                    "channel",
                                    Map.of("type", "slack", "url", url)))
                    .problem(422);
            assertThat(problem.toString()).contains("channel.url");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
