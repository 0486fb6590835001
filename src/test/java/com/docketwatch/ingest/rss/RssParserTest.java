package com.docketwatch.ingest.rss;

import com.docketwatch.ingest.DocketPlan;
import com.docketwatch.ingest.PartyRoles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.docketwatch.ingest.Docket;
import com.docketwatch.support.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The E.D.N.Y. feed (juriscraper's nyed_1.xml) read into docket stubs, and what is not a feed. */
class RssParserTest {
    @Test
    void theRealFeedGivesOneStubPerCaseWithoutJudgesInitials() throws Exception {
        byte[] xml = Files.readAllBytes(Fixtures.file("juriscraper__rss__nyed_1.xml"));
        RssParser.Parsed parsed = RssParser.parse(xml, "nyed");
        assertThat(parsed.items()).isEqualTo(432);
        assertThat(parsed.unreadable()).isZero();
        assertThat(parsed.dockets()).hasSize(331);
        assertThat(parsed.dockets().stream().mapToInt(d -> d.docketEntries().size()).sum()).isEqualTo(432);

        Docket first = parsed.dockets().get(0);
        assertThat(first.courtId()).isEqualTo("nyed");
        assertThat(first.docketNumber()).isEqualTo("1:17-cr-00554");
        assertThat(first.caseName()).isEqualTo("USA v. Shargorodskaya");
        assertThat(first.pacerCaseId()).isEqualTo("408124");
        Docket.Entry e = first.docketEntries().get(0);
        assertThat(e.shortDescription()).isEqualTo("Order");
        assertThat(e.documentNumber()).isNull();
        assertThat(e.dateFiled()).isEqualTo("2018-05-22T22:10:04Z");

        Docket crossclaim = parsed.dockets().stream().filter(d -> d.docketNumber().equals("2:17-cv-04327")).findFirst().orElseThrow();
        assertThat(crossclaim.docketEntries().get(0).documentNumber()).isEqualTo("63");
        assertThat(crossclaim.docketEntries().get(0).shortDescription()).isEqualTo("Crossclaim");
    }

    @Test
    void feedStubsPlanLikeDocketsAndRepeatedItemsCollapse() throws Exception {
        byte[] xml = Files.readAllBytes(Fixtures.file("juriscraper__rss__nyed_1.xml"));
        Docket dmj = RssParser.parse(xml, "nyed").dockets().stream()
                .filter(d -> d.docketNumber().equals("1:97-cv-07285")).findFirst().orElseThrow();
        DocketPlan plan = DocketPlan.of(dmj, c -> ZoneId.of("America/New_York"));
        assertThat(plan.entries().size() + plan.skipped().size()).isEqualTo(dmj.docketEntries().size());
        assertThat(plan.skipped()).allSatisfy(s -> assertThat(s.reason()).startsWith("repeats"));
        assertThat(plan.entries()).allSatisfy(e -> assertThat(e.filedOn()).hasToString("2018-05-22"));
        assertThat(plan.kase().filedOn()).hasToString("2018-05-22");
    }

    @Test
    void htmlIsNotAFeed() {
        assertThatThrownBy(() -> RssParser.parse("<html><body>Service unavailable".getBytes(StandardCharsets.UTF_8), "nyed"))
                .isInstanceOf(RssParser.NotAFeed.class).hasMessageContaining("not an RSS or Atom feed");
    }

    @Test
    void anExternalEntityIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>";
        assertThatThrownBy(() -> RssParser.parse(xxe.getBytes(StandardCharsets.UTF_8), "nyed")).isInstanceOf(RssParser.NotAFeed.class);
    }

    @Test
    void partyTypesMapToRolesByTheirFirstWord() {
        assertThat(List.of("Plaintiff", "Defendant\u00a0-\u00a0Appellant", "Amicus\u00a0Curiae", "Intervenor - Pending",
                "Petitioner", "Respondent", "Interested Party", "").stream().map(PartyRoles::of).toList())
                .containsExactly("plaintiff", "defendant", "amicus", "intervenor", "plaintiff", "defendant", "third_party",
                        "third_party");
    }

    @Test
    void titlesAreTheFirstSentenceAndFirmsTheFirstLineThatIsNotAnAddress() {
        assertThat(DocketPlan.title(null, "MINUTE ORDER. Pursuant to the discovery hearing held on August 19, 2021", 1))
                .isEqualTo("MINUTE ORDER");
        assertThat(DocketPlan.title(null, "COMPLAINT against GOOGLE LLC filed by UNITED STATES OF AMERICA. (Attachments: # 1)", 1))
                .isEqualTo("COMPLAINT against GOOGLE LLC filed by UNITED STATES OF AMERICA");
        assertThat(DocketPlan.title("Order", null, null)).isEqualTo("Order");
        assertThat(DocketPlan.title(null, null, 7)).isEqualTo("Docket entry 7");
        assertThat(DocketPlan.title(null, "x".repeat(1000), 1)).hasSize(DocketPlan.MAX_TITLE);
        assertThat(DocketPlan.firm("Law Offices of Wayne Kreger\n100 Wilshire Blvd\nSanta Monica, CA 90401")).isEqualTo("Law Offices of Wayne Kreger");
        assertThat(DocketPlan.firm("785/E2 Oak Grove Road, #201\nConcord, CA 94518")).isNull();
        assertThat(DocketPlan.firm(null)).isNull();
    }
}
