package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.cases.CaseDao;
import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.Db;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@DocketWatchIT
class CasesIT {
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create();

    @Client
    static Api api;

    @Client
    static Db db;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    @Court
    static String court;

    @Test
    void createdCaseIsReturnedWithLocationAndDefaults() {
        Api.Resp r = api.post(
                        "/api/v1/cases",
                        editor,
                        Map.of(
                                "court",
                                court,
                                "docket_number",
                                "4:24-cv-04722-YGR",
                                "caption",
                                "Musk v. Altman",
                                "filed_on",
                                "2024-08-05",
                                "judge",
                                "Yvonne Gonzalez Rogers"))
                .expect(201);
        JsonNode c = r.json();
        assertThat(r.header("Location")).endsWith("/api/v1/cases/" + c.get("id").asText());
        assertThat(c.get("status").asText()).isEqualTo("open");
        assertThat(c.get("status_since").asText()).isEqualTo("2024-08-05");
        assertThat(c.get("parties")).isEmpty();
        assertThat(c.get("claims")).isEmpty();
        assertThat(c.get("next_hearing").isNull()).isTrue();
        assertThat(c.get("related_cases")).isEmpty();
        assertThat(c.hasNonNull("updated_at")).isTrue();

        JsonNode fetched = api.get(r.header("Location").replaceFirst("^https?://[^/]+", ""), reporter)
                .expect(200)
                .json();
        assertThat(fetched.get("caption").asText()).isEqualTo("Musk v. Altman");
    }

    @Test
    void duplicateDocketNumberInSameCourtIs409() {
        Map<String, String> body =
                Map.of("court", court, "docket_number", "3:99-cv-00001", "caption", "A v. B", "filed_on", "2020-01-01");
        api.post("/api/v1/cases", editor, body).expect(201);
        api.post("/api/v1/cases", editor, body).problem(409);
        String other = api.court(editor);
        api.post(
                        "/api/v1/cases",
                        editor,
                        Map.of(
                                "court",
                                other,
                                "docket_number",
                                "3:99-cv-00001",
                                "caption",
                                "A v. B",
                                "filed_on",
                                "2020-01-01"))
                .expect(201);
    }

    @Test
    void duplicateCourtIs409AndBadTimezoneIs422() {
        api.post(
                        "/api/v1/courts",
                        editor,
                        Map.of(
                                "id",
                                court,
                                "name",
                                "Again",
                                "jurisdiction",
                                "federal",
                                "timezone",
                                "America/Los_Angeles"))
                .problem(409);
        JsonNode p = api.post(
                        "/api/v1/courts",
                        editor,
                        Map.of("id", "newcourt", "name", "X", "jurisdiction", "state", "timezone", "Mars/Olympus"))
                .problem(422);
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("timezone");
        // Offsets are refused: PostgreSQL reads "+05:00" and "UTC+5" with the sign flipped.
        for (String offset : List.of("+05:00", "UTC+5", "GMT-03:00")) {
            JsonNode q = api.post(
                            "/api/v1/courts",
                            editor,
                            Map.of("id", "offsetcourt", "name", "X", "jurisdiction", "state", "timezone", offset))
                    .problem(422);
            assertThat(q.get("errors").get(0).get("field").asText()).as(offset).isEqualTo("timezone");
        }
    }

    @Test
    void unknownCourtIs422() {
        JsonNode p = api.post(
                        "/api/v1/cases",
                        editor,
                        Map.of(
                                "court",
                                "nosuchcourt",
                                "docket_number",
                                "1",
                                "caption",
                                "A v. B",
                                "filed_on",
                                "2020-01-01"))
                .problem(422);
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("court");
    }

    @Test
    void patchChangesCaptionAndJudgeButNotStatus() {
        String id = api.newCase(editor, court);
        JsonNode c = api.patch("/api/v1/cases/" + id, editor, Map.of("caption", "Musk v. OpenAI", "judge", "YGR"))
                .expect(200)
                .json();
        assertThat(c.get("caption").asText()).isEqualTo("Musk v. OpenAI");
        assertThat(c.get("judge").asText()).isEqualTo("YGR");
        JsonNode p = api.patch("/api/v1/cases/" + id, editor, Map.of("status", "closed"))
                .problem(422);
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("status");
        assertThat(api.get("/api/v1/cases/" + id, reporter).json().get("status").asText())
                .isEqualTo("open");
        api.patch("/api/v1/cases/999999", editor, Map.of("caption", "X")).problem(404);
    }

