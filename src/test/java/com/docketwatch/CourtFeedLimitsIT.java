package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Db;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Fixtures;
import com.docketwatch.support.Key;
import com.docketwatch.support.RssServer;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The limits of court-feed polling, against a local RSS server: a feed that trickles its answer is cut off
 * at the fetch deadline while the other feeds are polled on time; a feed over the size cap is refused; an
 * item over the import's limits is left out and the rest of the feed is read.
 */
@DocketWatchIT
class CourtFeedLimitsIT {
    static final RssServer SERVER = new RssServer();
    static final Duration DEADLINE = Duration.ofSeconds(6);
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create(
            ConfigOverride.config("courtFeeds.pollInterval", "PT1S"),
            ConfigOverride.config("courtFeeds.timeout", DEADLINE.toString()),
            ConfigOverride.config("courtFeeds.maxBodySize", "64KiB"),
            ConfigOverride.config("courtFeeds.workers", "2"),
            ConfigOverride.config("courtFeeds.allowHosts", "localhost"));
    static final Duration WAIT = Duration.ofSeconds(40);
    static final String OWN = Fixtures.own("rss/nyed_sample.xml").text();
    /** A case of the own feed with several items. */
    static final String TRACKED = "1:22-cv-05517";

    @Client
    static Api api;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    @AfterAll
    static void tearDown() {
        SERVER.close();
    }

    @Test
    void aTricklingFeedIsCutOffAtTheDeadlineWhileAnotherIsPolledOnTime() {
        String court = courtWithTrackedCase("nyeds");
        SERVER.trickle(
                "/slow.xml",
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>slow</title>",
                Duration.ofMillis(100));
        SERVER.serve("/fast.xml", OWN);
        String slow = follow(court, "/slow.xml");
        String fast = follow(court, "/fast.xml");

        // Three polls of the fast feed (1 s apart) while the slow one is still in its first fetch.
        await(() -> SERVER.requests("/fast.xml") >= 3, "three polls of the fast feed");
        JsonNode s = api.get(slow, reporter).expect(200).json();
        assertThat(s.get("last_poll_at").isNull())
                .as("the slow feed is still being fetched")
                .isTrue();
        assertThat(SERVER.requests("/slow.xml")).isEqualTo(1);
        JsonNode f = api.get(fast, reporter).json();
        assertThat(f.get("consecutive_failures").asInt()).isZero();
        assertThat(f.get("last_status").asInt()).isIn(200, 304);
        assertThat(filings(court))
                .isEqualTo(CourtFeedsIT.distinctItems(OWN).get(TRACKED).size())
                .isGreaterThan(1);

        // The slow fetch ends at its deadline, recorded as a failure with back-off; the connection is closed.
        await(() -> api.get(slow, reporter).json().get("consecutive_failures").asInt() >= 1, "the slow feed's failure");
        s = api.get(slow, reporter).json();
        assertThat(s.get("last_error").asText()).isEqualTo("no complete answer within PT6S (the fetch deadline)");
        assertThat(s.get("last_success_at").isNull()).isTrue();
        assertThat(Duration.between(
                        Instant.parse(s.get("last_poll_at").asText()),
                        Instant.parse(s.get("next_poll_at").asText())))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        await(() -> !SERVER.trickles("/slow.xml").isEmpty(), "the slow connection closed");
        assertThat(SERVER.trickles("/slow.xml").get(0).lasted())
                .isBetween(DEADLINE.minusMillis(200), DEADLINE.plusSeconds(3));
        assertThat(api.get(fast, reporter).json().get("consecutive_failures").asInt())
                .isZero();
    }

    @Test
    void aFeedOverTheSizeCapIsRefusedWithOrWithoutContentLength() {
        String court = courtWithTrackedCase("nyedb");
        // The own feed, valid RSS, padded with a comment past the 64 KiB cap.
        byte[] big = OWN.replace("<channel>", "<channel><!-- " + "x".repeat(70_000) + " -->")
                .getBytes(StandardCharsets.ISO_8859_1);
        SERVER.serve("/big.xml", big, "application/rss+xml");
        SERVER.serveChunked("/big-chunked.xml", big, "application/rss+xml");
        for (String path : List.of("/big.xml", "/big-chunked.xml")) {
            String feed = follow(court, path);
            await(
                    () -> api.get(feed, reporter)
                                    .json()
                                    .get("consecutive_failures")
                                    .asInt()
                            >= 1,
                    path + " refused");
            JsonNode f = api.get(feed, reporter).json();
            assertThat(f.get("last_error").asText()).as(path).isEqualTo("the feed is larger than 65536 bytes");
            assertThat(f.get("last_success_at").isNull()).isTrue();
        }
        assertThat(filings(court)).isZero();
    }

    @Test
    void anItemOverTheImportLimitsIsLeftOutAndTheRestOfTheFeedIsRead() {
        String court = "nyedo";
        CourtFeedsIT.court(api, editor, court);
        String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + CourtFeedsIT.item(
                        "1:24-cv-00777-AB", "Wed, 23 May 2018 14:01:00 GMT", "Order " + "x".repeat(3000), null)
                + CourtFeedsIT.item("1:24-cv-00777-AB", "Wed, 23 May 2018 14:02:00 GMT", "Scheduling Order", 5)
                + CourtFeedsIT.item("1:24-cv-00777-AB", "Wed, 23 May 2018 14:03:00 GMT", "Order on Motion", 1)
                        .replace(">1<", ">99999999999<")
                + CourtFeedsIT.item("1:24-cv-00778-AB", "Wed, 23 May 2018 14:04:00 GMT", "Complaint", 1)
                + "</channel></rss>";
        SERVER.serve("/over.xml", feed);
        String location = api.post(
                        "/api/v1/courts/" + court + "/feeds",
                        editor,
                        Map.of("url", SERVER.url("/over.xml"), "track_all", true))
                .expect(201)
                .header("Location");
        String path = Api.pathOf(location);
        await(() -> !api.get(path, reporter).json().get("last_success_at").isNull(), "the poll");
        JsonNode f = api.get(path, reporter).json();
        assertThat(f.get("last_error").isNull()).isTrue();
        assertThat(f.get("last_new_filings").asInt()).isEqualTo(2);
        Db db = Db.of(APP);
        assertThat(db.rows("""
                        select c.docket_number, f.entry_number, f.title from filings f join cases c on c.id = f.case_id
                        where c.court_id = ? order by c.docket_number""", court))
                .extracting(r -> r.get("docket_number") + " " + r.get("entry_number") + " " + r.get("title"))
                .containsExactly("1:24-cv-00777 5 Scheduling Order", "1:24-cv-00778 1 Complaint");
    }

    static String courtWithTrackedCase(String court) {
        CourtFeedsIT.court(api, editor, court);
        api.post(
                        "/api/v1/cases",
                        editor,
                        Map.of(
                                "court",
                                court,
                                "docket_number",
                                TRACKED,
                                "caption",
                                "Tracked",
                                "filed_on",
                                "2015-01-02"))
                .expect(201);
        return court;
    }

    static String follow(String court, String path) {
        return Api.pathOf(api.post("/api/v1/courts/" + court + "/feeds", editor, Map.of("url", SERVER.url(path)))
                .expect(201)
                .header("Location"));
    }

    static long filings(String court) {
        return Db.of(APP)
                .count("select count(*) from filings f join cases c on c.id = f.case_id where c.court_id = ?", court);
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("Timed out waiting for " + what);
    }
}
