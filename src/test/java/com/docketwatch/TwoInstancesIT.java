package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.TestApp;
import com.docketwatch.support.TestDatabases;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two service instances on one PostgreSQL: each (event, subscription) pair is delivered once. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TwoInstancesIT {
    static final String DB = TestDatabases.fresh();
    static final Receiver RECEIVER = new Receiver();
    static final ConfigOverride[] SHARED = {
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("alerts.pollInterval", "PT0.05S"),
            ConfigOverride.config("alerts.batchSize", "7")};
    static final DropwizardAppExtension<DocketWatchConfiguration> ONE = TestApp.create(DB, SHARED);
    static final DropwizardAppExtension<DocketWatchConfiguration> TWO = TestApp.create(DB, SHARED);

    @AfterAll
    static void tearDown() {
        RECEIVER.close();
    }

    @Test
    void eachEventReachesEachSubscriberExactlyOnce() {
        Api one = TestApp.api(ONE);
        Api two = TestApp.api(TWO);
        String editor = one.key("editor");
        String reporter = two.key("reporter");
        String court = one.court(editor);
        String caseId = one.newCase(editor, court);
        for (String path : List.of("/a", "/b", "/c")) {
            two.post("/api/v1/subscriptions", reporter, Map.of("case_id", caseId, "events", List.of("filing.created"),
                    "channel", Map.of("type", "webhook", "url", RECEIVER.url(path)))).expect(201);
        }
        int filings = 60;
        for (int i = 1; i <= filings; i++) {
            Api via = i % 2 == 0 ? one : two;
            via.post("/api/v1/cases/" + caseId + "/filings", editor, Map.of("entry_number", i, "filed_on", "2025-01-01",
                    "kind", "notice", "title", "Notice " + i)).expect(201);
        }
        RECEIVER.await(h -> true, filings * 3, Duration.ofSeconds(60));
        sleep(1000); // a duplicate, if any, would arrive now
        Map<String, Long> perPair = RECEIVER.hits().stream()
                .collect(Collectors.groupingBy(h -> h.path() + "#" + h.id(), Collectors.counting()));
        assertThat(perPair).hasSize(filings * 3);
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
