package com.docketwatch.ingest.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.docketwatch.ingest.Docket;
import com.docketwatch.ingest.DocketPlan;
import com.docketwatch.ingest.PartyRoles;
import com.docketwatch.support.Fixtures;
import com.docketwatch.support.Fixtures.Fixture;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * E.D.N.Y. feeds (the project's own, and juriscraper's nyed_1.xml when present) read into docket stubs, and
 * what is not a feed.
 */
class RssParserTest {
    /** A case's stub as a reader of the feed sees it: its caption and PACER case id, and its first item. */
    record Stub(String docket, String caption, String caseId, String event, String number, String at) {}

    /** A case's items, {@code repeats} of them repeats the importer skips, all dated {@code on} in New York. */
    record Repeats(String docket, int repeats, String on) {}

    /** A feed, its item and case counts, its first stub, other stubs worth a look, a case with repeated items. */
    record Feed(Fixture file, int items, int cases, Stub first, List<Stub> others, Repeats repeats) {
        byte[] bytes() {
            return file.text().getBytes(StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return file.name();
        }
    }

    static List<Feed> feeds() {
        List<Feed> feeds = new ArrayList<>();
        feeds.add(new Feed(
                Fixtures.own("rss/nyed_sample.xml"),
                25,
                13,
                new Stub("1:24-cr-00077", "USA v. Delgado-Ruiz", "498211", "Order", null, "2024-03-15T02:10:04Z"),
                List.of(
                        new Stub(
                                "2:23-cv-01187",
                                "Ferrante v. The County of Suffolk et al",
                                "487716",
                                "Crossclaim",
                                "41",
                                "2024-03-14T21:25:52Z"),
                        new Stub(
                                "1:24-cv-01622",
                                "PE\u00d1A v. GOLDEN HARBOR DINER CORP. et al",
                                "498530",
                                "Complaint",
                                "1",
                                "2024-03-14T21:34:43Z")),
                new Repeats("1:23-cr-00418", 1, "2024-03-14")));
        Fixtures.real("juriscraper__rss__nyed_1.xml")
                .ifPresent(real -> feeds.add(new Feed(
                        real,
                        432,
                        331,
                        new Stub(
                                "1:17-cr-00554",
                                "USA v. Shargorodskaya",
                                "408124",
                                "Order",
                                null,
                                "2018-05-22T22:10:04Z"),
                        List.of(
                                new Stub(
                                        "2:17-cv-04327",
                                        "Mosca v. The City of New York et al",
                                        "404778",
                                        "Crossclaim",
                                        "63",
                                        "2018-05-22T21:25:52Z"),
                                new Stub(
                                        "1:18-cv-03026",
                                        "KIM v. MAEIL JANCHI, INC. et al",
                                        "417541",
                                        "Complaint",
                                        "1",
                                        "2018-05-22T21:34:43Z")),
                        new Repeats("1:97-cv-07285", 0, "2018-05-22"))));
        return feeds;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feeds")
    void aFeedGivesOneStubPerCaseWithoutJudgesInitials(Feed feed) throws Exception {
        RssParser.Parsed parsed = RssParser.parse(feed.bytes(), "nyed");
        assertThat(parsed.items()).isEqualTo(feed.items());
        assertThat(parsed.unreadable()).isZero();
        assertThat(parsed.dockets()).hasSize(feed.cases());
        assertThat(parsed.dockets().stream()
                        .mapToInt(d -> d.docketEntries().size())
                        .sum())
                .isEqualTo(feed.items());
        assertThat(parsed.dockets()).allSatisfy(d -> assertThat(d.courtId()).isEqualTo("nyed"));

        assertThat(parsed.dockets().get(0).docketNumber())
                .isEqualTo(feed.first().docket());
        for (Stub want : concat(feed.first(), feed.others())) {
            Docket d = parsed.dockets().stream()
                    .filter(x -> x.docketNumber().equals(want.docket()))
                    .findFirst()
                    .orElseThrow();
            Docket.Entry e = d.docketEntries().get(0);
            assertThat(new Stub(
                            d.docketNumber(),
                            d.caseName(),
                            d.pacerCaseId(),
                            e.shortDescription(),
                            e.documentNumber(),
                            e.dateFiled()))
                    .isEqualTo(want);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feeds")
    void feedStubsPlanLikeDocketsAndRepeatedItemsCollapse(Feed feed) throws Exception {
        Docket repeated = RssParser.parse(feed.bytes(), "nyed").dockets().stream()
                .filter(d -> d.docketNumber().equals(feed.repeats().docket()))
                .findFirst()
                .orElseThrow();
        DocketPlan plan = DocketPlan.of(repeated, c -> ZoneId.of("America/New_York"));
        assertThat(plan.entries().size() + plan.skipped().size())
                .isEqualTo(repeated.docketEntries().size());
        assertThat(plan.skipped())
                .hasSize(feed.repeats().repeats())
                .allSatisfy(s -> assertThat(s.reason()).startsWith("repeats"));
        assertThat(plan.entries())
                .allSatisfy(
                        e -> assertThat(e.filedOn()).hasToString(feed.repeats().on()));
        assertThat(plan.kase().filedOn()).hasToString(feed.repeats().on());
    }

    private static List<Stub> concat(Stub first, List<Stub> others) {
        List<Stub> all = new ArrayList<>(List.of(first));
        all.addAll(others);
        return all;
    }

    @Test
    void htmlIsNotAFeed() {
        assertThatThrownBy(() ->
                        RssParser.parse("<html><body>Service unavailable".getBytes(StandardCharsets.UTF_8), "nyed"))
                .isInstanceOf(RssParser.NotAFeed.class)
                .hasMessageContaining("not an RSS or Atom feed");
    }

    @Test
    void anExternalEntityIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>";
        assertThatThrownBy(() -> RssParser.parse(xxe.getBytes(StandardCharsets.UTF_8), "nyed"))
                .isInstanceOf(RssParser.NotAFeed.class);
    }

    @Test
    void partyTypesMapToRolesByTheirFirstWord() {
        assertThat(List.of(
                                "Plaintiff",
                                "Defendant\u00a0-\u00a0Appellant",
                                "Amicus\u00a0Curiae",
                                "Intervenor - Pending",
                                "Petitioner",
                                "Respondent",
                                "Interested Party",
                                "")
                        .stream()
                        .map(PartyRoles::of)
                        .toList())
                .containsExactly(
                        "plaintiff",
                        "defendant",
                        "amicus",
                        "intervenor",
                        "plaintiff",
                        "defendant",
                        "third_party",
                        "third_party");
    }

    @Test
    void titlesAreTheFirstSentenceAndFirmsTheFirstLineThatIsNotAnAddress() {
        assertThat(DocketPlan.title(null, "MINUTE ORDER. Pursuant to the discovery hearing held on August 19, 2021", 1))
                .isEqualTo("MINUTE ORDER");
        assertThat(DocketPlan.title(
                        null, "COMPLAINT against GOOGLE LLC filed by UNITED STATES OF AMERICA. (Attachments: # 1)", 1))
                .isEqualTo("COMPLAINT against GOOGLE LLC filed by UNITED STATES OF AMERICA");
        assertThat(DocketPlan.title("Order", null, null)).isEqualTo("Order");
        assertThat(DocketPlan.title(null, null, 7)).isEqualTo("Docket entry 7");
        assertThat(DocketPlan.title(null, "x".repeat(1000), 1)).hasSize(DocketPlan.MAX_TITLE);
        assertThat(DocketPlan.firm("Law Offices of Wayne Kreger\n100 Wilshire Blvd\nSanta Monica, CA 90401"))
                .isEqualTo("Law Offices of Wayne Kreger");
        assertThat(DocketPlan.firm("785/E2 Oak Grove Road, #201\nConcord, CA 94518"))
                .isNull();
        assertThat(DocketPlan.firm(null)).isNull();
    }

    @Test
    void anItemWithAnOverlongTitleIsLeftOutAndTheOthersOfItsCaseKept() throws Exception {
        String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + item("1:24-cv-00001-AB " + "Huge v. Caption ".repeat(100), "Order")
                + item("1:24-cv-00001-AB Small v. Caption", "Scheduling Order")
                + item("1:24-cv-00002 Other v. Case", "Complaint")
                + "</channel></rss>";
        RssParser.Parsed parsed = RssParser.parse(feed.getBytes(StandardCharsets.UTF_8), "nyed");
        assertThat(parsed.items()).isEqualTo(3);
        assertThat(parsed.unreadable()).isEqualTo(1);
        assertThat(parsed.problems())
                .singleElement()
                .asString()
                .contains("item 0 (1:24-cv-00001) skipped: its title is over 1000 characters");
        assertThat(parsed.dockets())
                .extracting(
                        Docket::docketNumber,
                        Docket::caseName,
                        d -> d.docketEntries().size())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1:24-cv-00001", "Small v. Caption", 1),
                        org.assertj.core.groups.Tuple.tuple("1:24-cv-00002", "Other v. Case", 1));
    }

    static String item(String title, String event) {
        return "<item><title><![CDATA[" + title + "]]></title><pubDate>Wed, 23 May 2018 14:01:00 GMT</pubDate>"
                + "<description><![CDATA[[" + event + "] x]]></description>"
                + "<link>https://ecf.nyed.uscourts.gov/cgi-bin/DktRpt.pl?1</link></item>";
    }
}