    @Test
    void partiesWithCounselAppearOnTheCase() {
        String id = api.newCase(editor, court);
        Api.Resp r = api.post(
                        "/api/v1/cases/" + id + "/parties",
                        editor,
                        Map.of(
                                "name",
                                "Elon Musk",
                                "role",
                                "plaintiff",
                                "counsel",
                                List.of(Map.of("name", "Marc Toberoff", "firm", "Toberoff & Associates"))))
                .expect(201);
        assertThat(r.json().get("counsel").get(0).get("firm").asText()).isEqualTo("Toberoff & Associates");
        api.post("/api/v1/cases/" + id + "/parties", editor, Map.of("name", "OpenAI, Inc.", "role", "defendant"))
                .expect(201);
        api.get(r.header("Location").replaceFirst("^https?://[^/]+", ""), reporter)
                .expect(200);
        JsonNode parties = api.get("/api/v1/cases/" + id + "/parties", reporter)
                .expect(200)
                .json()
                .get("data");
        assertThat(parties).hasSize(2);
        JsonNode c = api.get("/api/v1/cases/" + id, reporter).json();
        assertThat(c.get("parties").get(0).get("counsel").get(0).get("name").asText())
                .isEqualTo("Marc Toberoff");
        api.post("/api/v1/cases/" + id + "/parties", editor, Map.of("name", "X", "role", "judge"))
                .problem(422);
    }

    @Test
    void relatedCasesShowFromBothSides() {
        String state = api.newCase(editor, court);
        String federal = api.newCase(editor, court);
        api.post("/api/v1/cases/" + state + "/related", editor, Map.of("case_id", federal, "relation", "refiled_as"))
                .expect(201);
        api.post("/api/v1/cases/" + state + "/related", editor, Map.of("case_id", federal, "relation", "refiled_as"))
                .problem(409);
        api.post("/api/v1/cases/" + state + "/related", editor, Map.of("case_id", federal, "relation", "cousin_of"))
                .problem(422);
        api.post("/api/v1/cases/" + state + "/related", editor, Map.of("case_id", "999999", "relation", "appeal_of"))
                .problem(422);
        JsonNode fromState = api.get("/api/v1/cases/" + state, reporter).json().get("related_cases");
        assertThat(fromState.get(0).get("case_id").asText()).isEqualTo(federal);
        assertThat(fromState.get(0).get("relation").asText()).isEqualTo("refiled_as");
        JsonNode fromFederal =
                api.get("/api/v1/cases/" + federal, reporter).json().get("related_cases");
        assertThat(fromFederal.get(0).get("case_id").asText()).isEqualTo(state);
        assertThat(fromFederal.get(0).get("relation").asText()).isEqualTo("refiled_from");
    }

