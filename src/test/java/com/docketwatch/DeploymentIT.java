package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.docketwatch.support.Api;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.Scrape;
import com.docketwatch.support.ServiceProcess;
import com.docketwatch.support.TestApp;
import com.docketwatch.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/deploy.md's topology, as far as one machine goes: two instances of the built jar on one
 * PostgreSQL (external to both, sharing DOCKETWATCH_SECRET_KEY), a client spreading requests over them
 * as a load balancer would. Each serves; the metrics of both show the shared outbox backlog and its
 * draining; a rolling restart (one instance stopped and started again, then the other) while writes
 * keep coming loses no accepted write and no alert, and duplicates none. The second instance logs JSON
 * lines: each request line carries its request id, and no key or secret is ever logged. An instance whose
 * migrations wait (another instance holds the schema history) is not ready until they are done.
 */
class DeploymentIT {
    static final String DB = TestDatabases.fresh();
    static final Receiver RECEIVER = new Receiver();
    static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path tmp;

    static final List<ServiceProcess> instances = new ArrayList<>();
    static final List<ServiceProcess> stopped = new ArrayList<>();
    static String editor;
    static String reporter;
    static String caseId;
    static final List<String> secrets = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() {
        assumeTrue(ServiceProcess.jar() != null, "target/docketwatch.jar not built: run through `mvn verify`");
        instances.add(start(0));
        instances.add(start(1));
        Api a = instances.get(0).api();
        editor = a.key("editor");
        reporter = a.key("reporter");
        String court = a.court(editor);
        caseId = a.newCase(editor, court);
        for (String path : List.of("/one", "/two")) {
            secrets.add(instances
                    .get(1)
                    .api()
                    .post(
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
                    .json()
                    .get("secret")
                    .asText());
        }
    }

    /** Instance {@code i} (its own data directory, the shared database and key); instance 1 logs JSON. */
    static ServiceProcess start(int i) {
        Map<String, String> env = new HashMap<>(Map.of(
                "DOCKETWATCH_DATABASE_URL",
                DB,
                "DOCKETWATCH_SECRET_KEY",
                TestApp.SECRET_KEY,
                "DOCKETWATCH_WEBHOOK_ALLOW_HOSTS",
                "localhost",
                "DOCKETWATCH_RETRY_INITIAL_DELAY",
                "PT1S"));
        if (i == 1) {
            env.put("DOCKETWATCH_LOG_FORMAT", "json");
        }
        return ServiceProcess.start("server", tmp.resolve("instance-" + i + "-" + System.nanoTime()), env);
    }

    @AfterAll
    static void tearDown() throws InterruptedException {
        for (ServiceProcess s : instances) {
            s.close();
        }
        RECEIVER.close();
    }

    @Test
    void bothServeAndTheirMetricsShowTheSharedBacklogDraining() {
        for (ServiceProcess s : instances) {
            s.api().get("/api/v1/cases/" + caseId, reporter).expect(200);
            assertThat(Scrape.of(s.admin()).value("docketwatch_domain_metrics_up"))
                    .isEqualTo(1);
        }
        double deliveredBefore = sum("alerts_delivered_total");
        int filings = 10;
        // The receiver fails the first hundred attempts: with retries after 1, 2, 4 and 8 s each delivery
        // waits some 15 to 30 s, long enough for both instances' scrapes to see the backlog.
        RECEIVER.answer(java.util.Collections.nCopies(100, 503).toArray(Integer[]::new));
        for (int i = 0; i < filings; i++) {
            instances
                    .get(i % 2)
                    .api()
                    .post(filingsPath(), editor, filing("Backlog " + i))
                    .expect(201);
        }
        // The backlog is the database's: both instances report it, then both report it drained.
        for (ServiceProcess s : instances) {
            Scrape.until(s.admin(), m -> backlog(m) > 0, WAIT);
        }
        for (ServiceProcess s : instances) {
            Scrape drained = Scrape.until(s.admin(), m -> backlog(m) == 0, WAIT);
            assertThat(drained.value("docketwatch_outbox_oldest_due_seconds")).isZero();
        }
        assertThat(sum("alerts_delivered_total") - deliveredBefore)
                .as("deliveries made by the two instances together")
                .isEqualTo(2 * filings);
        Map<String, Long> perPair = RECEIVER.hits(h -> h.body().contains("Backlog ")).stream()
                .map(h -> h.path() + "#" + h.id())
                .distinct()
                .collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        assertThat(perPair).hasSize(2 * filings);
    }

    private static double backlog(Scrape m) {
        return m.value("docketwatch_outbox_deliveries{status=\"pending\"}")
                + m.value("docketwatch_outbox_deliveries{status=\"retrying\"}");
    }

    private static double sum(String sample) {
        double total = 0;
        for (ServiceProcess s : instances) {
            total += Scrape.of(s.admin()).value(sample);
        }
        return total;
    }

    @Test
    void aRollingRestartLosesNothing() throws Exception {
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger failures = new AtomicInteger();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread writer = new Thread(() -> {
            int n = 0;
            while (writing.get()) {
                String title = "Rolling " + n++;
                if (post(title, n, problems)) {
                    accepted.add(title);
                } else {
                    failures.incrementAndGet();
                }
                sleep(50);
            }
        });
        writer.start();
        sleep(2000);
        for (int i = 0; i < 2; i++) {
            ServiceProcess old = instances.get(i);
            old.close(); // SIGTERM: Dropwizard drains in-flight requests, then stops
            stopped.add(old);
            instances.set(i, start(i));
            sleep(2000);
        }
        writing.set(false);
        writer.join();
        assertThat(problems).as("answers other than 201 during the restart").isEmpty();
        assertThat(failures.get()).isZero();
        assertThat(accepted).hasSizeGreaterThan(20);

        JsonNode page = instances
                .get(0)
                .api()
                .get(filingsPath() + "?limit=500", reporter)
                .expect(200)
                .json();
        List<String> stored = Api.texts(page.get("data"), "title").stream()
                .filter(t -> t.startsWith("Rolling "))
                .toList();
        assertThat(stored).as("each accepted filing stored once").hasSameSizeAs(Set.copyOf(stored));
        assertThat(Set.copyOf(stored)).isEqualTo(accepted);

        RECEIVER.await(h -> h.body().contains("Rolling "), 2 * accepted.size(), WAIT);
        sleep(2000); // a duplicate, if any, would arrive now
        Map<String, Long> perPair = RECEIVER.hits(h -> h.body().contains("Rolling ")).stream()
                .collect(Collectors.groupingBy(h -> h.path() + "#" + h.id(), Collectors.counting()));
        assertThat(perPair).hasSize(2 * accepted.size());
        assertThat(perPair.values()).containsOnly(1L);
    }

    @Test
    void jsonLogLinesCarryTheRequestIdAndNoSecret() {
        String id = "lb-" + UUID.randomUUID();
        instances
                .get(1)
                .api()
                .send("GET", "/api/v1/cases/" + caseId, reporter, null, null, "X-Request-Id", id)
                .expect(200);
        String forged = instances
                .get(1)
                .api()
                .send("GET", "/api/v1/cases/" + caseId, reporter, null, null, "X-Request-Id", "x\"} {\"level\":\"ERROR")
                .header("X-Request-Id");
        assertThat(forged).as("an id that could forge a log line is replaced").doesNotContain("\"", " ");
        sleep(1000);
        StringBuilder all = new StringBuilder();
        for (ServiceProcess s : instances) {
            all.append(s.log());
        }
        for (ServiceProcess s : stopped) {
            all.append(s.log());
        }
        String text = all.toString();
        for (String secret : List.of(TestApp.ADMIN_KEY, editor, reporter, secrets.get(0), secrets.get(1))) {
            assertThat(text).as("a key or webhook secret in the logs").doesNotContain(secret);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : instances.get(1).log().split("\n")) {
            if (line.startsWith("{")) {
                try {
                    lines.add(Api.JSON.readTree(line));
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException("not a JSON line: " + line, e);
                }
            }
        }
        List<JsonNode> requests = lines.stream()
                .filter(l -> l.path("uri").asText().startsWith("/api/"))
                .toList();
        assertThat(lines).hasSizeGreaterThan(requests.size());
        assertThat(requests)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.path("requestId").asText()).isNotBlank());
        assertThat(requests).anySatisfy(r -> {
            assertThat(r.get("requestId").asText()).isEqualTo(id);
            assertThat(r.get("status").asInt()).isEqualTo(200);
        });
    }

    @Test
    void notReadyWhileItsMigrationsWait() throws Exception {
        int port = freePort();
        int adminPort = freePort();
        String ready = "http://localhost:" + adminPort + "/health/ready";
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(DB)) {
            db.setAutoCommit(false);
            // As if another instance were migrating: Flyway waits for the schema history.
            db.createStatement().execute("lock table flyway_schema_history in access exclusive mode");
            ProcessBuilder pb = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx512m",
                            "-jar",
                            ServiceProcess.jar().toString(),
                            "server",
                            TestApp.projectFile("config.yml"))
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("migrating.log").toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("DOCKETWATCH_"));
            pb.environment()
                    .putAll(Map.of(
                            "DOCKETWATCH_DATABASE_URL", DB,
                            "DOCKETWATCH_SECRET_KEY", TestApp.SECRET_KEY,
                            "DOCKETWATCH_DATA_DIR", tmp.resolve("migrating").toString(),
                            "DOCKETWATCH_HTTP_PORT", Integer.toString(port),
                            "DOCKETWATCH_ADMIN_PORT", Integer.toString(adminPort)));
            Process starting = pb.start();
            try {
                // Not ready from the start until it is seen waiting on the lock (however long a loaded
                // machine takes to get there), and still not ready once it waits.
                long until = System.nanoTime() + WAIT.toNanos();
                while (waitingOnMigrations() == 0) {
                    assertThat(System.nanoTime())
                            .as("the starting instance waits on the migrations")
                            .isLessThan(until);
                    assertThat(starting.isAlive())
                            .as("waits for the migrations")
                            .isTrue();
                    assertThat(status(ready))
                            .as("readiness while migrations wait")
                            .isNotEqualTo(200);
                    sleep(500);
                }
                sleep(2000);
                assertThat(starting.isAlive()).as("waits for the migrations").isTrue();
                assertThat(status(ready)).as("readiness while migrations wait").isNotEqualTo(200);
                db.rollback();
                long deadline = System.nanoTime() + WAIT.toNanos() * 2;
                while (status(ready) != 200) {
                    assertThat(System.nanoTime()).as("ready once migrated").isLessThan(deadline);
                    assertThat(starting.isAlive()).isTrue();
                    sleep(500);
                }
            } finally {
                starting.destroy();
                starting.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    /** Sessions waiting for the lock on Flyway's schema history. */
    private static int waitingOnMigrations() throws java.sql.SQLException {
        try (java.sql.Connection look = java.sql.DriverManager.getConnection(DB);
                java.sql.ResultSet waiting = look.createStatement()
                        .executeQuery("select count(*) from pg_locks where not granted"
                                + " and relation = 'flyway_schema_history'::regclass")) {
            waiting.next();
            return waiting.getInt(1);
        }
    }

    /** The status of a GET, or 0 when nothing listens yet. */
    private static int status(String url) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException notListening) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** One write through the "load balancer": the instances in turn, the next one when one is down. */
    private static boolean post(String title, int n, List<String> problems) {
        String idempotencyKey = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 20; attempt++) {
            ServiceProcess target = instances.get((n + attempt) % instances.size());
            try {
                Api.Resp r = target.api()
                        .send(
                                "POST",
                                filingsPath(),
                                editor,
                                Api.JSON.writeValueAsString(filing(title)),
                                "application/json",
                                "Idempotency-Key",
                                idempotencyKey);
                if (r.status() == 201) {
                    return true;
                }
                if (r.status() == 503) {
                    continue; // stopping: the next instance
                }
                problems.add(r.status() + " " + r.body());
                return false;
            } catch (UncheckedIOException | com.fasterxml.jackson.core.JsonProcessingException down) {
                sleep(100);
            }
        }
        problems.add("no instance answered for " + title);
        return false;
    }

    private static String filingsPath() {
        return "/api/v1/cases/" + caseId + "/filings";
    }

    private static Map<String, Object> filing(String title) {
        return Map.of("filed_on", "2026-04-01", "kind", "notice", "title", title);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
