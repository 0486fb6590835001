package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Db;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What one key may ask for: lead times from PT1M to P60D, and at most a configured number of
 * subscriptions and of active feed tokens (409 naming the limit), even when it asks many times at once.
 */
@DocketWatchIT
class SubscriptionLimitsIT {
    static final int MAX_SUBSCRIPTIONS = 3;
    static final int MAX_FEED_TOKENS = 2;
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create(
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("alerts.maxSubscriptionsPerKey", Integer.toString(MAX_SUBSCRIPTIONS)),
            ConfigOverride.config("alerts.maxFeedTokensPerKey", Integer.toString(MAX_FEED_TOKENS)));

    @Client
    static Api api;

    @Client
    static Db db;

    @Key("editor")
    static String editor;

    @Test
    void leadTimesOutsidePT1MToP60DAre422AndCreateNothing() {
        String reporter = api.key("reporter");
        String caseId = api.newCase(editor, api.court(editor));
        long before = db.count("select count(*) from subscriptions");
        for (String bad : List.of("PT59S", "PT30S", "P61D", "P60DT1M", "PT1441H", "P366D")) {
            JsonNode p = api.post("/api/v1/subscriptions", reporter, reminders(caseId, bad))
                    .problem(422);
            assertThat(p.get("errors").findValuesAsText("field")).as(bad).containsExactly("reminder_lead_times");
            assertThat(p.get("errors").get(0).get("message").asText())
                    .as(bad)
                    .startsWith(bad + " must be at")
                    .containsAnyOf("PT1M", "P60D");
        }
        assertThat(db.count("select count(*) from subscriptions")).isEqualTo(before);

        JsonNode ok = api.post("/api/v1/subscriptions", reporter, reminders(caseId, "PT1M", "P60D", "PT1440H"))
                .expect(201)
                .json();
        assertThat(ok.get("reminder_lead_times")).hasSize(3);
    }

    @Test
    void aKeyHoldsAtMostTheConfiguredNumberOfSubscriptions() {
        String reporter = api.key("reporter");
        String caseId = api.newCase(editor, api.court(editor));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MAX_SUBSCRIPTIONS; i++) {
            ids.add(api.post("/api/v1/subscriptions", reporter, hook(caseId))
                    .expect(201)
                    .json()
                    .get("id")
                    .asText());
        }
        JsonNode p = api.post("/api/v1/subscriptions", reporter, hook(caseId)).problem(409);
        assertThat(p.get("type").asText()).endsWith("/limit-reached");
        assertThat(p.get("detail").asText()).contains("the most one key may have (" + MAX_SUBSCRIPTIONS + ")");
        assertThat(subscriptionsOf(reporter)).isEqualTo(MAX_SUBSCRIPTIONS);

        // Another key is not held back by this one's; deleting one makes room again.
        api.post("/api/v1/subscriptions", api.key("reporter"), hook(caseId)).expect(201);
        api.delete("/api/v1/subscriptions/" + ids.get(0), reporter).expect(204);
        api.post("/api/v1/subscriptions", reporter, hook(caseId)).expect(201);
    }

    @Test
    void concurrentSubscribesByOneKeyCannotPassTheLimitTogether() throws Exception {
        String reporter = api.key("reporter");
        String caseId = api.newCase(editor, api.court(editor));
        List<Integer> statuses = race(
                12,
                () -> api.post("/api/v1/subscriptions", reporter, hook(caseId)).status());
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(MAX_SUBSCRIPTIONS);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(12 - MAX_SUBSCRIPTIONS);
        assertThat(subscriptionsOf(reporter)).isEqualTo(MAX_SUBSCRIPTIONS);
    }

    @Test
    void aKeyHoldsAtMostTheConfiguredNumberOfActiveFeedTokens() throws Exception {
        String reporter = api.key("reporter");
        List<Integer> statuses = race(
                8,
                () -> api.post("/api/v1/feed-tokens", reporter, Map.of("name", "calendar"))
                        .status());
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(MAX_FEED_TOKENS);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(8 - MAX_FEED_TOKENS);

        JsonNode p = api.post("/api/v1/feed-tokens", reporter, Map.of("name", "one more"))
                .problem(409);
        assertThat(p.get("type").asText()).endsWith("/limit-reached");
        assertThat(p.get("detail").asText()).contains("the most one key may have (" + MAX_FEED_TOKENS + ")");

        // A revoked token no longer counts.
        String first = api.get("/api/v1/feed-tokens", reporter)
                .json()
                .get("data")
                .get(0)
                .get("id")
                .asText();
        api.delete("/api/v1/feed-tokens/" + first, reporter).expect(204);
        api.post("/api/v1/feed-tokens", reporter, Map.of("name", "replacement")).expect(201);
        assertThat(api.get("/api/v1/feed-tokens", reporter).json().get("data")).hasSize(MAX_FEED_TOKENS + 1);
    }

    /** Runs {@code n} copies of {@code request} at once; their statuses. */
    private static List<Integer> race(int n, Callable<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : answers) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private long subscriptionsOf(String key) {
        return api.get("/api/v1/subscriptions?limit=500", key)
                .json()
                .get("data")
                .size();
    }

    private static Map<String, Object> hook(String caseId) {
        return Map.of(
                "case_id",
                caseId,
                "events",
                List.of("filing.created"),
                "channel",
                Map.of("type", "webhook", "url", "http://localhost:9/hook"));
    }

    private static Map<String, Object> reminders(String caseId, String... leadTimes) {
        return Map.of(
                "case_id",
                caseId,
                "events",
                List.of("hearing.reminder"),
                "reminder_lead_times",
                List.of(leadTimes),
                "channel",
                Map.of("type", "webhook", "url", "http://localhost:9/hook"));
    }
}