    @Test
    void listFiltersByStatusCourtPartyTextAndDates() {
        String c2 = api.court(editor);
        String a = api.post(
                        "/api/v1/cases",
                        editor,
                        Map.of(
                                "court",
                                c2,
                                "docket_number",
                                "CGC-24-612746",
                                "caption",
                                "Musk v. Altman",
                                "filed_on",
                                "2024-02-29"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        String b = api.post(
                        "/api/v1/cases",
                        editor,
                        Map.of(
                                "court",
                                c2,
                                "docket_number",
                                "1:20-cv-03010",
                                "caption",
                                "United States v. Google LLC",
                                "filed_on",
                                "2020-10-20"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.post("/api/v1/cases/" + a + "/parties", editor, Map.of("name", "OpenAI OpCo, LLC", "role", "defendant"))
                .expect(201);
        api.post(
                        "/api/v1/cases/" + b + "/status-changes",
                        editor,
                        Map.of("status", "stayed", "effective_on", "2021-01-01"))
                .expect(201);

        assertThat(ids("/api/v1/cases?court=" + c2)).containsExactly(a, b);
        assertThat(ids("/api/v1/cases?court=" + c2 + "&status=stayed")).containsExactly(b);
        assertThat(ids("/api/v1/cases?court=" + c2 + "&party=openai%20opco")).containsExactly(a);
        assertThat(ids("/api/v1/cases?court=" + c2 + "&q=GOOGLE")).containsExactly(b);
        assertThat(ids("/api/v1/cases?court=" + c2 + "&q=612746")).containsExactly(a);
        assertThat(ids("/api/v1/cases?court=" + c2 + "&filed_after=2021-01-01")).containsExactly(a);
        assertThat(ids("/api/v1/cases?court=" + c2 + "&filed_before=2021-01-01"))
                .containsExactly(b);
        assertThat(ids("/api/v1/cases?court=" + c2 + "&updated_since=2000-01-01T00:00:00Z"))
                .containsExactly(a, b);
        assertThat(ids("/api/v1/cases?court=" + c2 + "&updated_since=2999-01-01"))
                .isEmpty();
        assertThat(ids("/api/v1/cases?court=" + c2 + "&party=100%25")).isEmpty();
        assertThat(ids("/api/v1/cases?court=" + c2 + "&party=openai&q=612746")).containsExactly(a);
        assertThat(ids("/api/v1/cases?court=" + c2 + "&party=openai&q=google")).isEmpty();
        api.get("/api/v1/cases?status=bogus", reporter).problem(400);
        api.get("/api/v1/cases?filed_after=yesterday", reporter).problem(400);
    }

    @Test
    void paginationWalksEveryCaseOnceWhileRowsAreInserted() {
        String c3 = api.court(editor);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(api.newCase(editor, c3));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get(
                            "/api/v1/cases?court=" + c3 + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
                            reporter)
                    .expect(200)
                    .json();
            page.get("data").forEach(c -> seen.add(c.get("id").asText()));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asText();
            if (pages++ == 0) {
                created.add(api.newCase(editor, c3)); // inserted mid-walk: appears at the end, shifts nothing
            }
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(created);
        api.get("/api/v1/cases?cursor=garbage", reporter).problem(400);
    }

    /**
     * A party filter looks the string up among the distinct names first (V18), and leaves a string found in
     * more names than {@link CaseDao#PARTY_NAMES_READ}, or one with no three letters in a row, to the planner:
     * every way gives the same cases, page after page, alone or with another filter. A name written again in
     * another case, in other letter case, is kept once and finds both.
     */
    @Test
    void partyFilterGivesTheSameCasesWhicheverWayItReadsTheNames() {
        String c5 = api.court(editor);
        String token = "zq" + Long.toString(System.nanoTime(), 36);
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cases.add(api.newCase(editor, c5));
        }
        party(cases.get(0), "Acme " + token + " Ltd");
        party(cases.get(0), token + " Two, Inc."); // a second match in the same case: the case once
        party(cases.get(2), token.toUpperCase() + " Holdings");
        party(cases.get(3), "Xj Vu");
        party(cases.get(3), "ACME " + token.toUpperCase() + " LTD");
        assertThat(db.count("select count(*) from party_names where name like ?", "%" + token + "%"))
                .isEqualTo(3);

        assertThat(walk("/api/v1/cases?party=" + token)).containsExactly(cases.get(0), cases.get(2), cases.get(3));
        assertThat(walk("/api/v1/cases?court=" + c5 + "&party=" + token.toUpperCase()))
                .containsExactly(cases.get(0), cases.get(2), cases.get(3));
        assertThat(walk("/api/v1/cases?party=acme%20" + token)).containsExactly(cases.get(0), cases.get(3));
        assertThat(walk("/api/v1/cases?party=" + token + "&status=closed")).isEmpty();
        assertThat(walk("/api/v1/cases?party=" + token + "zz")).isEmpty();
        assertThat(walk("/api/v1/cases?court=" + c5 + "&party=j%20v")).containsExactly(cases.get(3));

        // More matching names than the look-up takes, all in one case: the planner's way from here on.
        db.update(
                "insert into parties (case_id, name, role) select ?, ? || ' amicus ' || g, 'amicus'"
                        + " from generate_series(1, ?) g",
                Long.parseLong(cases.get(1)),
                token,
                CaseDao.PARTY_NAMES_READ + 1);
        assertThat(walk("/api/v1/cases?party=" + token))
                .containsExactly(cases.get(0), cases.get(1), cases.get(2), cases.get(3));
        assertThat(walk("/api/v1/cases?court=" + c5 + "&party=" + token))
                .containsExactly(cases.get(0), cases.get(1), cases.get(2), cases.get(3));
        assertThat(walk("/api/v1/cases?party=" + token + " amicus 999")).containsExactly(cases.get(1));
    }

    private void party(String caseId, String name) {
        api.post("/api/v1/cases/" + caseId + "/parties", editor, Map.of("name", name, "role", "defendant"))
                .expect(201);
    }

    /** Every case of the listing, one page of one at a time. */
    private List<String> walk(String path) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(
                            path.replace(" ", "%20") + "&limit=1" + (cursor == null ? "" : "&cursor=" + cursor),
                            reporter)
                    .expect(200)
                    .json();
            page.get("data").forEach(c -> seen.add(c.get("id").asText()));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asText();
        } while (cursor != null && seen.size() < 10);
        return seen;
    }

    private List<String> ids(String path) {
        List<String> out = new ArrayList<>();
        api.get(path, reporter)
                .expect(200)
                .json()
                .get("data")
                .forEach(c -> out.add(c.get("id").asText()));
        return out;
    }
}
