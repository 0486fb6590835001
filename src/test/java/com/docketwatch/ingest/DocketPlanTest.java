package com.docketwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.docketwatch.platform.errors.ApiException;
import com.docketwatch.platform.errors.FieldError;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a docket becomes before it touches the database: checked lengths and text, titles, firms, decoded text. */
class DocketPlanTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Docket docket(String caseName, List<Docket.Entry> entries, List<Docket.Party> parties) {
        return new Docket(
                "nysd",
                "1:24-cv-00001",
                caseName,
                "2024-01-02",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                entries,
                parties);
    }

    static Docket.Entry entry(String number, String description, String seq) {
        return new Docket.Entry(number, "2024-01-02", null, description, null, null, seq, null, null, null);
    }

    static DocketPlan plan(Docket d) {
        return DocketPlan.of(d, c -> NEW_YORK);
    }

    static List<String> refused(Docket d) {
        ApiException e = catchThrowableOfType(() -> plan(d), ApiException.class);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.status()).isEqualTo(422);
        return e.toProblem().errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aMiddleInitialOrAnAbbreviationDoesNotEndTheTitle() {
        assertThat(DocketPlan.title(
                        null,
                        "ORDER granting motion of Elon R. Musk to dismiss. Signed by Judge Yvonne Gonzalez Rogers.",
                        12))
                .isEqualTo("ORDER granting motion of Elon R. Musk to dismiss");
        assertThat(DocketPlan.title(null, "NOTICE of Appearance by U.S. Attorney for the Govt. Filed by USA.", 3))
                .isEqualTo("NOTICE of Appearance by U.S. Attorney for the Govt");
        assertThat(DocketPlan.title(null, "COMPLAINT against Acme Corp. et al. Filed by Jane Doe.", 1))
                .isEqualTo("COMPLAINT against Acme Corp. et al");
        assertThat(DocketPlan.title(null, "MINUTE ORDER. Status conference held.", null))
                .isEqualTo("MINUTE ORDER");
    }

    @Test
    void theFirmIsNotADirectPhoneLine() {
        assertThat(DocketPlan.firm("Direct: 415-591-7025\nCovington & Burling, LLP\n35th Floor\nOne Front Street"))
                .isEqualTo("Covington & Burling, LLP");
        assertThat(DocketPlan.firm("Direct: 512-936-1700\nOffice of Attorney General\nP.O. Box 12548"))
                .isEqualTo("Office of Attorney General");
        assertThat(DocketPlan.firm("Direct: 202-869-3434\n718 7th Street NW\nWashington, DC 20001"))
                .isNull();
        assertThat(DocketPlan.firm("(212) 555-0100\nEmail: a@b.example")).isNull();
        assertThat(DocketPlan.firm("Direct Action Legal Services\n1 Main St"))
                .isEqualTo("Direct Action Legal Services");
        assertThat(DocketPlan.firm("Wachtell, Lipton, Rosen & Katz\n51 West 52nd Street"))
                .isEqualTo("Wachtell, Lipton, Rosen & Katz");
    }

    @Test
    void recapCharacterReferencesAreDecodedButKeysReadTheTextAsGiven() {
        String raw = "Clerk&#039;s Notice; Filing fee &#036; 350.00 paid by AT&amp;T &#0; &bogus;";
        Docket d = docket(
                "AT&amp;T Corp. v. O&#039;Brien",
                List.of(new Docket.Entry(null, "2024-01-02", null, raw, null, null, null, null, null, null)),
                List.of(new Docket.Party(
                        "Sean O&#039;Brien",
                        "Defendant",
                        null,
                        null,
                        List.of(new Docket.Attorney("Ann O&#x27;Hara", "Smith &amp; Jones LLP\n1 Main St", null)))));
        DocketPlan p = plan(d);
        assertThat(p.kase().caption()).isEqualTo("AT&T Corp. v. O'Brien");
        DocketPlan.EntryIn e = p.entries().get(0);
        assertThat(e.description()).isEqualTo("Clerk's Notice; Filing fee $ 350.00 paid by AT&T &#0; &bogus;");
        assertThat(e.key()).isEqualTo("h:" + DocketPlan.digest("2024-01-02||" + raw));
        DocketPlan.PartyIn party = p.parties().get(0);
        assertThat(party.name()).isEqualTo("Sean O'Brien");
        assertThat(party.key()).isEqualTo("sean o&#039;brien|defendant#1");
        assertThat(party.counsel().get(0).name()).isEqualTo("Ann O'Hara");
        assertThat(party.counsel().get(0).firm()).isEqualTo("Smith & Jones LLP");
    }

    @Test
    void textAtTheLimitsIsAccepted() {
        Docket d = docket(
                "c".repeat(1000),
                List.of(entry(null, "word ".repeat(20_000).strip(), "9".repeat(100))),
                List.of(new Docket.Party("p".repeat(500), "t".repeat(100), "x".repeat(5000), null, List.of())));
        DocketPlan p = plan(d);
        assertThat(p.entries()).hasSize(1);
        assertThat(p.entries().get(0).key()).isEqualTo("s:" + "9".repeat(100));
    }

    @Test
    void overLongFieldsAre422NamingTheEntry() {
        List<Docket.Entry> entries = new ArrayList<>();
        entries.add(entry("1", "fine", null));
        entries.add(entry(null, "x".repeat(100_001), null));
        entries.add(entry(null, "fine", "9".repeat(101)));
        entries.add(new Docket.Entry(
                null, "2024-01-03", null, null, "s".repeat(2001), "d".repeat(101), null, null, null, null));
        Docket d = docket(
                "c".repeat(1001),
                entries,
                List.of(
                        new Docket.Party("ok", "Plaintiff", null, null, List.of()),
                        new Docket.Party(
                                "p".repeat(501),
                                "t".repeat(101),
                                "x".repeat(5001),
                                null,
                                List.of(new Docket.Attorney(
                                        "a".repeat(501), "c".repeat(5001), List.of("r".repeat(201)))))));
        assertThat(refused(d))
                .containsExactlyInAnyOrder(
                        "case_name",
                        "docket_entries[1].description",
                        "docket_entries[2].pacer_seq_no",
                        "docket_entries[3].short_description",
                        "docket_entries[3].pacer_doc_id",
                        "parties[1].name",
                        "parties[1].type",
                        "parties[1].extra_info",
                        "parties[1].attorneys[0].name",
                        "parties[1].attorneys[0].contact",
                        "parties[1].attorneys[0].roles[0]");
    }

    @Test
    void nulAndUnpairedSurrogatesAre422NamingTheField() {
        ObjectNode attachment = JsonNodeFactory.instance.objectNode().put("description", "Exhibit\u0000A");
        ObjectNode badKey = JsonNodeFactory.instance.objectNode().put("desc\ud800", "x");
        Docket d = new Docket(
                "nysd",
                "1:24-cv-\u000000001",
                "Doe v. \ud800Roe",
                "2024-01-02",
                null,
                "Judge\u0000",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                new Docket.OriginatingCourt("nysd", "1:20-cv-1\u0000", null, null, null, null),
                List.of("Judge \u0000One"),
                List.of(
                        new Docket.Entry(
                                null,
                                "2024-01-02",
                                null,
                                "text\u0000",
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of(attachment)),
                        new Docket.Entry(
                                null, "2024-01-03", null, "fine", null, null, null, null, null, List.of(badKey))),
                List.of(new Docket.Party("Ann \udc00", null, null, null, List.of())));
        assertThat(refused(d))
                .containsExactlyInAnyOrder(
                        "docket_number",
                        "case_name",
                        "assigned_to_str",
                        "originating_court_information.docket_number",
                        "panel[0]",
                        "docket_entries[0].description",
                        "docket_entries[0].attachments",
                        "docket_entries[1].attachments",
                        "parties[0].name");
    }
}
