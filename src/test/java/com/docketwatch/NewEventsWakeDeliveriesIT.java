package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A new event's alerts go out as soon as its transaction commits: the events' {@code NOTIFY} wakes the
 * delivery worker, which otherwise looks only every {@code alerts.pollInterval} (a minute here).
 */
@DocketWatchIT
class NewEventsWakeDeliveriesIT {
    static final Receiver RECEIVER = new Receiver();
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create(
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("alerts.pollInterval", "PT60S"));

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
    void aFilingsWebhooksLeaveWithoutWaitingForThePoll() {
        String caseId = api.newCase(editor, court);
        for (String path : List.of("/wake-a", "/wake-b")) {
            api.post(
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
        long started = System.nanoTime();
        api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of("filed_on", "2025-01-02", "kind", "notice", "title", "Notice of appearance"))
                .expect(201);

        RECEIVER.await(h -> h.path().startsWith("/wake-"), 2, Duration.ofSeconds(20));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).as("well within the one-minute poll").isLessThan(Duration.ofSeconds(20));
    }
}
