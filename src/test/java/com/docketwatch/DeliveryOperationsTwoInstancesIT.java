package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.docketwatch.support.Api;
import com.docketwatch.support.Db;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-sends and replays with two service instances on one PostgreSQL (this JVM's and the shaded jar in its
 * own process, each with its delivery workers): asked through either instance, each goes out exactly once,
 * because both only make deliveries due in the outbox, which the instances claim under fenced leases.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DeliveryOperationsTwoInstancesIT {
    static final String DB = TestDatabases.fresh();
    static final Receiver RECEIVER = new Receiver();
    static final DropwizardAppExtension<DocketWatchConfiguration> ONE = TestApp.create(
            DB,
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("alerts.pollInterval", "PT0.05S"),
            ConfigOverride.config("alerts.batchSize", "7"));

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
    void aReplayAndAResendAskedOfEitherInstanceGoOutOnce() {
        Api one = TestApp.api(ONE);
        Api other = two.api();
        String editor = one.key("editor");
        String reporter = one.key("reporter");
        String caseId = one.newCase(editor, one.court(editor));
        String sub = one.post(
                        "/api/v1/subscriptions",
                        reporter,
                        Map.of(
                                "case_id",
                                caseId,
                                "events",
                                List.of("filing.created"),
                                "channel",
                                Map.of("type", "webhook", "url", RECEIVER.url("/two"))))
                .expect(201)
                .json()
                .get("id")
                .asText();
        Instant since = Instant.now();
        int filings = 30;
        for (int i = 1; i <= filings; i++) {
            (i % 2 == 0 ? one : other)
                    .post(
                            "/api/v1/cases/" + caseId + "/filings",
                            editor,
                            Map.of("filed_on", "2025-01-01", "kind", "notice", "title", "Notice " + i))
                    .expect(201);
        }
        List<Receiver.Hit> first = RECEIVER.await(h -> h.path().equals("/two"), filings, Duration.ofSeconds(60));
        awaitAllDelivered(one, reporter, sub, filings);
        List<String> order = Db.of(ONE)
                .rows(
                        "select id from events where case_id = ? and type = 'filing.created' order by txid, id",
                        Long.parseLong(caseId))
                .stream()
                .map(r -> r.get("id").toString())
                .toList();

        // The same replay asked of both instances at once, under one Idempotency-Key: one replay.
        String replay = "/api/v1/subscriptions/" + sub + "/replay";
        Map<String, Object> body = Map.of("since", since.toString());
        List<CompletableFuture<Api.Resp>> asked = new ArrayList<>();
        for (Api via : List.of(one, other, one, other)) {
            asked.add(CompletableFuture.supplyAsync(
                    () -> via.send("POST", replay, reporter, body, "application/json", "Idempotency-Key", "two-1")));
        }
        List<Integer> statuses =
                asked.stream().map(f -> f.join().status()).sorted().toList();
        assertThat(statuses).as("accepted, or still in progress elsewhere").allMatch(s -> s == 202 || s == 409);
        assertThat(statuses).contains(202);
        List<Receiver.Hit> all = RECEIVER.await(h -> h.path().equals("/two"), 2 * filings, Duration.ofSeconds(60));
        List<String> replayed = all.subList(first.size(), all.size()).stream()
                .map(Receiver.Hit::id)
                .toList();
        assertThat(replayed).as("each event once more, in order").containsExactlyElementsOf(order);

        // A re-send asked of the other instance: once more, and only once.
        JsonNode log = one.get("/api/v1/subscriptions/" + sub + "/deliveries?limit=500", reporter)
                .expect(200)
                .json()
                .get("data");
        awaitAllDelivered(one, reporter, sub, filings);
        String delivery = log.get(0).get("id").asText();
        String event = log.get(0).get("event_id").asText();
        other.post("/api/v1/subscriptions/" + sub + "/deliveries/" + delivery + "/retry", reporter, null)
                .expect(202);
        RECEIVER.await(h -> h.path().equals("/two"), 2 * filings + 1, Duration.ofSeconds(30));
        sleep(2000); // a duplicate, if any, would arrive now
        Map<String, Long> perId = RECEIVER.hits(h -> h.path().equals("/two")).stream()
                .collect(Collectors.groupingBy(Receiver.Hit::id, Collectors.counting()));
        assertThat(perId).hasSize(filings);
        perId.forEach((id, n) -> assertThat(n).as("webhook-id %s", id).isEqualTo(id.equals(event) ? 3L : 2L));
    }

    private static void awaitAllDelivered(Api api, String key, String sub, int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> statuses = api.get("/api/v1/subscriptions/" + sub + "/deliveries?limit=500", key)
                    .expect(200)
                    .json()
                    .get("data")
                    .findValuesAsText("status");
            if (statuses.size() == n && statuses.stream().allMatch("delivered"::equals)) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("not all " + n + " deliveries of subscription " + sub + " were delivered");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
