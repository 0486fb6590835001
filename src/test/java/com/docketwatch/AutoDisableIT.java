package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A webhook subscription whose receiver keeps failing is disabled (here after 20 seconds instead of five
 * days), is then left alone with its waiting deliveries kept, and delivers them when re-enabled; a
 * receiver answering 410 Gone disables it at once.
 */
@DocketWatchIT
class AutoDisableIT {
    static final Duration DISABLE_AFTER = Duration.ofSeconds(20);
    static final Receiver FAILING = new Receiver();
    static final Receiver GONE = new Receiver();
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create(
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("alerts.retryInitialDelay", "PT1S"),
            ConfigOverride.config("alerts.maxRetryDelay", "PT2S"),
            ConfigOverride.config("alerts.pollInterval", "PT0.1S"),
            ConfigOverride.config("alerts.disableAfter", DISABLE_AFTER.toString()));

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
        FAILING.close();
        GONE.close();
    }

    @Test
    void aReceiverFailingLongerThanDisableAfterIsDisabledAndReEnablingDeliversWhatWaited() {
        FAILING.answerAlways(503, "maintenance");
        String caseId = api.newCase(editor, court);
        String sub = subscribe(caseId, FAILING.url("/down"));
        Instant firstFiling = Instant.now();
        file(caseId, "Motion to dismiss");
        FAILING.await(h -> true, 1, Duration.ofSeconds(10));

        // Failing, but not yet for 20 s: still active and retried.
        sleep(8_000);
        assertThat(get(sub).get("status").asText()).isEqualTo("active");
        file(caseId, "Opposition to motion to dismiss");

        JsonNode disabled = awaitStatus(sub, "disabled", Duration.ofSeconds(40));
        assertThat(disabled.get("disabled_reason").asText()).isEqualTo("HTTP 503");
        Instant at = Instant.parse(disabled.get("disabled_at").asText());
        assertThat(Duration.between(firstFiling, at)).isGreaterThanOrEqualTo(DISABLE_AFTER);
        assertThat(disabled.get("paused").asBoolean()).isFalse();

        // Disabled: no more attempts; new events still wait for it, nothing is dropped.
        sleep(1_000);
        int attempts = FAILING.hits().size();
        file(caseId, "Reply in support of motion to dismiss");
        sleep(4_000);
        assertThat(FAILING.hits()).as("no attempt while disabled").hasSize(attempts);
        JsonNode log = deliveries(sub);
        assertThat(log).hasSize(3);
        assertThat(log.findValuesAsText("status")).containsOnly("pending", "retrying");

        // Fixed, and re-enabled: everything still inside its retry window goes out at once.
        FAILING.answerAlways(204, null);
        JsonNode enabled = api.patch("/api/v1/subscriptions/" + sub, reporter, Map.of("paused", false))
                .expect(200)
                .json();
        assertThat(enabled.get("status").asText()).isEqualTo("active");
        assertThat(enabled.get("disabled_at").isNull()).isTrue();
        assertThat(enabled.get("disabled_reason").isNull()).isTrue();
        Set<String> events = Set.copyOf(deliveries(sub).findValuesAsText("event_id"));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline
                && !deliveries(sub).findValuesAsText("status").stream().allMatch("delivered"::equals)) {
            sleep(100);
        }
        assertThat(deliveries(sub).findValuesAsText("status")).containsOnly("delivered");
        Set<String> delivered = FAILING.hits(h -> h.headers().containsKey("webhook-id")).stream()
                .map(Receiver.Hit::id)
                .collect(Collectors.toSet());
        assertThat(delivered).containsAll(events);
    }

    @Test
    void aReceiverAnswering410GoneDisablesItAtOnce() {
        GONE.answerAlways(410, "this endpoint was removed");
        String caseId = api.newCase(editor, court);
        String sub = subscribe(caseId, GONE.url("/gone"));
        file(caseId, "Notice of voluntary dismissal");
        JsonNode disabled = awaitStatus(sub, "disabled", Duration.ofSeconds(10));
        assertThat(disabled.get("disabled_reason").asText()).contains("410 Gone");
        assertThat(GONE.hits()).hasSize(1);
        JsonNode attempt = api.get(
                        "/api/v1/subscriptions/" + sub + "/deliveries/"
                                + deliveries(sub).get(0).get("id").asText(),
                        reporter)
                .expect(200)
                .json()
                .get("attempt_log")
                .get(0);
        assertThat(attempt.get("status_code").asInt()).isEqualTo(410);
        assertThat(attempt.get("response_excerpt").asText()).isEqualTo("this endpoint was removed");
        sleep(3_000);
        assertThat(GONE.hits()).as("not retried while disabled").hasSize(1);
        // A re-send or a replay of a disabled subscription is refused, saying how to enable it.
        String retry = "/api/v1/subscriptions/" + sub + "/deliveries/"
                + deliveries(sub).get(0).get("id").asText() + "/retry";
        assertThat(api.post(retry, reporter, null).problem(409).get("detail").asText())
                .contains("disabled")
                .contains("\"paused\": false");
    }

    // ---------------------------------------------------------------------------------------------

    private static String subscribe(String caseId, String url) {
        return api.post(
                        "/api/v1/subscriptions",
                        reporter,
                        Map.of(
                                "case_id",
                                caseId,
                                "events",
                                List.of("filing.created"),
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
                        Map.of("filed_on", "2025-03-04", "kind", "motion", "title", title))
                .expect(201);
    }

    private static JsonNode get(String sub) {
        return api.get("/api/v1/subscriptions/" + sub, reporter).expect(200).json();
    }

    private static JsonNode deliveries(String sub) {
        return api.get("/api/v1/subscriptions/" + sub + "/deliveries", reporter)
                .expect(200)
                .json()
                .get("data");
    }

    private static JsonNode awaitStatus(String sub, String status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode s = null;
        while (System.nanoTime() < deadline) {
            s = get(sub);
            if (s.get("status").asText().equals(status)) {
                return s;
            }
            sleep(200);
        }
        throw new AssertionError("subscription " + sub + " did not become " + status + ": " + s);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
