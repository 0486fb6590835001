package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.docketwatch.support.Api;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.ServiceProcess;
import com.docketwatch.support.TestApp;
import com.docketwatch.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as a reporter runs it (the shaded jar, the demo command, the embedded PostgreSQL under
 * DOCKETWATCH_DATA_DIR), killed with SIGKILL and started again: nothing committed is lost, the demo is
 * not loaded twice, and an orphaned postmaster or a stale postmaster.pid does not stop the restart.
 * With -Ddocketwatch.test.pg the same runs on a fresh database of that external server.
 */
class RestartIT {
    @TempDir
    Path tmp;

    Path data;
    Map<String, String> env;

    @BeforeEach
    void setUp() {
        assumeTrue(ServiceProcess.jar() != null, "target/docketwatch.jar not built: run through `mvn verify`");
        data = tmp.resolve("data");
        env = new HashMap<>();
        if (TestDatabases.external()) {
            env.put("DOCKETWATCH_DATABASE_URL", TestDatabases.fresh());
        }
    }

    @Test
    void killDashNineLosesNoCommittedWriteAndDemoLoadsOnce() throws Exception {
        List<String> committed = new ArrayList<>();
        String caseId;
        try (ServiceProcess first = ServiceProcess.start("demo", data, env)) {
            Api api = first.api();
            assertThat(caseCount(api)).isEqualTo(2);
            assertMuskVOpenAiDemo(api);
            String editor = api.key("editor");
            caseId = api.newCase(editor, "cand");
            for (int i = 1; i <= 40; i++) {
                Api.Resp r = api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of("entry_number", i, "filed_on", "2026-05-18", "kind", "order", "title", "Order " + i));
                if (r.status() == 201) {
                    committed.add(r.json().get("id").asText());
                }
            }
            first.kill9();
        }
        if (!TestDatabases.external()) {
            assertThat(Files.exists(data.resolve("postgres/postmaster.pid")))
                    .as("postmaster orphaned by kill -9")
                    .isTrue();
        }

