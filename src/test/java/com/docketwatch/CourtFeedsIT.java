package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Fixtures;
import com.docketwatch.support.Fixtures.Fixture;
import com.docketwatch.support.Key;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.RssServer;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Following an E.D.N.Y. CM/ECF RSS feed (the project's own, and the real one, juriscraper's nyed_1.xml, when
 * ../shared is beside the project) served by a local HTTP server that honours conditional GETs: items of
 * tracked cases become filings and alerts exactly once.
 */
@DocketWatchIT
class CourtFeedsIT {
    /** The project's own feed: 25 items of 13 cases, with repeated items, linked entries and a Latin-1 caption. */
    static final Feed OWN = new Feed(
            Fixtures.own("rss/nyed_sample.xml"),
            "nyed",
            List.of("1:23-cr-00418", "1:22-cv-05517", "2:23-cv-01187", "1:98-cv-03312", "1:24-cr-00077"),
            "2:23-cv-01187",
            41,
            Set.of(
                    "1:24-cr-00077",
                    "1:23-cr-00418",
                    "1:22-cv-05517",
                    "1:98-cv-03312",
                    "1:24-cv-01622",
                    "1:24-cv-01623",
                    "2:23-cv-01187",
                    "2:22-cv-07730",
                    "1:21-cv-04096",
                    "1:20-cv-02871",
                    "1:19-cv-06655",
                    "2:24-cv-00915",
                    "1:24-mc-00031"));

    static final Receiver RECEIVER = new Receiver();
    static final RssServer SERVER = new RssServer();
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create(
            ConfigOverride.config("courtFeeds.pollInterval", "PT1S"),
            ConfigOverride.config("courtFeeds.allowHosts", "localhost"),
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("alerts.pollInterval", "PT0.1S"));
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Pattern ITEM = Pattern.compile("<item>(.*?)</item>", Pattern.DOTALL);
    static final Pattern TITLE = Pattern.compile("<title><!\\[CDATA\\[\\s*((?:\\d{1,2}:)?\\d{2}-[a-z]{1,5}-\\d{2,7})");
    static final Pattern PUB = Pattern.compile("<pubDate>(.*?)</pubDate>");
    static final Pattern DESC = Pattern.compile("<description><!\\[CDATA\\[\\[(.*?)]");
    static final Pattern NUMBER = Pattern.compile("show_case_doc\\?(\\d+),");

    @Client
    static Api api;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    @AfterAll
    static void tearDown() {
        RECEIVER.close();
        SERVER.close();
    }

    /**
     * A feed, the court the tests follow it for, the cases they track in it (the first gets new items), one
     * tracked case with an item linked to entry {@code linkedEntry}, and every docket number the feed names.
     */
    record Feed(
            Fixture file, String court, List<String> tracked, String linkedCase, int linkedEntry, Set<String> dockets) {
        @Override
        public String toString() {
            return file.name();
        }
    }

