package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.EventLog;
import com.docketwatch.support.Key;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Docket entries: creation, uniqueness of entry numbers, per-case lists, full-text search and filing.created. */
@DocketWatchIT
class FilingsIT {
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create();

    @Client
    static Api api;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    @Court
    static String court;

    @Test
    void createdFilingHasLocationAndCanBeFetched() {
        String id = api.newCase(editor, court);
        String musk = party(id, "Elon Musk", "plaintiff");
        Api.Resp r = api.post(
                        filings(id),
                        editor,
                        Map.of(
                                "entry_number",
                                1,
                                "filed_on",
                                "2024-08-05",
                                "kind",
                                "complaint",
                                "title",
                                "Complaint against Samuel Altman, OpenAI, Inc.",
                                "description",
                                "Filed by Elon Musk. (Filing fee $405)",
                                "filed_by",
                                musk,
                                "document_url",
                                "https://storage.courtlistener.com/recap/gov.uscourts.cand.433688.1.0.pdf"))
                .expect(201);
        JsonNode f = r.json();
        String filingId = f.get("id").asText();
        assertThat(r.header("Location")).endsWith("/api/v1/cases/" + id + "/filings/" + filingId);
        assertThat(f.get("case_id").asText()).isEqualTo(id);
        assertThat(f.get("entry_number").asInt()).isEqualTo(1);
        assertThat(f.get("filed_on").asText()).isEqualTo("2024-08-05");
        assertThat(f.get("kind").asText()).isEqualTo("complaint");
        assertThat(f.get("title").asText()).isEqualTo("Complaint against Samuel Altman, OpenAI, Inc.");
        assertThat(f.get("description").asText()).isEqualTo("Filed by Elon Musk. (Filing fee $405)");
        assertThat(f.get("filed_by").asText()).isEqualTo(musk);
        assertThat(f.get("document_url").asText()).endsWith(".433688.1.0.pdf");

        assertThat(api.get(Api.pathOf(r.header("Location")), reporter)
                        .expect(200)
                        .json())
                .isEqualTo(f);
        String other = api.newCase(editor, court);
        api.get(filings(other) + "/" + filingId, reporter).problem(404);
        api.get(filings(id) + "/987654321", reporter).problem(404);
        api.get(filings("999999"), reporter).problem(404);
    }

    @Test
    void duplicateEntryNumberInACaseIs409ButOtherCasesAndUnnumberedEntriesAreFine() {
        String id = api.newCase(editor, court);
        String other = api.newCase(editor, court);
        api.post(
                        filings(id),
                        editor,
                        Map.of(
                                "entry_number",
                                12,
                                "filed_on",
                                "2024-09-01",
                                "kind",
                                "motion",
                                "title",
                                "Motion to dismiss"))
                .expect(201);
        String marker = events().lastId();
        api.post(
                        filings(id),
                        editor,
                        Map.of(
                                "entry_number",
                                12,
                                "filed_on",
                                "2024-09-02",
                                "kind",
                                "opposition",
                                "title",
                                "Opposition"))
                .problem(409);
        assertThat(events().ofCase(marker, id)).isEmpty();
        assertThat(caseFilings(id, "")).hasSize(1);

        api.post(
                        filings(other),
                        editor,
                        Map.of(
                                "entry_number",
                                12,
                                "filed_on",
                                "2024-09-02",
                                "kind",
                                "opposition",
                                "title",
                                "Opposition"))
                .expect(201);
        JsonNode a = api.post(
                        filings(id),
                        editor,
                        Map.of("filed_on", "2024-09-03", "kind", "notice", "title", "Clerk's notice"))
                .expect(201)
                .json();
        JsonNode b = api.post(
                        filings(id),
                        editor,
                        Map.of("filed_on", "2024-09-03", "kind", "notice", "title", "Clerk's notice"))
                .expect(201)
                .json();
        assertThat(a.get("entry_number").isNull()).isTrue();
        assertThat(b.get("entry_number").isNull()).isTrue();
        assertThat(a.get("id").asText()).isNotEqualTo(b.get("id").asText());
        assertThat(caseFilings(id, "")).hasSize(3);
        assertThat(caseFilings(other, "")).hasSize(1);
    }

