package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.Db;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.RssServer;
import com.docketwatch.support.Scrape;
import com.docketwatch.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus endpoint on the admin port, scraped as Prometheus would: after a filing with
 * subscribers whose receiver fails, a reminder left due (the sweep runs only hourly here) and a court
 * feed that cannot be read, the domain figures say so; Dropwizard's, the JVM's and the per-route
 * metrics are there too.
 */
@DocketWatchIT
class MetricsIT {
    static final Receiver RECEIVER = new Receiver();
    static final RssServer FEEDS = new RssServer();
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create(
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("alerts.retryInitialDelay", "PT1H"),
            ConfigOverride.config("alerts.pollInterval", "PT0.1S"),
            ConfigOverride.config("reminders.sweepInterval", "PT1H"),
            ConfigOverride.config("courtFeeds.pollInterval", "PT1S"),
            ConfigOverride.config("courtFeeds.allowHosts", "localhost"));
    static final Duration WAIT = Duration.ofSeconds(30);

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
        FEEDS.close();
    }

    static String admin() {
        return "http://localhost:" + APP.getAdminPort();
    }

    @Test
    void domainFiguresAfterAFilingWithSubscribersADueReminderAndABrokenFeed() {
        String caseId = api.newCase(editor, court);
        RECEIVER.answer(503, 503);
        for (String path : List.of("/a", "/b")) {
            subscribe(Map.of(
                    "case_id",
                    caseId,
                    "events",
                    List.of("filing.created"),
                    "channel",
                    Map.of("type", "webhook", "url", RECEIVER.url(path))));
        }
        api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of("filed_on", "2026-03-02", "kind", "order", "title", "Order setting trial"))
                .expect(201);
        RECEIVER.await(h -> true, 2, WAIT);
        // A reminder one hour before a hearing an hour and four seconds away: due in four seconds, and
        // nothing sweeps it (hourly sweep here), as if every instance's scheduler were stuck.
        subscribe(Map.of(
                "case_id",
                caseId,
                "events",
                List.of("hearing.reminder"),
                "reminder_lead_times",
                List.of("PT1H"),
                "channel",
                Map.of("type", "webhook", "url", RECEIVER.url("/reminders"))));
        api.post(
                        "/api/v1/cases/" + caseId + "/hearings",
                        editor,
                        Map.of(
                                "kind",
                                "hearing",
                                "scheduled_at",
                                Instant.now()
                                        .plus(Duration.ofHours(1))
                                        .plusSeconds(4)
                                        .toString()))
                .expect(201);
        api.post("/api/v1/courts/" + court + "/feeds", editor, Map.of("url", FEEDS.url("/missing.xml")))
                .expect(201);

        Scrape failing = Scrape.until(
                admin(),
                s -> s.value("docketwatch_outbox_deliveries{status=\"retrying\"}") == 2
                        && s.value("docketwatch_reminders_due_unsent") == 1
                        && s.value("docketwatch_court_feeds{state=\"failing\"}") == 1,
                WAIT);
        assertThat(failing.value("docketwatch_domain_metrics_up")).isEqualTo(1);
        assertThat(failing.value("docketwatch_outbox_deliveries{status=\"pending\"}"))
                .isZero();
        assertThat(failing.value("docketwatch_outbox_due_deliveries")).isZero();
        assertThat(failing.value("docketwatch_reminders_oldest_due_seconds")).isBetween(0.0, 60.0);
        assertThat(failing.value("docketwatch_court_feeds_max_consecutive_failures"))
                .isGreaterThanOrEqualTo(1);
        assertThat(failing.value("alerts_retried_total")).isEqualTo(2);
        assertThat(failing.value("alerts_delivered_total")).isZero();
        assertThat(failing.value("docketwatch_http_requests_seconds_count{method=\"POST\",route=\""
                        + "/api/v1/cases/{id}/filings\",status=\"201\"}"))
                .isEqualTo(1);
        assertThat(failing.value("docketwatch_job_runs_seconds_count{job=\"feed-poll\",result=\"ok\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(failing.has("docketwatch_quartz_misfires_total{trigger=\"reminder-sweep\"}"))
                .isTrue();
        assertThat(failing.value("docketwatch_quartz_overdue_triggers")).isZero();
        assertThat(failing.value("io_dropwizard_db_ManagedPooledDataSource_postgresql_size"))
                .isGreaterThan(0);
        assertThat(failing.value("jvm_memory_used_bytes{area=\"heap\"}")).isGreaterThan(0);
        assertThat(failing.has("io_dropwizard_jetty_MutableServletContextHandler_requests_count"))
                .isTrue();

        // The feed keeps failing (its back-off doubles from a second): the polls are counted as errors.
        Scrape polled =
                Scrape.until(admin(), s -> s.value("docketwatch_court_feed_polls_total{result=\"error\"}") >= 1, WAIT);
        assertThat(polled.value("docketwatch_court_feed_polls_total{result=\"ok\"}"))
                .isZero();

        // An instance that claimed a retrying delivery and died: it is due 30 s ago and leased for an
        // hour. The backlog's age shows it.
        Db.of(APP)
                .update("update deliveries set next_attempt_at = now() - interval '30 seconds',"
                        + " lease_until = now() + interval '1 hour'"
                        + " where id = (select min(id) from deliveries where status = 'retrying')");
        Scrape stuck = Scrape.until(admin(), s -> s.value("docketwatch_outbox_due_deliveries") == 1, WAIT);
        assertThat(stuck.value("docketwatch_outbox_oldest_due_seconds")).isBetween(29.0, 120.0);
    }

    @Test
    void longPollsWaitingAreCounted() throws Exception {
        String caseId = api.newCase(editor, court);
        String after =
                api.get("/api/v1/events?after=0&limit=500", reporter).expect(200).json().findValuesAsText("id").stream()
                                .mapToLong(Long::parseLong)
                                .max()
                                .orElse(0)
                        + "";
        CompletableFuture<Api.Resp> poll =
                CompletableFuture.supplyAsync(() -> api.get("/api/v1/events?after=" + after + "&wait=PT20S", reporter));
        Scrape waiting = Scrape.until(admin(), s -> s.value("docketwatch_change_feed_waiters") == 1, WAIT);
        assertThat(waiting.value("docketwatch_change_feed_waiters")).isEqualTo(1);
        api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of("filed_on", "2026-03-03", "kind", "notice", "title", "Notice of appearance"))
                .expect(201);
        assertThat(poll.get().expect(200).json().get("data")).isNotEmpty();
        Scrape done = Scrape.until(admin(), s -> s.value("docketwatch_change_feed_waiters") == 0, WAIT);
        assertThat(done.value("docketwatch_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/events\","
                        + "status=\"200\"}"))
                .isGreaterThanOrEqualTo(2);
    }

    private static void subscribe(Map<String, Object> body) {
        api.post("/api/v1/subscriptions", reporter, body).expect(201);
    }
}