    /** The own feed, then the real one; juriscraper's parse of it (the .json beside it) names its dockets. */
    static List<Feed> feeds() throws Exception {
        List<Feed> feeds = new ArrayList<>(List.of(OWN));
        Optional<Fixture> real = Fixtures.real("juriscraper__rss__nyed_1.xml");
        if (real.isPresent()) {
            Set<String> juriscraper = new TreeSet<>();
            Api.JSON
                    .readTree(Fixtures.real("juriscraper__rss__nyed_1.json")
                            .orElseThrow()
                            .text())
                    .forEach(d -> juriscraper.add(d.get("docket_number").asText()));
            feeds.add(new Feed(
                    real.get(),
                    "nyedj",
                    List.of("1:17-cr-00664", "1:15-cv-06228", "2:17-cv-04327", "1:97-cv-07285", "1:17-cr-00554"),
                    "2:17-cv-04327",
                    63,
                    juriscraper));
        }
        return feeds;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feeds")
    void trackedCasesGetTheirItemsOnceAndOnlyNewItemsAlert(Feed source) {
        String xml = source.file().text();
        String court = source.court();
        String xmlPath = "/" + court + ".xml";
        Map<String, Set<String>> expected = distinctItems(xml);
        List<String> tracked = source.tracked();
        court(court);
        Map<String, String> caseIds = new LinkedHashMap<>();
        for (String number : tracked) {
            caseIds.put(
                    number,
                    api.post(
                                    "/api/v1/cases",
                                    editor,
                                    Map.of(
                                            "court",
                                            court,
                                            "docket_number",
                                            number,
                                            "caption",
                                            "Tracked " + number,
                                            "filed_on",
                                            "2015-01-02"))
                            .expect(201)
                            .json()
                            .get("id")
                            .asText());
        }
        api.post(
                        "/api/v1/subscriptions",
                        reporter,
                        Map.of(
                                "court",
                                court,
                                "events",
                                List.of("filing.created"),
                                "channel",
                                Map.of("type", "webhook", "url", RECEIVER.url("/" + court))))
                .expect(201);
        SERVER.serve(xmlPath, xml);

        JsonNode feed = api.post("/api/v1/courts/" + court + "/feeds", editor, Map.of("url", SERVER.url(xmlPath)))
                .expect(201)
                .json();
        String feedPath = "/api/v1/courts/" + court + "/feeds/" + feed.get("id").asText();
        assertThat(feed.get("track_all").asBoolean()).isFalse();
        await(() -> !api.get(feedPath, reporter).json().get("last_success_at").isNull(), "the first poll");

        int total = 0;
        for (String number : tracked) {
            int want = expected.get(number).size();
            total += want;
            assertThat(count("select count(*) from filings where case_id = " + caseIds.get(number)))
                    .as("filings of " + number)
                    .isEqualTo(want);
        }
        assertThat(total).isGreaterThan(tracked.size()); // some cases have several items, and duplicates collapse
        assertThat(count("select count(*) from filings where case_id = " + caseIds.get(source.linkedCase())
                        + " and entry_number = " + source.linkedEntry()))
                .isEqualTo(1);
        assertThat(count("select count(*) from cases where court_id = '" + court + "'"))
                .as("an untracked case is never created")
                .isEqualTo(tracked.size());
        JsonNode status = api.get(feedPath, reporter).json();
        assertThat(status.get("last_new_filings").asInt()).isEqualTo(total);
        assertThat(status.get("consecutive_failures").asInt()).isZero();
        assertThat(status.get("last_error").isNull()).isTrue();
        RECEIVER.await(h -> h.path().equals("/" + court), total, WAIT);

        // The next poll is conditional and answered 304: nothing is added.
        long events = count("select count(*) from events");
        long filings = count("select count(*) from filings");
        await(() -> SERVER.notModified(xmlPath) >= 1, "a 304 answer to a conditional GET");
        await(() -> api.get(feedPath, reporter).json().get("last_status").asInt() == 304, "the 304 recorded");
        assertThat(count("select count(*) from events")).isEqualTo(events);
        assertThat(count("select count(*) from filings")).isEqualTo(filings);

        // The feed changes: two new items for a tracked case, one item seen before, one for an untracked case.
        String first = tracked.get(0);
        String newer = xml.replaceFirst(
                "<item>",
                item(first + "-KAM", "Wed, 23 May 2018 14:01:00 GMT", "Order on Motion to Continue", 88)
                        + item(first + "-KAM", "Wed, 23 May 2018 14:02:00 GMT", "Scheduling Order", null)
                        + item("1:99-cv-99999-XX", "Wed, 23 May 2018 14:03:00 GMT", "Complaint", 1) + "<item>");
        int requestsBefore = SERVER.requests(xmlPath);
        SERVER.serve(xmlPath, newer);
        await(() -> count("select count(*) from filings") >= filings + 2, "the two new items");
        await(() -> SERVER.requests(xmlPath) >= requestsBefore + 3, "two more polls");
        assertThat(count("select count(*) from filings")).isEqualTo(filings + 2);
        assertThat(count("select count(*) from events")).isEqualTo(events + 2);
        assertThat(count("select count(*) from filings where case_id = " + caseIds.get(first)
                        + " and entry_number = 88"))
                .isEqualTo(1);
        assertThat(count("select count(*) from cases where court_id = '" + court + "'"))
                .isEqualTo(tracked.size());
        List<Receiver.Hit> hits = RECEIVER.await(h -> h.path().equals("/" + court), total + 2, WAIT);
        sleep(1000);
        hits = RECEIVER.hits(h -> h.path().equals("/" + court));
        assertThat(hits).hasSize(total + 2);
        assertThat(new HashSet<>(hits.stream().map(Receiver.Hit::id).toList())).hasSize(total + 2);
    }

    @Test
    void aGarbageFeedRecordsItsErrorBacksOffAndDoesNotStopAnother() {
        court("nyedg");
        String tracked = OWN.tracked().get(0);
        api.post(
                        "/api/v1/cases",
                        editor,
                        Map.of(
                                "court",
                                "nyedg",
                                "docket_number",
                                tracked,
                                "caption",
                                "Tracked",
                                "filed_on",
                                "2015-01-02"))
                .expect(201);
        SERVER.serve("/garbage.xml", "<html><body>Service unavailable <<<&&&".getBytes(), "text/html");
        SERVER.serve("/good.xml", OWN.file().text());
        JsonNode bad = api.post("/api/v1/courts/nyedg/feeds", editor, Map.of("url", SERVER.url("/garbage.xml")))
                .expect(201)
                .json();
        JsonNode good = api.post("/api/v1/courts/nyedg/feeds", editor, Map.of("url", SERVER.url("/good.xml")))
                .expect(201)
                .json();
        String badPath = "/api/v1/courts/nyedg/feeds/" + bad.get("id").asText();
        String goodPath = "/api/v1/courts/nyedg/feeds/" + good.get("id").asText();

        await(
                () -> api.get(badPath, reporter)
                                .json()
                                .get("consecutive_failures")
                                .asInt()
                        >= 2,
                "two failures of the garbage feed");
        JsonNode b = api.get(badPath, reporter).json();
        assertThat(b.get("last_error").asText()).contains("not an RSS or Atom feed");
        assertThat(b.get("last_success_at").isNull()).isTrue();
        java.time.Instant lastPoll =
                java.time.Instant.parse(b.get("last_poll_at").asText());
        java.time.Instant next = java.time.Instant.parse(b.get("next_poll_at").asText());
        assertThat(Duration.between(lastPoll, next))
                .as("back-off doubles the 1 s interval per failure")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(4));

        int goodBefore = SERVER.requests("/good.xml");
        await(() -> SERVER.requests("/good.xml") >= goodBefore + 2, "the good feed polled on");
        JsonNode g = api.get(goodPath, reporter).json();
        assertThat(g.get("last_error").isNull()).isTrue();
        assertThat(g.get("consecutive_failures").asInt()).isZero();
        assertThat(count("select count(*) from filings f join cases c on c.id = f.case_id where c.court_id = 'nyedg'"))
                .isEqualTo(distinctItems(OWN.file().text()).get(tracked).size());

        // A feed that is gone answers 404: an error too, with the status.
        SERVER.serve("/gone.xml", new byte[0], "text/plain");
        JsonNode gone = api.post("/api/v1/courts/nyedg/feeds", editor, Map.of("url", SERVER.url("/missing.xml")))
                .expect(201)
                .json();
        String gonePath = "/api/v1/courts/nyedg/feeds/" + gone.get("id").asText();
        await(
                () -> api.get(gonePath, reporter)
                                .json()
                                .get("consecutive_failures")
                                .asInt()
                        >= 1,
                "the 404 recorded");
        assertThat(api.get(gonePath, reporter).json().get("last_error").asText())
                .isEqualTo("HTTP 404");
        assertThat(api.get(gonePath, reporter).json().get("last_status").asInt())
                .isEqualTo(404);

        assertThat(api.get("/api/v1/courts/nyedg/feeds", reporter)
                        .expect(200)
                        .json()
                        .get("data"))
                .hasSize(3);
        api.delete(gonePath, editor).expect(204);
        api.delete(gonePath, editor).problem(404);
        assertThat(api.get("/api/v1/courts/nyedg/feeds", reporter).json().get("data"))
                .hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feeds")
    void aTrackAllFeedCreatesEveryCaseItNamesAndNoOther(Feed source) throws Exception {
        String court = source.court() + "a";
        String xmlPath = "/" + court + ".xml";
        court(court);
        SERVER.serve(xmlPath, source.file().text());
        JsonNode feed = api.post(
                        "/api/v1/courts/" + court + "/feeds",
                        editor,
                        Map.of("url", SERVER.url(xmlPath), "track_all", true))
                .expect(201)
                .json();
        assertThat(feed.get("track_all").asBoolean()).isTrue();
        String path = "/api/v1/courts/" + court + "/feeds/" + feed.get("id").asText();
        await(() -> !api.get(path, reporter).json().get("last_success_at").isNull(), "the first poll");

        Set<String> ours = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(
                        APP.getConfiguration().getDatabase().getUrl());
                ResultSet r = c.createStatement()
                        .executeQuery("select docket_number from cases where court_id = '" + court + "'")) {
            while (r.next()) {
                ours.add(r.getString(1));
            }
        }
        assertThat(ours).isEqualTo(new TreeSet<>(source.dockets()));
        Map<String, Set<String>> expected = distinctItems(source.file().text());
        int total = expected.values().stream().mapToInt(Set::size).sum();
        assertThat(count("select count(*) from filings f join cases c on c.id = f.case_id where c.court_id = '" + court
                        + "'"))
                .isEqualTo(total);
        assertThat(api.get(path, reporter).json().get("last_new_filings").asInt())
                .isEqualTo(total);
    }