    @Test
    void filedByMustBeAPartyOfTheCase() {
        String id = api.newCase(editor, court);
        String other = api.newCase(editor, court);
        String foreign = party(other, "Globex LLC", "defendant");
        for (String filedBy : List.of(foreign, "987654321", "globex")) {
            JsonNode p = api.post(
                            filings(id),
                            editor,
                            Map.of("filed_on", "2024-09-01", "kind", "answer", "title", "Answer", "filed_by", filedBy))
                    .problem(422);
            assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("filed_by");
        }
        assertThat(caseFilings(id, "")).isEmpty();
        String mine = party(id, "Initech", "defendant");
        JsonNode ok = api.post(
                        filings(id),
                        editor,
                        Map.of("filed_on", "2024-09-01", "kind", "answer", "title", "Answer", "filed_by", mine))
                .expect(201)
                .json();
        assertThat(ok.get("filed_by").asText()).isEqualTo(mine);
    }

    @Test
    void invalidFilingsAre422AndCreateNothing() {
        String id = api.newCase(editor, court);
        assertField(
                api.post(filings(id), editor, Map.of("filed_on", "2024-09-01", "kind", "brief", "title", "Brief")),
                "kind");
        assertField(api.post(filings(id), editor, Map.of("filed_on", "2024-09-01", "title", "No kind")), "kind");
        assertField(api.post(filings(id), editor, Map.of("filed_on", "2024-09-01", "kind", "order")), "title");
        assertField(
                api.post(filings(id), editor, Map.of("filed_on", "2024-09-01", "kind", "order", "title", "  ")),
                "title");
        assertField(api.post(filings(id), editor, Map.of("kind", "order", "title", "Order")), "filed_on");
        assertField(
                api.post(filings(id), editor, Map.of("filed_on", "09/01/2024", "kind", "order", "title", "Order")),
                "filed_on");
        assertField(
                api.post(
                        filings(id),
                        editor,
                        Map.of("entry_number", 0, "filed_on", "2024-09-01", "kind", "order", "title", "Order")),
                "entry_number");
        assertField(
                api.post(
                        filings(id),
                        editor,
                        Map.of(
                                "filed_on",
                                "2024-09-01",
                                "kind",
                                "order",
                                "title",
                                "Order",
                                "document_url",
                                "ftp://example.com/x.pdf")),
                "document_url");
        api.post(filings(id), reporter, Map.of("filed_on", "2024-09-01", "kind", "order", "title", "Order"))
                .problem(403);
        api.post(filings("999999"), editor, Map.of("filed_on", "2024-09-01", "kind", "order", "title", "Order"))
                .problem(404);
        assertThat(caseFilings(id, "")).isEmpty();
    }

