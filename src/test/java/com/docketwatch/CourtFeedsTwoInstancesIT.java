package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.docketwatch.support.Api;
import com.docketwatch.support.Db;
import com.docketwatch.support.Fixtures;
import com.docketwatch.support.RssServer;
import com.docketwatch.support.ServiceProcess;
import com.docketwatch.support.TestApp;
import com.docketwatch.support.TestDatabases;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one PostgreSQL (this JVM's and the shaded jar), both polling court feeds with their
 * worker pools every second: no feed is fetched by two pollers at once, and each item becomes exactly one
 * filing and one event.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CourtFeedsTwoInstancesIT {
    static final String DB = TestDatabases.fresh();
    static final RssServer SERVER = new RssServer();
    static final DropwizardAppExtension<DocketWatchConfiguration> ONE = TestApp.create(
            DB,
            ConfigOverride.config("courtFeeds.pollInterval", "PT1S"),
            ConfigOverride.config("courtFeeds.workers", "3"),
            ConfigOverride.config("courtFeeds.allowHosts", "localhost"));
    static final String OWN = Fixtures.own("rss/nyed_sample.xml").text();
    static final int FEEDS = 6;

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
                        "DOCKETWATCH_FEED_ALLOW_HOSTS",
                        "localhost",
                        "DOCKETWATCH_FEED_POLL_INTERVAL",
                        "PT1S"));
    }

    @AfterAll
    static void tearDown() throws InterruptedException {
        if (two != null) {
            two.close();
        }
        SERVER.close();
    }

    @Test
    void eachFeedIsPolledByOnePollerAtATimeAndEachItemLandsOnce() {
        Api one = TestApp.api(ONE);
        Api other = two.api();
        String editor = one.key("editor");
        int perFeed = CourtFeedsIT.distinctItems(OWN).values().stream()
                .mapToInt(Set::size)
                .sum();
        List<String> courts = new ArrayList<>();
        for (int i = 0; i < FEEDS; i++) {
            String court = "nyed" + (char) ('a' + i) + "x";
            courts.add(court);
            CourtFeedsIT.court(one, editor, court);
            String path = "/" + court + ".xml";
            SERVER.serve(path, OWN);
            SERVER.delay(path, Duration.ofMillis(400)); // long enough for a second poller to overlap, were it let
            (i % 2 == 0 ? one : other)
                    .post(
                            "/api/v1/courts/" + court + "/feeds",
                            editor,
                            Map.of("url", SERVER.url(path), "track_all", true))
                    .expect(201);
        }
        Db db = Db.of(ONE);
        await(() -> courts.stream().allMatch(c -> SERVER.requests("/" + c + ".xml") >= 4), "four polls of every feed");

        // New items in every feed, polled by whichever instance and worker comes first.
        String newer = OWN.replaceFirst(
                "<item>",
                CourtFeedsIT.item("1:24-cv-09991-AB", "Wed, 23 May 2018 14:01:00 GMT", "Order", 7)
                        + CourtFeedsIT.item("1:24-cv-09991-AB", "Wed, 23 May 2018 14:02:00 GMT", "Minute Entry", null)
                        + "<item>");
        List<Integer> before = new ArrayList<>();
        for (String c : courts) {
            before.add(SERVER.requests("/" + c + ".xml"));
            SERVER.serve("/" + c + ".xml", newer);
        }
        await(
                () -> {
                    for (int i = 0; i < FEEDS; i++) {
                        if (SERVER.requests("/" + courts.get(i) + ".xml") < before.get(i) + 3) {
                            return false;
                        }
                    }
                    return true;
                },
                "three more polls of every feed");

        for (String c : courts) {
            assertThat(SERVER.mostInFlight("/" + c + ".xml"))
                    .as("fetches of %s at once", c)
                    .isEqualTo(1);
            long filings =
                    db.count("select count(*) from filings f join cases k on k.id = f.case_id where k.court_id = ?", c);
            assertThat(filings).as("filings of %s", c).isEqualTo(perFeed + 2);
            assertThat(db.count(
                            "select count(*) from events e join cases k on k.id = e.case_id"
                                    + " where k.court_id = ? and e.type = 'filing.created'",
                            c))
                    .as("filing.created of %s", c)
                    .isEqualTo(perFeed + 2);
        }
        assertThat(db.count("select count(*) from court_feeds where consecutive_failures > 0"))
                .isZero();
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("Timed out waiting for " + what);
    }
}
