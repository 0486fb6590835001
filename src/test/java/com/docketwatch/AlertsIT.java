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
import com.standardwebhooks.Webhook;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpHeaders;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Subscriptions and webhook alerts end to end: real service, real PostgreSQL, a real HTTP receiver. */
@DocketWatchIT
class AlertsIT {
    static final Receiver RECEIVER = new Receiver();
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create(
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("alerts.retryInitialDelay", "PT1S"),
            ConfigOverride.config("alerts.pollInterval", "PT0.1S"));
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
        RECEIVER.close();
    }

    @Test
    void filingOnSubscribedCaseArrivesSignedPerStandardWebhooks() throws Exception {
        String caseId = api.newCase(editor, court);
        JsonNode sub = subscribe(Map.of(
                "case_id",
                caseId,
                "events",
                List.of("filing.created"),
                "channel",
                Map.of("type", "webhook", "url", RECEIVER.url("/signed"))));
        String secret = sub.get("secret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(api.get("/api/v1/subscriptions/" + sub.get("id").asText(), reporter)
                        .json()
                        .has("secret"))
                .isFalse();

        JsonNode filing = api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of(
                                "filed_on",
                                "2025-03-04",
                                "kind",
                                "order",
                                "title",
                                "Order denying motion for preliminary injunction"))
                .expect(201)
                .json();
        Receiver.Hit hit =
                RECEIVER.await(h -> h.path().equals("/signed"), 1, WAIT).get(0);

        Map<String, List<String>> headers = new HashMap<>();
        hit.headers().forEach((k, v) -> headers.put(k, List.of(v)));
        new Webhook(secret)
                .verify(hit.body(), HttpHeaders.of(headers, (a, b) -> true)); // throws if the signature is wrong

        JsonNode body = Api.JSON.readTree(hit.body());
        assertThat(hit.id()).isEqualTo(body.get("id").asText());
        assertThat(body.get("type").asText()).isEqualTo("filing.created");
        assertThat(body.get("case").get("id").asText()).isEqualTo(caseId);
        assertThat(body.get("case").get("court").asText()).isEqualTo(court);
        assertThat(body.get("case").get("caption").asText()).isEqualTo("Doe v. Roe");
        assertThat(body.get("data").get("id").asText())
                .isEqualTo(filing.get("id").asText());
        assertThat(body.get("data").get("title").asText()).isEqualTo("Order denying motion for preliminary injunction");
        assertThat(body.hasNonNull("occurred_at")).isTrue();
    }

    @Test
    void receiverFailingTwiceGetsTheEventOnTheThirdAttemptWithTheSameId() {
        String caseId = api.newCase(editor, court);
        JsonNode sub = subscribe(Map.of(
                "case_id",
                caseId,
                "events",
                List.of("case.status_changed"),
                "channel",
                Map.of("type", "webhook", "url", RECEIVER.url("/flaky"))));
        RECEIVER.answer(500, 500);
        api.post(
                        "/api/v1/cases/" + caseId + "/status-changes",
                        editor,
                        Map.of("status", "stayed", "effective_on", "2025-01-02"))
                .expect(201);
        List<Receiver.Hit> hits = RECEIVER.await(h -> h.path().equals("/flaky"), 3, WAIT);
        assertThat(hits).extracting(Receiver.Hit::id).containsOnly(hits.get(0).id());

        JsonNode log = awaitDelivery(sub.get("id").asText(), "delivered");
        assertThat(log.get("attempts").asInt()).isEqualTo(3);
        assertThat(log.get("event_type").asText()).isEqualTo("case.status_changed");
        assertThat(log.get("delivered_at").isNull()).isFalse();
        assertThat(log.get("next_attempt_at").isNull()).isTrue();
        assertThat(RECEIVER.hits(h -> h.path().equals("/flaky"))).hasSize(3);
    }

    @Test
    void courtPartyAndQuerySubscriptionsMatchOnlyTheirCases() {
        String otherCourt = api.court(editor);
        String caseId = api.newCase(editor, court);
        String elsewhere = api.newCase(editor, otherCourt);
        api.post(
                        "/api/v1/cases/" + caseId + "/parties",
                        editor,
                        Map.of("name", "OpenAI OpCo, LLC", "role", "defendant"))
                .expect(201);
        subscribe(Map.of("court", court, "events", List.of("filing.created"), "channel", webhook("/court")));
        subscribe(Map.of("party", "openai opco", "events", List.of("filing.created"), "channel", webhook("/party")));
        subscribe(Map.of(
                "query",
                "\"preliminary injunction\" -stipulation",
                "events",
                List.of("filing.created"),
                "channel",
                webhook("/query")));
        subscribe(Map.of(
                "court",
                court,
                "events",
                List.of("filing.created"),
                "filing_kinds",
                List.of("judgment"),
                "channel",
                webhook("/judgments")));

        filing(caseId, "motion", "Motion for preliminary injunction");
        filing(elsewhere, "motion", "Motion for a preliminary injunction against Doe");
        filing(elsewhere, "stipulation", "Stipulation on preliminary injunction briefing");
        filing(caseId, "judgment", "Judgment");

        RECEIVER.await(h -> h.path().equals("/court"), 2, WAIT);
        RECEIVER.await(h -> h.path().equals("/party"), 2, WAIT);
        RECEIVER.await(h -> h.path().equals("/query"), 2, WAIT);
        RECEIVER.await(h -> h.path().equals("/judgments"), 1, WAIT);
        api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of("filed_on", "2025-01-01", "kind", "notice", "title", "Marker"))
                .expect(201);
        RECEIVER.await(h -> h.path().equals("/court") && h.body().contains("Marker"), 1, WAIT);
        assertThat(RECEIVER.hits(h -> h.path().equals("/court")))
                .hasSize(3)
                .allSatisfy(h -> assertThat(h.body()).contains("\"court\":\"" + court + "\""));
        assertThat(RECEIVER.hits(h -> h.path().equals("/party"))).hasSize(3);
        assertThat(RECEIVER.hits(h -> h.path().equals("/query")))
                .hasSize(2)
                .noneSatisfy(h -> assertThat(h.body()).contains("Stipulation"));
        assertThat(RECEIVER.hits(h -> h.path().equals("/judgments"))).hasSize(1);
    }

    @Test
    void pausedAndDeletedSubscriptionsReceiveNothing() {
        String caseId = api.newCase(editor, court);
        String paused = subscribe(
                        Map.of("case_id", caseId, "events", List.of("filing.created"), "channel", webhook("/paused")))
                .get("id")
                .asText();
        String deleted = subscribe(
                        Map.of("case_id", caseId, "events", List.of("filing.created"), "channel", webhook("/deleted")))
                .get("id")
                .asText();
        subscribe(Map.of("case_id", caseId, "events", List.of("filing.created"), "channel", webhook("/live")));
        assertThat(api.patch("/api/v1/subscriptions/" + paused, reporter, Map.of("paused", true))
                        .expect(200)
                        .json()
                        .get("paused")
                        .asBoolean())
                .isTrue();
        api.delete("/api/v1/subscriptions/" + deleted, reporter).expect(204);
        api.get("/api/v1/subscriptions/" + deleted, reporter).problem(404);

        filing(caseId, "order", "Scheduling order");
        RECEIVER.await(h -> h.path().equals("/live"), 1, WAIT);
        assertThat(RECEIVER.hits(h -> h.path().equals("/paused") || h.path().equals("/deleted")))
                .isEmpty();

        api.patch("/api/v1/subscriptions/" + paused, reporter, Map.of("paused", false))
                .expect(200);
        filing(caseId, "order", "Second order");
        RECEIVER.await(h -> h.path().equals("/paused"), 1, WAIT);
    }

    @Test
    void anotherKeysSubscriptionIs404AndListsShowOnlyOwn() {
        String caseId = api.newCase(editor, court);
        String mine = subscribe(
                        Map.of("case_id", caseId, "events", List.of("filing.created"), "channel", webhook("/own")))
                .get("id")
                .asText();
        String other = api.key("reporter");
        api.get("/api/v1/subscriptions/" + mine, other).problem(404);
        api.patch("/api/v1/subscriptions/" + mine, other, Map.of("paused", true))
                .problem(404);
        api.delete("/api/v1/subscriptions/" + mine, other).problem(404);
        api.get("/api/v1/subscriptions/" + mine + "/deliveries", other).problem(404);
        api.post("/api/v1/subscriptions/" + mine + "/test", other, null).problem(404);
        api.get("/api/v1/subscriptions/" + mine, TestApp.ADMIN_KEY).problem(404);
        assertThat(api.get("/api/v1/subscriptions", other).json().get("data")).isEmpty();
        assertThat(api.get("/api/v1/subscriptions?limit=500", reporter)
                        .json()
                        .get("data")
                        .findValuesAsText("id"))
                .contains(mine);
    }

    @Test
    void testPingReachesTheReceiverSigned() {
        String caseId = api.newCase(editor, court);
        String id = subscribe(
                        Map.of("case_id", caseId, "events", List.of("filing.created"), "channel", webhook("/ping")))
                .get("id")
                .asText();
        JsonNode ping = api.post("/api/v1/subscriptions/" + id + "/test", reporter, null)
                .expect(200)
                .json();
        assertThat(ping.get("delivered").asBoolean()).isTrue();
        assertThat(ping.get("status_code").asInt()).isEqualTo(204);
        Receiver.Hit hit =
                RECEIVER.await(h -> h.path().equals("/ping"), 1, WAIT).get(0);
        assertThat(hit.id()).startsWith("ping_");
        assertThat(hit.headers().get("webhook-signature")).startsWith("v1,");
    }

    @Test
    void rejectedSubscriptionsAre422AndCreateNothing() throws Exception {
        String caseId = api.newCase(editor, court);
        long before = count("subscriptions");
        List<Map<String, Object>> bad = List.of(
                Map.of(
                        "case_id",
                        caseId,
                        "court",
                        court,
                        "events",
                        List.of("filing.created"),
                        "channel",
                        webhook("/x")),
                Map.of("events", List.of("filing.created"), "channel", webhook("/x")),
                Map.of("case_id", caseId, "events", List.of("filing.deleted"), "channel", webhook("/x")),
                Map.of("case_id", caseId, "events", List.of(), "channel", webhook("/x")),
                Map.of(
                        "case_id",
                        caseId,
                        "events",
                        List.of("hearing.reminder"),
                        "reminder_lead_times",
                        List.of("seven days"),
                        "channel",
                        webhook("/x")),
                Map.of(
                        "case_id",
                        caseId,
                        "events",
                        List.of("hearing.reminder"),
                        "reminder_lead_times",
                        List.of("-P1D"),
                        "channel",
                        webhook("/x")),
                Map.of(
                        "case_id",
                        caseId,
                        "events",
                        List.of("hearing.reminder"),
                        "reminder_lead_times",
                        List.of("P1DT9223372036854775807S"),
                        "channel",
                        webhook("/x")),
                Map.of(
                        "case_id",
                        caseId,
                        "events",
                        List.of("hearing.reminder"),
                        "reminder_lead_times",
                        java.util.stream.IntStream.rangeClosed(1, 11)
                                .mapToObj(h -> "PT" + h + "H")
                                .toList(),
                        "channel",
                        webhook("/x")),
                Map.of("case_id", "999999", "events", List.of("filing.created"), "channel", webhook("/x")),
                Map.of("court", "nosuchcourt", "events", List.of("filing.created"), "channel", webhook("/x")),
                Map.of(
                        "case_id",
                        caseId,
                        "events",
                        List.of("filing.created"),
                        "channel",
                        Map.of("type", "sms", "url", "x")),
                Map.of(
                        "case_id",
                        caseId,
                        "events",
                        List.of("filing.created"),
                        "channel",
                        Map.of("type", "email", "address", "a@b.org")),
                Map.of(
                        "case_id",
                        caseId,
                        "events",
                        List.of("filing.created"),
                        "filing_kinds",
                        List.of("memo"),
                        "channel",
                        webhook("/x")),
                Map.of("party", "openai\u0001opco", "events", List.of("filing.created"), "channel", webhook("/x")),
                hook(caseId, "http://example.com/hook"),
                hook(caseId, "ftp://example.com/hook"),
                hook(caseId, "https://127.0.0.1/hook"),
                hook(caseId, "https://10.1.2.3/hook"),
                hook(caseId, "https://169.254.169.254/latest/meta-data"),
                hook(caseId, "https://[::1]/hook"),
                hook(caseId, "https://[fd00::1]/hook"),
                hook(caseId, "https://[::ffff:192.168.1.1]/hook"),
                hook(caseId, "https://0.0.0.0/hook"),
                hook(caseId, "https://224.0.0.1/hook"),
                hook(caseId, "https://user:pw@example.com/hook"),
                hook(caseId, "not a url"));
        for (Map<String, Object> body : bad) {
            api.post("/api/v1/subscriptions", reporter, body).problem(422);
        }
        assertThat(count("subscriptions")).isEqualTo(before);
        subscribe(Map.of(
                "case_id",
                caseId,
                "events",
                List.of("filing.created"),
                "channel",
                Map.of("type", "webhook", "url", "https://example.com/hook")));
        assertThat(count("subscriptions")).isEqualTo(before + 1);
    }

    @Test
    void eachWriteIsMatchedInItsOwnTransactionWithoutQueryPerSubscriber() throws Exception {
        String caseId = api.newCase(editor, court);
        for (int i = 0; i < 25; i++) {
            subscribe(Map.of("case_id", caseId, "events", List.of("claim.updated"), "channel", webhook("/fan")));
        }
        String claim = api.post("/api/v1/cases/" + caseId + "/claims", editor, Map.of("title", "Fraud"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.patch("/api/v1/cases/" + caseId + "/claims/" + claim, editor, Map.of("status", "survived"))
                .expect(200);
        assertThat(RECEIVER.await(h -> h.path().equals("/fan"), 25, WAIT))
                .extracting(Receiver.Hit::id)
                .containsOnly(RECEIVER.hits(h -> h.path().equals("/fan")).get(0).id());
        try (Connection c = DriverManager.getConnection(
                        APP.getConfiguration().getDatabase().getUrl());
                ResultSet rs = c.createStatement()
                        .executeQuery("select count(*) from deliveries d join events e on e.id = d.event_id "
                                + "where e.case_id = " + caseId + " and e.type = 'claim.updated'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(25);
        }
    }

    private static Map<String, Object> webhook(String path) {
        return Map.of("type", "webhook", "url", RECEIVER.url(path));
    }

    private static Map<String, Object> hook(String caseId, String url) {
        return Map.of(
                "case_id",
                caseId,
                "events",
                List.of("filing.created"),
                "channel",
                Map.of("type", "webhook", "url", url));
    }

    private static JsonNode subscribe(Map<String, Object> body) {
        return api.post("/api/v1/subscriptions", reporter, body).expect(201).json();
    }

    private static void filing(String caseId, String kind, String title) {
        api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of("filed_on", "2025-02-01", "kind", kind, "title", title))
                .expect(201);
    }

    private static JsonNode awaitDelivery(String subscription, String status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = api.get("/api/v1/subscriptions/" + subscription + "/deliveries", reporter)
                    .expect(200)
                    .json()
                    .get("data")
                    .get(0);
            if (last != null && last.get("status").asText().equals(status)) {
                return last;
            }
            sleep(100);
        }
        throw new AssertionError("Delivery never became " + status + ": " + last);
    }

    private static long count(String table) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        APP.getConfiguration().getDatabase().getUrl());
                ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
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