    @Test
    void caseListIsNewestFirstWithKindAndStrictDateFilters() {
        String id = api.newCase(editor, court);
        String complaint = filing(id, 1, "2024-02-29", "complaint", "Complaint");
        String motion = filing(id, 10, "2024-03-15", "motion", "Motion to dismiss");
        String order = filing(id, 20, "2024-05-01", "order", "Order granting motion to dismiss");
        String motion2 = filing(id, 15, "2024-04-01", "motion", "Motion for sanctions");
        String notice = filing(id, 16, "2024-04-01", "notice", "Notice of appearance");

        assertThat(caseFilings(id, "")).containsExactly(order, notice, motion2, motion, complaint);
        assertThat(caseFilings(id, "kind=motion")).containsExactly(motion2, motion);
        assertThat(caseFilings(id, "filed_after=2024-03-15")).containsExactly(order, notice, motion2);
        assertThat(caseFilings(id, "filed_before=2024-04-01")).containsExactly(motion, complaint);
        assertThat(caseFilings(id, "filed_after=2024-02-29&filed_before=2024-05-01"))
                .containsExactly(notice, motion2, motion);
        assertThat(caseFilings(id, "kind=motion&filed_after=2024-03-15")).containsExactly(motion2);
        assertThat(caseFilings(id, "kind=judgment")).isEmpty();
        api.get(filings(id) + "?kind=brief", reporter).problem(400);
        api.get(filings(id) + "?filed_after=March", reporter).problem(400);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(filings(id) + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), reporter)
                    .expect(200)
                    .json();
            seen.addAll(Api.texts(page.get("data"), "id"));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asText();
        } while (cursor != null);
        assertThat(seen).containsExactly(order, notice, motion2, motion, complaint);
    }

    @Test
    void searchRanksATitleMatchAboveADescriptionOnlyMatch() {
        String c = api.court(editor);
        String id = api.newCase(editor, c);
        // created first, so that with equal ranks the newer id (the description match) would come first
        String inTitle =
                filing(id, null, "2024-01-10", "motion", "Motion to compel arbitration", "Noticed for March 3");
        String inDescription = filing(
                id,
                null,
                "2024-01-11",
                "other",
                "Declaration of Jane Roe",
                "In support of the motion to compel arbitration");
        filing(id, null, "2024-01-12", "other", "Certificate of service", "Served by mail");

        assertThat(search("q=arbitration&court=" + c)).containsExactly(inTitle, inDescription);
        assertThat(search("q=" + enc("compel arbitration") + "&court=" + c)).containsExactly(inTitle, inDescription);
        assertThat(search("q=roe&court=" + c)).containsExactly(inDescription);
        assertThat(search("q=roe")).containsExactly(inDescription);
    }

    @Test
    void searchUnderstandsPhrasesExclusionsAndStemming() {
        String c = api.court(editor);
        String id = api.newCase(editor, c);
        String phrase = filing(id, null, "2024-02-01", "motion", "Motion for preliminary injunction", null);
        String apart = filing(
                id,
                null,
                "2024-02-02",
                "opposition",
                "Opposition to injunction",
                "Preliminary statement: plaintiffs cannot show irreparable harm");
        String permanent = filing(id, null, "2024-02-03", "judgment", "Permanent injunction entered", null);
        String dismissed = filing(id, null, "2024-02-04", "order", "Order: case dismissed without prejudice", null);
        String withdrawal = filing(id, null, "2024-02-05", "notice", "Notice of withdrawal of counsel", null);

        assertThat(search("q=" + enc("\"preliminary injunction\"") + "&court=" + c))
                .containsExactly(phrase);
        assertThat(search("q=" + enc("preliminary injunction") + "&court=" + c))
                .containsExactlyInAnyOrder(phrase, apart);
        assertThat(search("q=" + enc("injunction -preliminary") + "&court=" + c))
                .containsExactly(permanent);
        assertThat(search("q=" + enc("injunction or dismissed") + "&court=" + c))
                .containsExactlyInAnyOrder(phrase, apart, permanent, dismissed);
        assertThat(search("q=dismissing&court=" + c)).containsExactly(dismissed);
        assertThat(search("q=injunctions&court=" + c)).containsExactlyInAnyOrder(phrase, apart, permanent);
        assertThat(search("q=DISMISSAL&court=" + c)).containsExactly(dismissed);
        assertThat(search("q=withdrawing&court=" + c)).containsExactly(withdrawal);
        assertThat(search("q=the&court=" + c)).isEmpty();
        assertThat(search("q=" + enc("\"unbalanced quote -") + "&court=" + c)).isEmpty();
    }

    @Test
    void searchCombinesTextWithCourtCaseKindAndDateFilters() {
        String c1 = api.court(editor);
        String c2 = api.court(editor);
        String a = api.newCase(editor, c1);
        String b = api.newCase(editor, c1);
        String elsewhere = api.newCase(editor, c2);
        String aMotion =
                filing(a, null, "2024-06-01", "motion", "Motion for summary judgment on antitrust claims", null);
        String aOrder = filing(a, null, "2024-07-01", "order", "Order denying summary judgment", null);
        String bMotion = filing(b, null, "2024-06-15", "motion", "Cross-motion for summary judgment", null);
        String farMotion = filing(elsewhere, null, "2024-06-20", "motion", "Motion for summary judgment", null);
        String seal = filing(a, null, "2024-06-02", "motion", "Motion to seal", null);

        String q = "q=" + enc("summary judgment");
        assertThat(search(q + "&court=" + c1)).containsExactlyInAnyOrder(aMotion, aOrder, bMotion);
        assertThat(search(q + "&court=" + c2)).containsExactly(farMotion);
        assertThat(search(q + "&case_id=" + a)).containsExactlyInAnyOrder(aMotion, aOrder);
        assertThat(search(q + "&court=" + c1 + "&kind=motion")).containsExactlyInAnyOrder(aMotion, bMotion);
        assertThat(search(q + "&case_id=" + a + "&kind=order")).containsExactly(aOrder);
        assertThat(search(q + "&court=" + c1 + "&filed_after=2024-06-01")).containsExactlyInAnyOrder(aOrder, bMotion);
        assertThat(search(q + "&court=" + c1 + "&filed_before=2024-07-01&kind=motion"))
                .containsExactlyInAnyOrder(aMotion, bMotion);
        assertThat(search(q + "&court=" + c2 + "&case_id=" + a)).isEmpty();
        assertThat(search("court=" + c1 + "&kind=motion")).containsExactly(bMotion, seal, aMotion);
        api.get("/api/v1/filings?case_id=abc", reporter).problem(400);
        api.get("/api/v1/filings?kind=brief&q=x", reporter).problem(400);
    }

    @Test
    void searchPaginationVisitsEveryHitExactlyOnceInRankOrder() {
        String c = api.court(editor);
        String a = api.newCase(editor, c);
        String b = api.newCase(editor, c);
        List<String> hits = new ArrayList<>();
        hits.add(filing(a, null, "2024-01-01", "motion", "Motion for spoliation sanctions", "Spoliation of evidence"));
        hits.add(filing(a, null, "2024-01-02", "other", "Exhibit A", "Emails relevant to spoliation"));
        hits.add(filing(b, null, "2024-01-03", "order", "Order on spoliation", null));
        hits.add(filing(b, null, "2024-01-04", "other", "Exhibit B", "Emails relevant to spoliation"));
        hits.add(filing(a, null, "2024-01-05", "reply", "Reply re spoliation", "Spoliation spoliation spoliation"));
        hits.add(filing(b, null, "2024-01-06", "other", "Exhibit C", "Emails relevant to spoliation"));
        hits.add(filing(a, null, "2024-01-07", "order", "Order on spoliation", null));
        hits.add(filing(
                b, null, "2024-01-08", "transcript", "Hearing transcript", "Argument on spoliation and sanctions"));
        filing(a, null, "2024-01-09", "other", "Exhibit D", "Unrelated emails");

        List<String> all = search("q=spoliation&court=" + c);
        assertThat(all).containsExactlyInAnyOrderElementsOf(hits);

        for (int limit : List.of(1, 2, 3)) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = api.get(
                                "/api/v1/filings?q=spoliation&court=" + c + "&limit=" + limit
                                        + (cursor == null ? "" : "&cursor=" + cursor),
                                reporter)
                        .expect(200)
                        .json();
                assertThat(page.get("data").size()).isLessThanOrEqualTo(limit);
                seen.addAll(Api.texts(page.get("data"), "id"));
                cursor = page.get("next_cursor").isNull()
                        ? null
                        : page.get("next_cursor").asText();
                assertThat(++pages).isLessThanOrEqualTo(hits.size());
            } while (cursor != null);
            assertThat(seen).as("limit %d", limit).containsExactlyElementsOf(all);
        }
    }

    @Test
    void searchRanksTheNewestTwoHundredMatchesAndKeepsThatWindowAcrossPages() {
        String c = api.court(editor);
        String a = api.newCase(editor, c);
        List<String> byAge = new ArrayList<>(); // oldest first
        for (int i = 0; i < 205; i++) {
            byAge.add(filing(
                    a, null, LocalDate.of(2020, 1, 1).plusDays(i).toString(), "other", "Exhibit on quuxination " + i));
        }
        String q = "/api/v1/filings?q=quuxination&court=" + c + "&limit=60";
        JsonNode first = api.get(q, reporter).expect(200).json();
        List<String> seen = new ArrayList<>(Api.texts(first.get("data"), "id"));
        // Filed after the first page: newer than the window's floor, so it does not push the floor out.
        filing(a, null, "2021-12-31", "other", "Late exhibit on quuxination");
        String cursor = first.get("next_cursor").asText();
        while (cursor != null) {
            JsonNode page =
                    api.get(q + "&cursor=" + cursor, reporter).expect(200).json();
            seen.addAll(Api.texts(page.get("data"), "id"));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asText();
        }
        List<String> newest = byAge.subList(5, 205);
        assertThat(seen).doesNotHaveDuplicates().containsAll(newest).doesNotContainAnyElementsOf(byAge.subList(0, 5));
        // Older entries are reached by narrowing the search.
        assertThat(search("q=quuxination&court=" + c + "&filed_before=2020-01-06"))
                .containsExactlyInAnyOrderElementsOf(byAge.subList(0, 5));
    }

    @Test
    void creatingAFilingRaisesFilingCreatedCarryingTheFiling() {
        String id = api.newCase(editor, court);
        String marker = events().lastId();
        JsonNode f = api.post(
                        filings(id),
                        editor,
                        Map.of(
                                "entry_number",
                                7,
                                "filed_on",
                                "2024-10-01",
                                "kind",
                                "order",
                                "title",
                                "Scheduling order",
                                "description",
                                "Trial set for 2026"))
                .expect(201)
                .json();
        api.post(
                        filings(id),
                        editor,
                        Map.of("entry_number", 7, "filed_on", "2024-10-01", "kind", "order", "title", "Duplicate"))
                .problem(409);
        List<JsonNode> events = events().ofCase(marker, id);
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("filing.created");
        JsonNode e = events.get(0);
        assertThat(e.get("case_id").asText()).isEqualTo(id);
        assertThat(e.hasNonNull("occurred_at")).isTrue();
        assertThat(e.get("data")).isEqualTo(f);
        assertThat(e.get("data").get("title").asText()).isEqualTo("Scheduling order");
        assertThat(e.get("data").get("entry_number").asInt()).isEqualTo(7);
    }

    @Test
    void nulCharactersAndDatesBeyondTheDatabaseRangeAre422NotServerErrors() {
        String id = api.newCase(editor, court);
        String marker = events().lastId();
        api.post(
                        filings(id),
                        editor,
                        Map.of("filed_on", "2024-09-01", "kind", "order", "title", "Order \u0000 granting"))
                .problem(422);
        api.post(
                        filings(id),
                        editor,
                        Map.of(
                                "filed_on",
                                "2024-09-01",
                                "kind",
                                "order",
                                "title",
                                "Order",
                                "description",
                                "nul \u0000 inside"))
                .problem(422);
        api.post(filings(id), editor, Map.of("filed_on", "+6000000-01-01", "kind", "order", "title", "Order"))
                .problem(422);
        assertThat(caseFilings(id, "")).isEmpty();
        assertThat(events().ofCase(marker, id)).isEmpty();
        // Query parameters the service cannot use are malformed parameters: 400, like every bad filter.
        api.get(filings(id) + "?filed_after=" + enc("+6000000-01-01"), reporter).problem(400);
        api.get("/api/v1/filings?q=" + enc("order \u0000 granting"), reporter).problem(400);
    }

    // --- helpers ---

    private static String filings(String caseId) {
        return "/api/v1/cases/" + caseId + "/filings";
    }

    private static String filing(String caseId, Integer entry, String filedOn, String kind, String title) {
        return filing(caseId, entry, filedOn, kind, title, null);
    }

    private static String filing(
            String caseId, Integer entry, String filedOn, String kind, String title, String description) {
        Map<String, Object> body = new HashMap<>(Map.of("filed_on", filedOn, "kind", kind, "title", title));
        if (entry != null) {
            body.put("entry_number", entry);
        }
        if (description != null) {
            body.put("description", description);
        }
        return api.post(filings(caseId), editor, body)
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private static String party(String caseId, String name, String role) {
        return api.post("/api/v1/cases/" + caseId + "/parties", editor, Map.of("name", name, "role", role))
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private static List<String> caseFilings(String caseId, String query) {
        JsonNode page = api.get(filings(caseId) + "?limit=500&" + query, reporter)
                .expect(200)
                .json();
        assertThat(page.get("next_cursor").isNull()).isTrue();
        return Api.texts(page.get("data"), "id");
    }

    private static List<String> search(String query) {
        JsonNode page = api.get("/api/v1/filings?limit=500&" + query, reporter)
                .expect(200)
                .json();
        assertThat(page.get("next_cursor").isNull()).isTrue();
        return Api.texts(page.get("data"), "id");
    }

    private static void assertField(Api.Resp r, String field) {
        JsonNode p = r.problem(422);
        assertThat(Api.texts(p.get("errors"), "field")).contains(field);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static EventLog events() {
        return EventLog.of(APP, api, reporter);
    }
}
