package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.docketwatch.support.Api;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.ServiceProcess;
import com.docketwatch.support.TestApp;
import com.docketwatch.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two service instances on one PostgreSQL (this JVM's and the shaded jar in its own process, each with
 * its delivery workers and its member of the Quartz cluster): each (event, subscription) pair and each
 * (subscription, hearing, lead time) reminder is delivered once.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TwoInstancesIT {
    static final String DB = TestDatabases.fresh();
    static final Receiver RECEIVER = new Receiver();
    static final DropwizardAppExtension<DocketWatchConfiguration> ONE = TestApp.create(
            DB,
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("alerts.pollInterval", "PT0.05S"),
            ConfigOverride.config("alerts.batchSize", "7"),
            // Few connections, and a small share per receiver: sends queue for a connection, and claims
            // wait for a quarter of the share to be recorded.
            ConfigOverride.config("alerts.maxPerReceiver", "12"),
            ConfigOverride.config("alerts.connectionsPerReceiver", "3"));

    @TempDir
    static Path tmp;

    static ServiceProcess two;

    @BeforeAll
    static void startSecondInstance() {
        assumeTrue(ServiceProcess.jar() != null, "target/docketwatch.jar not built: run through `mvn verify`");
        two = ServiceProcess.start(
                "server",
                tmp.resolve("data"),
                Map.of(
                        "DOCKETWATCH_DATABASE_URL",
                        DB,
                        "DOCKETWATCH_SECRET_KEY",
                        TestApp.SECRET_KEY,
                        "DOCKETWATCH_WEBHOOK_ALLOW_HOSTS",
                        "localhost"));
    }

    @AfterAll
    static void tearDown() throws InterruptedException {
        if (two != null) {
            two.close();
        }
        RECEIVER.close();
    }

    @Test
    void eachEventReachesEachSubscriberExactlyOnce() {
        Api one = TestApp.api(ONE);
        Api other = two.api();
        String editor = one.key("editor");
        String reporter = other.key("reporter");
        String court = one.court(editor);
        String caseId = one.newCase(editor, court);
        for (String path : List.of("/a", "/b", "/c")) {
            other.post(
                            "/api/v1/subscriptions",
                            reporter,
                            Map.of(
                                    "case_id",
                                    caseId,
                                    "events",
                                    List.of("filing.created"),
                                    "channel",
                                    Map.of("type", "webhook", "url", RECEIVER.url(path))))
                    .expect(201);
        }
        int filings = 60;
        for (int i = 1; i <= filings; i++) {
            Api via = i % 2 == 0 ? one : other;
            via.post(
                            "/api/v1/cases/" + caseId + "/filings",
                            editor,
                            Map.of(
                                    "entry_number",
                                    i,
                                    "filed_on",
                                    "2025-01-01",
                                    "kind",
                                    "notice",
                                    "title",
                                    "Notice " + i))
                    .expect(201);
        }
        RECEIVER.await(h -> h.path().length() == 2, filings * 3, Duration.ofSeconds(60));
        sleep(1000); // a duplicate, if any, would arrive now
        assertOncePerPair(h -> h.path().length() == 2, filings * 3);
    }

    /**
     * A fan-out: every filing to 200 subscribers on one receiver, claimed by both instances, each settling
     * the outcomes of many claims in one statement.
     */
    @Test
    void eachEventReachesEachOfManySubscribersExactlyOnce() {
        Api one = TestApp.api(ONE);
        Api other = two.api();
        String editor = one.key("editor");
        String reporter = other.key("reporter");
        String court = one.court(editor);
        String caseId = one.newCase(editor, court);
        int subscribers = 200;
        for (int i = 0; i < subscribers; i++) {
            (i % 2 == 0 ? one : other)
                    .post(
                            "/api/v1/subscriptions",
                            reporter,
                            Map.of(
                                    "case_id",
                                    caseId,
                                    "events",
                                    List.of("filing.created"),
                                    "channel",
                                    Map.of("type", "webhook", "url", RECEIVER.url("/many-" + i))))
                    .expect(201);
        }
        int filings = 6;
        for (int i = 1; i <= filings; i++) {
            (i % 2 == 0 ? one : other)
                    .post(
                            "/api/v1/cases/" + caseId + "/filings",
                            editor,
                            Map.of(
                                    "entry_number",
                                    i,
                                    "filed_on",
                                    "2025-01-01",
                                    "kind",
                                    "notice",
                                    "title",
                                    "Notice " + i))
                    .expect(201);
        }
        RECEIVER.await(h -> h.path().startsWith("/many-"), filings * subscribers, Duration.ofSeconds(90));
        sleep(1000);
        assertOncePerPair(h -> h.path().startsWith("/many-"), filings * subscribers);
    }

    @Test
    void eachReminderIsSentExactlyOnceByTheCluster() {
        Api one = TestApp.api(ONE);
        Api other = two.api();
        String editor = one.key("editor");
        String reporter = other.key("reporter");
        String court = one.court(editor);
        String caseId = one.newCase(editor, court);
        List<String> subscriptions = new java.util.ArrayList<>();
        for (String path : List.of("/rem-a", "/rem-b")) {
            subscriptions.add(other.post(
                            "/api/v1/subscriptions",
                            reporter,
                            Map.of(
                                    "case_id",
                                    caseId,
                                    "events",
                                    List.of("hearing.reminder"),
                                    "reminder_lead_times",
                                    List.of("PT1M", "PT61S"), // the shortest lead times there are
                                    "channel",
                                    Map.of("type", "webhook", "url", RECEIVER.url(path))))
                    .expect(201)
                    .json()
                    .get("id")
                    .asText());
        }
        Instant at = Instant.now().plusSeconds(90); // reminders 29 and 30 s from now
        int hearings = 40;
        for (int i = 0; i < hearings; i++) {
            (i % 2 == 0 ? one : other)
                    .post(
                            "/api/v1/cases/" + caseId + "/hearings",
                            editor,
                            Map.of("kind", "hearing", "scheduled_at", at.toString()))
                    .expect(201);
        }
        // On a loaded machine the last hearings may be created after their reminders' instants: those
        // reminders are cancelled (a lead time already past sends nothing), so count what was planned.
        int expected = 0;
        for (String sub : subscriptions) {
            JsonNode planned = other.get("/api/v1/subscriptions/" + sub + "/reminders?limit=500", reporter)
                    .expect(200)
                    .json();
            expected += (int) planned.get("data").findValuesAsText("status").stream()
                    .filter(st -> !st.equals("cancelled"))
                    .count();
        }
        assertThat(expected).as("reminders planned ahead of their instants").isGreaterThan(hearings);
        RECEIVER.await(h -> h.path().startsWith("/rem-"), expected, Duration.ofSeconds(60));
        sleep(2000);
        Map<String, Long> perReminder = RECEIVER.hits(h -> h.path().startsWith("/rem-")).stream()
                .collect(Collectors.groupingBy(h -> h.path() + "#" + hearingAndLead(h.body()), Collectors.counting()));
        assertThat(perReminder).hasSize(expected);
        assertThat(perReminder.values()).containsOnly(1L);
    }

    private static String hearingAndLead(String body) {
        try {
            var data = Api.JSON.readTree(body).get("data");
            return data.get("id").asText() + "#" + data.get("lead_time").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertOncePerPair(java.util.function.Predicate<Receiver.Hit> filter, int expected) {
        Map<String, Long> perPair = RECEIVER.hits(filter).stream()
                .collect(Collectors.groupingBy(h -> h.path() + "#" + h.id(), Collectors.counting()));
        assertThat(perPair).hasSize(expected);
        assertThat(perPair.values()).containsOnly(1L);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
