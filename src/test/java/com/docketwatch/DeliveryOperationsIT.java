package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.Db;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Operating deliveries through HTTP with a real receiver: the attempt log (status, error, duration and
 * the start of the answer), re-sending one delivery with its webhook-id and a fresh valid signature,
 * replaying a subscription's deliveries in order, each idempotent under Idempotency-Key, owner-only and
 * bounded.
 */
@DocketWatchIT
class DeliveryOperationsIT {
    static final Receiver RECEIVER = new Receiver();
    static final int MAX_REPLAY = 6;
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create(
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("alerts.retryInitialDelay", "PT1S"),
            ConfigOverride.config("alerts.pollInterval", "PT0.1S"),
            ConfigOverride.config("alerts.maxReplayEvents", Integer.toString(MAX_REPLAY)));
    static final Duration WAIT = Duration.ofSeconds(20);

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
        RECEIVER.close();
    }

    @Test
    void everyAttemptIsLoggedWithWhatTheReceiverAnswered() {
        String caseId = api.newCase(editor, court);
        String sub = subscribe(caseId, "/log").get("id").asText();
        // First a 500 whose body has a NUL, an escape sequence and a CRLF; then a 2xx with more than a KiB.
        RECEIVER.answer(500, "database is down\u0000\u001b[31m\r\nretry later");
        RECEIVER.answer(200, "é".repeat(600));
        file(caseId, "Order denying motion for preliminary injunction");
        RECEIVER.await(h -> h.path().equals("/log"), 2, WAIT);
        JsonNode delivery = awaitStatus(sub, "delivered");

        JsonNode detail = api.get(
                        "/api/v1/subscriptions/" + sub + "/deliveries/"
                                + delivery.get("id").asText(),
                        reporter)
                .expect(200)
                .json();
        assertThat(detail.get("event_id").asText())
                .isEqualTo(delivery.get("event_id").asText());
        assertThat(detail.get("attempts").asInt()).isEqualTo(2);
        JsonNode log = detail.get("attempt_log");
        assertThat(log).hasSize(2);
        JsonNode failed = log.get(0);
        assertThat(failed.get("status_code").asInt()).isEqualTo(500);
        assertThat(failed.get("error").asText()).isEqualTo("HTTP 500");
        assertThat(failed.get("duration_ms").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(Instant.parse(failed.get("at").asText()))
                .isBefore(Instant.parse(log.get(1).get("at").asText()));
        assertThat(failed.get("response_excerpt").asText())
                .as("control characters cleaned, the line break kept")
                .isEqualTo("database is down  [31m\nretry later");
        JsonNode ok = log.get(1);
        assertThat(ok.get("status_code").asInt()).isEqualTo(200);
        assertThat(ok.get("error").isNull()).isTrue();
        assertThat(ok.get("response_excerpt").asText())
                .as("the first KiB: 512 two-byte characters")
                .isEqualTo("é".repeat(512));

        // Not the caller's subscription, or not its delivery: 404.
        api.get(
                        "/api/v1/subscriptions/" + sub + "/deliveries/"
                                + delivery.get("id").asText(),
                        editor)
                .problem(404);
        api.get("/api/v1/subscriptions/" + sub + "/deliveries/999999999", reporter)
                .problem(404);
    }

    @Test
    void aResendGoesOutAgainNowWithTheSameWebhookIdAndAValidSignature() throws Exception {
        String caseId = api.newCase(editor, court);
        JsonNode created = subscribe(caseId, "/resend");
        String sub = created.get("id").asText();
        file(caseId, "Notice of appearance");
        Receiver.Hit first =
                RECEIVER.await(h -> h.path().equals("/resend"), 1, WAIT).get(0);
        JsonNode delivery = awaitStatus(sub, "delivered");
        String retry = "/api/v1/subscriptions/" + sub + "/deliveries/"
                + delivery.get("id").asText() + "/retry";

        Api.Resp accepted = api.send("POST", retry, reporter, null, null, "Idempotency-Key", "resend-1");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().get("id").asText())
                .isEqualTo(delivery.get("id").asText());
        assertThat(accepted.json().get("status").asText()).isIn("pending", "delivered");
        List<Receiver.Hit> hits = RECEIVER.await(h -> h.path().equals("/resend"), 2, WAIT);
        Receiver.Hit again = hits.get(1);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.body()).isEqualTo(first.body());
        Map<String, List<String>> headers = new HashMap<>();
        again.headers().forEach((k, v) -> headers.put(k, List.of(v)));
        new Webhook(created.get("secret").asText())
                .verify(again.body(), HttpHeaders.of(headers, (a, b) -> true)); // throws if the signature is wrong

        // The same Idempotency-Key: the first answer again, nothing sent.
        Api.Resp replayed = api.send("POST", retry, reporter, null, null, "Idempotency-Key", "resend-1");
        assertThat(replayed.status()).isEqualTo(202);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        JsonNode after = awaitAttempts(sub, delivery.get("id").asText(), 2);
        assertThat(after.get("status").asText()).isEqualTo("delivered");
        sleep(1500);
        assertThat(RECEIVER.hits(h -> h.path().equals("/resend"))).hasSize(2);

        // Whatever the status: a failed delivery is sent again too, and its retries start afresh.
        db.update(
                "update deliveries set status = 'failed', last_error = 'HTTP 500' where id = ?",
                Long.parseLong(delivery.get("id").asText()));
        api.post(retry, reporter, null).expect(202);
        RECEIVER.await(h -> h.path().equals("/resend"), 3, WAIT);
        assertThat(awaitAttempts(sub, delivery.get("id").asText(), 3)
                        .get("status")
                        .asText())
                .isEqualTo("delivered");

        // Another key's subscription, a delivery of another subscription: 404; a paused one: 409.
        api.post(retry, editor, null).problem(404);
        String other = subscribe(caseId, "/resend-other").get("id").asText();
        api.post(
                        "/api/v1/subscriptions/" + other + "/deliveries/"
                                + delivery.get("id").asText() + "/retry",
                        reporter,
                        null)
                .problem(404);
        api.patch("/api/v1/subscriptions/" + sub, reporter, Map.of("paused", true))
                .expect(200);
        assertThat(api.post(retry, reporter, null).problem(409).get("detail").asText())
                .contains("paused");
    }

    @Test
    void aReplaySendsEveryEventSinceThenAgainInOrderWithTheirWebhookIds() {
        String caseId = api.newCase(editor, court);
        String sub = subscribe(caseId, "/replay").get("id").asText();
        for (int i = 1; i <= 2; i++) {
            file(caseId, "Early notice " + i);
        }
        RECEIVER.await(h -> h.path().equals("/replay"), 2, WAIT);
        sleep(50);
        Instant since = Instant.now();
        sleep(50);
        for (int i = 1; i <= MAX_REPLAY; i++) {
            file(caseId, "Notice " + i);
        }
        List<Receiver.Hit> original = RECEIVER.await(h -> h.path().equals("/replay"), 2 + MAX_REPLAY, WAIT);
        List<String> expected = eventIdsSince(caseId, since);
        assertThat(expected).hasSize(MAX_REPLAY);
        for (int i = 0; i < 50 && !allDelivered(sub); i++) {
            sleep(100);
        }

        String replay = "/api/v1/subscriptions/" + sub + "/replay";
        Map<String, Object> body = Map.of("since", since.toString());
        Api.Resp accepted = api.send("POST", replay, reporter, body, "application/json", "Idempotency-Key", "replay-1");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().get("events").asInt()).isEqualTo(MAX_REPLAY);

        List<Receiver.Hit> all = RECEIVER.await(h -> h.path().equals("/replay"), 2 + 2 * MAX_REPLAY, WAIT);
        List<String> replayed = all.subList(original.size(), all.size()).stream()
                .map(Receiver.Hit::id)
                .toList();
        assertThat(replayed).as("the same webhook-ids, in event order").containsExactlyElementsOf(expected);

        // Idempotent: the same key sends nothing more.
        Api.Resp again = api.send("POST", replay, reporter, body, "application/json", "Idempotency-Key", "replay-1");
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("events").asInt()).isEqualTo(MAX_REPLAY);
        sleep(1500);
        assertThat(RECEIVER.hits(h -> h.path().equals("/replay"))).hasSize(2 + 2 * MAX_REPLAY);

        // Bounded: one event more than a replay may send is 422, saying so, and nothing is sent.
        Map<String, Long> before = db.snapshot();
        JsonNode tooMany = api.post(replay, reporter, Map.of("since", "2000-01-01T00:00:00Z"))
                .problem(422);
        assertThat(tooMany.toString()).contains("since").contains("more than " + MAX_REPLAY + " events");
        assertThat(db.snapshot()).isEqualTo(before);
        api.post(
                        replay,
                        reporter,
                        Map.of("since", Instant.now().plusSeconds(3600).toString()))
                .problem(422);
        api.post(replay, reporter, Map.of()).problem(422);
        api.post(replay, editor, body).problem(404);
        sleep(1000);
        assertThat(RECEIVER.hits(h -> h.path().equals("/replay"))).hasSize(2 + 2 * MAX_REPLAY);
    }

    // ---------------------------------------------------------------------------------------------

    private static JsonNode subscribe(String caseId, String path) {
        return api.post(
                        "/api/v1/subscriptions",
                        reporter,
                        Map.of(
                                "case_id",
                                caseId,
                                "events",
                                List.of("filing.created"),
                                "channel",
                                Map.of("type", "webhook", "url", RECEIVER.url(path))))
                .expect(201)
                .json();
    }

    private static void file(String caseId, String title) {
        api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of("filed_on", "2025-03-04", "kind", "notice", "title", title))
                .expect(201);
    }

    private static JsonNode awaitStatus(String sub, String status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode log = api.get("/api/v1/subscriptions/" + sub + "/deliveries", reporter)
                    .expect(200)
                    .json()
                    .get("data");
            if (!log.isEmpty() && log.get(0).get("status").asText().equals(status)) {
                return log.get(0);
            }
            sleep(100);
        }
        throw new AssertionError("no delivery of subscription " + sub + " became " + status);
    }

    private static JsonNode awaitAttempts(String sub, String delivery, int attempts) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode d = null;
        while (System.nanoTime() < deadline) {
            d = api.get("/api/v1/subscriptions/" + sub + "/deliveries/" + delivery, reporter)
                    .expect(200)
                    .json();
            if (d.get("attempt_log").size() >= attempts
                    && d.get("status").asText().equals("delivered")) {
                return d;
            }
            sleep(100);
        }
        throw new AssertionError("delivery " + delivery + " did not reach " + attempts + " attempts: " + d);
    }

    private static boolean allDelivered(String sub) {
        JsonNode log = api.get("/api/v1/subscriptions/" + sub + "/deliveries?limit=500", reporter)
                .expect(200)
                .json()
                .get("data");
        return log.findValuesAsText("status").stream().allMatch("delivered"::equals);
    }

    /** The case's filing.created events since {@code since}, in change-feed order. */
    private static List<String> eventIdsSince(String caseId, Instant since) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> row : db.rows(
                "select id from events where case_id = ? and type = 'filing.created' and occurred_at >= ?"
                        + " order by txid, id",
                Long.parseLong(caseId),
                java.sql.Timestamp.from(since))) {
            out.add(row.get("id").toString());
        }
        return out;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
