package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.docketwatch.support.Api;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults, end to end: the shaded jar as a real process on its own PostgreSQL 17, which the test stops
 * and starts again; webhook receivers that hang. (Slow and failing SMTP servers are in
 * {@code EmailAlertsIT}; a full disk is out of scope.)
 */
class FaultsIT {
    static final Duration OUTAGE = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    static int pgPort;
    static EmbeddedPostgres pg;
    static ServiceProcess service;
    static Api api;
    static String editor;
    static String court;
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(ServiceProcess.jar() != null, "target/docketwatch.jar not built: run through `mvn verify`");
        pgPort = freePort();
        pg = startPostgres();
        Map<String, String> env = new HashMap<>();
        env.put("DOCKETWATCH_DATABASE_URL", jdbcUrl());
        env.put("DOCKETWATCH_WEBHOOK_ALLOW_HOSTS", "localhost");
        env.put("DOCKETWATCH_RETRY_INITIAL_DELAY", "PT1S");
        env.put("DOCKETWATCH_RATE_LIMIT_PER_MINUTE", "1000000");
        env.put("DOCKETWATCH_RATE_LIMIT_BURST", "1000000");
        service = ServiceProcess.start("server", dir.resolve("data"), env);
        api = service.api();
        editor = api.key("editor");
        court = api.court(editor);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void postgresStoppedForThirtySecondsUnderLoadAnswers503AndRecoversWithoutLosingOrDoublingAnAlert()
            throws Exception {
        try (Receiver receiver = new Receiver()) {
            String reporter = api.key("reporter");
            String caseId = api.newCase(editor, court);
            String sub = subscribe(reporter, caseId, receiver.url("/outage"), List.of("PT1M"));
            // Eight more subscribers: each filing fans out to nine, so every settle records the outcomes of
            // several claims at once; answered after 20 ms, some are under way whenever PostgreSQL stops.
            List<String> paths = new ArrayList<>(List.of("/outage"));
            for (int k = 1; k <= 8; k++) {
                paths.add("/outage-" + k);
                api.post(
                                "/api/v1/subscriptions",
                                reporter,
                                Map.of(
                                        "case_id",
                                        caseId,
                                        "events",
                                        List.of("filing.created"),
                                        "channel",
                                        Map.of("type", "webhook", "url", receiver.url(paths.get(k)))))
                        .expect(201);
            }
            receiver.delay(Duration.ofMillis(20));
            // A hearing whose one-minute reminder falls due during the outage.
            Instant reminderDue = Instant.now().plusSeconds(15);
            api.post(
                            "/api/v1/cases/" + caseId + "/hearings",
                            editor,
                            Map.of(
                                    "kind",
                                    "status_conference",
                                    "scheduled_at",
                                    OffsetDateTime.ofInstant(reminderDue.plusSeconds(60), ZoneOffset.UTC)
                                            .toString()))
                    .expect(201);

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger number = new AtomicInteger();
            ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
            List<Thread> load = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread th = new Thread(() -> {
                    while (running.get()) {
                        int n = number.incrementAndGet();
                        long started = System.nanoTime();
                        Api.Resp r = api.post(
                                "/api/v1/cases/" + caseId + "/filings",
                                editor,
                                Map.of(
                                        "entry_number",
                                        n,
                                        "filed_on",
                                        "2026-01-05",
                                        "kind",
                                        "notice",
                                        "title",
                                        "Notice " + n));
                        answers.add(new Answer(Instant.now(), r, (System.nanoTime() - started) / 1_000_000));
                        sleep(r.status() == 201 ? 20 : 200);
                    }
                });
                th.start();
                load.add(th);
            }
            sleep(5_000);

            Instant down = Instant.now();
            pg.close();
            boolean healthRed = false;
            while (Duration.between(down, Instant.now()).compareTo(OUTAGE) < 0) {
                healthRed |= health() != 200;
                Api.Resp read = api.get("/api/v1/cases/" + caseId, editor);
                assertThat(read.status())
                        .as("a read while PostgreSQL is down: %s", read.body())
                        .isIn(200, 503);
                sleep(1_000);
            }
            assertThat(healthRed)
                    .as("/healthcheck went red while PostgreSQL was down")
                    .isTrue();

            Instant restarting = Instant.now();
            pg = startPostgres();
            Instant up = Instant.now();
            Instant recovered = null;
            while (Duration.between(up, Instant.now()).compareTo(Duration.ofSeconds(30)) < 0) {
                if (health() == 200
                        && api.get("/api/v1/cases/" + caseId, editor).status() == 200) {
                    recovered = Instant.now();
                    break;
                }
                sleep(200);
            }
            assertThat(recovered)
                    .as("recovered within 30 s of PostgreSQL's return")
                    .isNotNull();
            Duration recovery = Duration.between(up, recovered);
            sleep(5_000);
            running.set(false);
            for (Thread th : load) {
                th.join();
            }

            // During the outage: 503 problem+json with Retry-After, never a 500, never a hang.
            List<Answer> during = answers.stream()
                    .filter(a -> a.at().isAfter(down.plusSeconds(2)) && a.at().isBefore(restarting))
                    .toList();
            assertThat(during).as("requests answered during the outage").hasSizeGreaterThan(20);
            for (Answer a : during) {
                assertThat(a.resp().status()).as("%s", a.resp().body()).isEqualTo(503);
                assertThat(a.resp().header("Content-Type")).startsWith("application/problem+json");
                assertThat(a.resp().header("Retry-After")).isNotBlank();
            }
            assertThat(answers).allSatisfy(a -> assertThat(a.resp().status()).isIn(201, 503));
            assertThat(answers.stream().mapToLong(Answer::millis).max().orElse(0))
                    .as("slowest answer (ms)")
                    .isLessThan(15_000);

            // Afterwards: every filing event of the case reached each subscriber exactly once, as did the reminder.
            List<String> events = eventIds(caseId);
            long created =
                    answers.stream().filter(a -> a.resp().status() == 201).count();
            assertThat(events).as("a filing.created event per 201").hasSizeGreaterThanOrEqualTo((int) created);
            receiver.await(h -> h.body().contains("hearing.reminder"), 1, Duration.ofSeconds(60));
            List<String> pairs = paths.stream()
                    .flatMap(path -> events.stream().map(id -> path + "#" + id))
                    .toList();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline
                    && !receiver.hits().stream()
                            .map(h -> h.path() + "#" + h.id())
                            .collect(Collectors.toSet())
                            .containsAll(pairs)) {
                sleep(200);
            }
            sleep(3_000); // time for a duplicate to show
            Map<String, Long> perPair = receiver.hits().stream()
                    .filter(h -> !h.body().contains("\"hearing.reminder\""))
                    .collect(Collectors.groupingBy(h -> h.path() + "#" + h.id(), Collectors.counting()));
            assertThat(perPair.keySet()).containsAll(pairs);
            assertThat(perPair.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
                    .as("(subscriber, webhook-id) pairs delivered more than once")
                    .isEmpty();
            List<Receiver.Hit> reminders = receiver.hits(h -> h.body().contains("\"hearing.reminder\""));
            assertThat(reminders).hasSize(1);
            JsonNode log = api.get("/api/v1/subscriptions/" + sub + "/deliveries?limit=500", reporter)
                    .expect(200)
                    .json()
                    .get("data");
            assertThat(log.findValuesAsText("status")).containsOnly("delivered");
            System.out.printf(
                    "FaultsIT outage: %d requests, %d during the outage (all 503), recovery %d ms after PostgreSQL"
                            + " returned, %d events delivered once to each of %d subscribers%n",
                    answers.size(), during.size(), recovery.toMillis(), events.size(), paths.size());
        }
    }

    @Test
    void aReceiverThatHangsDoesNotHoldUpTheOthers() throws Exception {
        try (Receiver hanging = new Receiver();
                Receiver healthy = new Receiver()) {
            hanging.delay(Duration.ofSeconds(60));
            String reporter = api.key("reporter");
            String caseId = api.newCase(editor, court);
            for (int i = 0; i < 8; i++) {
                subscribe(reporter, caseId, hanging.url("/hang" + i), List.of());
            }
            subscribe(reporter, caseId, healthy.url("/ok"), List.of());
            Instant start = Instant.now();
            for (int i = 1; i <= 20; i++) {
                api.post(
                                "/api/v1/cases/" + caseId + "/filings",
                                editor,
                                Map.of(
                                        "entry_number",
                                        i,
                                        "filed_on",
                                        "2026-01-05",
                                        "kind",
                                        "notice",
                                        "title",
                                        "Notice " + i))
                        .expect(201);
            }
            healthy.await(h -> true, 20, Duration.ofSeconds(8));
            Duration took = Duration.between(start, Instant.now());
            System.out.printf(
                    "FaultsIT hanging receivers: 20 alerts reached the healthy receiver in %d ms while 160 hung%n",
                    took.toMillis());
            assertThat(took).isLessThan(Duration.ofSeconds(8));
        }
    }

    // ---------------------------------------------------------------------------------------------

    record Answer(Instant at, Api.Resp resp, long millis) {}

    private static String subscribe(String key, String caseId, String url, List<String> leadTimes) {
        Map<String, Object> body = new HashMap<>();
        body.put("case_id", caseId);
        body.put("events", List.of("filing.created", "hearing.reminder"));
        body.put("channel", Map.of("type", "webhook", "url", url));
        if (!leadTimes.isEmpty()) {
            body.put("reminder_lead_times", leadTimes);
        }
        return api.post("/api/v1/subscriptions", key, body)
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private static List<String> eventIds(String caseId) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id from events where type = 'filing.created' and case_id = "
                        + Long.parseLong(caseId))) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static int health() {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(service.admin() + "/healthcheck"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static EmbeddedPostgres startPostgres() throws IOException {
        Path data = dir.resolve("pg");
        Files.createDirectories(data);
        return EmbeddedPostgres.builder()
                .setPort(pgPort)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .start();
    }

    private static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + pgPort + "/postgres?user=postgres";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
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