    @Test
    void registrationIsCheckedAndNeedsAnEditor() {
        court("nyedr");
        String feeds = "/api/v1/courts/nyedr/feeds";
        api.post(feeds, reporter, Map.of("url", SERVER.url("/x.xml"))).problem(403);
        api.post(feeds, editor, Map.of()).problem(422);
        api.post(feeds, editor, Map.of("url", "ftp://example.org/feed")).problem(422);
        api.post(feeds, editor, Map.of("url", "http://127.0.0.1:9/rss")).problem(422);
        api.post(feeds, editor, Map.of("url", SERVER.url("/x.xml"), "bogus", 1)).problem(422);
        api.post("/api/v1/courts/nowhere/feeds", editor, Map.of("url", SERVER.url("/x.xml")))
                .problem(404);
        api.get("/api/v1/courts/nowhere/feeds", reporter).problem(404);
        api.post(feeds, editor, Map.of("url", SERVER.url("/x.xml"))).expect(201);
        api.post(feeds, editor, Map.of("url", SERVER.url("/x.xml"))).problem(409);
        api.delete(feeds + "/1", reporter).problem(403);
        api.get(feeds + "/abc", reporter).problem(404);
    }

    /** Per docket number, the distinct items: by entry number when linked, else by time and event name. */
    static Map<String, Set<String>> distinctItems(String xml) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Matcher items = ITEM.matcher(xml);
        while (items.find()) {
            String item = items.group(1);
            Matcher t = TITLE.matcher(item);
            Matcher p = PUB.matcher(item);
            Matcher d = DESC.matcher(item);
            if (!t.find() || !p.find() || !d.find()) {
                continue;
            }
            Matcher n = NUMBER.matcher(item);
            String key = n.find() ? "#" + n.group(1) : p.group(1) + "|" + d.group(1);
            out.computeIfAbsent(t.group(1), k -> new HashSet<>()).add(key);
        }
        return out;
    }

    static String item(String title, String pubDate, String event, Integer number) {
        String link = number == null
                ? ""
                : " (<a href=\"https://ecf.nyed.uscourts.gov/cgi-bin/show_case_doc?" + number + ",999999,,,\">" + number
                        + "</a>)";
        return "<item><title><![CDATA[" + title + " Test v. Case]]></title><pubDate>" + pubDate
                + "</pubDate><author></author>"
                + "<guid isPermaLink=\"true\">https://ecf.nyed.uscourts.gov/cgi-bin/DktRpt.pl?999999</guid>"
                + "<description><![CDATA[[" + event + "] Test v. Case" + link + "]]></description>"
                + "<link>https://ecf.nyed.uscourts.gov/cgi-bin/DktRpt.pl?999999</link></item>";
    }

    static void court(String id) {
        court(api, editor, id);
    }

    static void court(Api api, String editor, String id) {
        api.post(
                        "/api/v1/courts",
                        editor,
                        Map.of(
                                "id",
                                id,
                                "name",
                                "E.D.N.Y. " + id,
                                "jurisdiction",
                                "federal",
                                "timezone",
                                "America/New_York"))
                .expect(201);
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("Timed out waiting for " + what);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long count(String sql) {
        try (Connection c = DriverManager.getConnection(
                        APP.getConfiguration().getDatabase().getUrl());
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