        try (ServiceProcess second = ServiceProcess.start("demo", data, env)) {
            Api api = second.api();
            assertThat(caseCount(api)).as("demo not duplicated, our case kept").isEqualTo(3);
            JsonNode filings = api.get("/api/v1/cases/" + caseId + "/filings?limit=500", TestApp.ADMIN_KEY)
                    .expect(200)
                    .json();
            List<String> ids = new ArrayList<>();
            filings.get("data").forEach(f -> ids.add(f.get("id").asText()));
            assertThat(ids).containsExactlyInAnyOrderElementsOf(committed).hasSize(40);
        }
    }

    @Test
    void alertsInFlightAtKillDashNineAreDeliveredAfterRestartWithTheirEventIds() throws Exception {
        env.put("DOCKETWATCH_WEBHOOK_ALLOW_HOSTS", "localhost");
        List<String> eventIds = new ArrayList<>();
        try (Receiver receiver = new Receiver()) {
            receiver.delay(java.time.Duration.ofSeconds(3)); // every delivery is still in flight when the service dies
            String subscription;
            String reporter;
            try (ServiceProcess first = ServiceProcess.start("server", data, env)) {
                Api api = first.api();
                String editor = api.key("editor");
                reporter = api.key("reporter");
                String caseId = api.newCase(editor, api.court(editor));
                subscription = api.post(
                                "/api/v1/subscriptions",
                                reporter,
                                Map.of(
                                        "case_id",
                                        caseId,
                                        "events",
                                        List.of("filing.created"),
                                        "channel",
                                        Map.of("type", "webhook", "url", receiver.url("/hook"))))
                        .expect(201)
                        .json()
                        .get("id")
                        .asText();
                for (int i = 1; i <= 15; i++) {
                    api.post(
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
                api.get("/api/v1/events?after=0&limit=500", TestApp.ADMIN_KEY)
                        .json()
                        .get("data")
                        .forEach(e -> {
                            if (e.get("type").asText().equals("filing.created")) {
                                eventIds.add(e.get("id").asText());
                            }
                        });
                Thread.sleep(1500);
                first.kill9();
            }
            receiver.delay(java.time.Duration.ZERO);
            try (ServiceProcess second = ServiceProcess.start("server", data, env)) {
                List<Receiver.Hit> hits = receiver.await(h -> true, 15, java.time.Duration.ofSeconds(60));
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (receiver.hits().stream().map(Receiver.Hit::id).distinct().count() < 15
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(receiver.hits().stream()
                                .map(Receiver.Hit::id)
                                .distinct()
                                .toList())
                        .containsExactlyInAnyOrderElementsOf(eventIds);
                assertThat(hits).isNotEmpty();
                deadline = System.nanoTime() + 30_000_000_000L;
                JsonNode log;
                do {
                    Thread.sleep(200);
                    log = second.api()
                            .get("/api/v1/subscriptions/" + subscription + "/deliveries?limit=500", reporter)
                            .expect(200)
                            .json()
                            .get("data");
                } while (log.findValuesAsText("status").stream().anyMatch(st -> !st.equals("delivered"))
                        && System.nanoTime() < deadline);
                assertThat(log).hasSize(15);
                assertThat(log.findValuesAsText("status")).containsOnly("delivered");
            }
        }
    }

    @Test
    void stalePidFileOfADeadOrForeignProcessDoesNotStopTheStart() throws Exception {
        assumeTrue(!TestDatabases.external(), "embedded PostgreSQL only");
        String caseId;
        try (ServiceProcess first = ServiceProcess.start("server", data, env)) {
            Api api = first.api();
            String editor = api.key("editor");
            String court = api.court(editor);
            caseId = api.newCase(editor, court);
            first.kill9();
        }
        // Kill the orphaned postmaster too, then make its pid file name a live process that is not PostgreSQL.
        Path pidFile = data.resolve("postgres/postmaster.pid");
        List<String> lines = new ArrayList<>(Files.readAllLines(pidFile));
        Optional<ProcessHandle> postmaster =
                ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        postmaster.ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
        lines.set(0, Long.toString(ProcessHandle.current().pid()));
        Files.write(pidFile, lines);

        try (ServiceProcess second = ServiceProcess.start("server", data, env)) {
            second.api().get("/api/v1/cases/" + caseId, TestApp.ADMIN_KEY).expect(200);
        }
    }

    @Test
    void gracefulStopLeavesNoPostmasterBehind() throws Exception {
        assumeTrue(!TestDatabases.external(), "embedded PostgreSQL only");
        ServiceProcess s = ServiceProcess.start("server", data, env);
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid"))
                .get(0)
                .trim());
        s.close();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("postmaster " + pid + " stopped")
                .isFalse();
        assertThat(Files.exists(data.resolve("postgres/postmaster.pid"))).isFalse();
    }

    /** The demo holds both cases with the facts of shared/musk-v-openai.md. */
    private static void assertMuskVOpenAiDemo(Api api) {
        String key = TestApp.ADMIN_KEY;
        JsonNode cases =
                api.get("/api/v1/cases?party=openai", key).expect(200).json().get("data");
        JsonNode state = null;
        JsonNode federal = null;
        for (JsonNode c : cases) {
            if (c.get("docket_number").asText().equals("CGC-24-612746")) {
                state = c;
            } else if (c.get("docket_number").asText().equals("4:24-cv-04722-YGR")) {
                federal = c;
            }
        }
        assertThat(state).isNotNull();
        assertThat(federal).isNotNull();
        assertThat(state.get("status").asText()).isEqualTo("voluntarily_dismissed");
        assertThat(state.get("status_since").asText()).isEqualTo("2024-06-11");
        assertThat(federal.get("status").asText()).isEqualTo("judgment_entered");
        assertThat(federal.get("judge").asText()).isEqualTo("Yvonne Gonzalez Rogers");
        JsonNode full = api.get("/api/v1/cases/" + federal.get("id").asText(), key)
                .expect(200)
                .json();
        assertThat(full.get("related_cases").get(0).get("case_id").asText())
                .isEqualTo(state.get("id").asText());
        assertThat(full.get("related_cases").get(0).get("relation").asText()).isEqualTo("refiled_from");
        assertThat(full.get("parties").findValuesAsText("name"))
                .contains("Elon Musk", "Samuel Altman", "Microsoft Corporation", "xAI Corp.");
        assertThat(full.get("claims").findValuesAsText("status")).contains("dismissed", "judgment_for_defendant");
        int filings = api.get("/api/v1/cases/" + federal.get("id").asText() + "/filings?limit=500", key)
                        .json()
                        .get("data")
                        .size()
                + api.get("/api/v1/cases/" + state.get("id").asText() + "/filings?limit=500", key)
                        .json()
                        .get("data")
                        .size();
        assertThat(filings).isGreaterThanOrEqualTo(15);
        JsonNode hearings = api.get("/api/v1/hearings?limit=500", key).json().get("data");
        assertThat(hearings.findValuesAsText("status")).contains("held", "scheduled", "vacated");
        assertThat(api.get("/api/v1/cases/" + federal.get("id").asText() + "/status-changes", key)
                        .json()
                        .get("data")
                        .findValuesAsText("status"))
                .containsExactly("judgment_entered");
    }

    private static int caseCount(Api api) {
        return api.get("/api/v1/cases?limit=500", TestApp.ADMIN_KEY)
                .expect(200)
                .json()
                .get("data")
                .size();
    }
}
