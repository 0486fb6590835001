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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claims (causes of action): creation, status changes kept in history, and claim.updated events. */
@DocketWatchIT
class ClaimsIT {
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
    void createdClaimHasLocationPendingStatusPartiesAndItsCreationAsFirstHistoryEntry() {
        String id = api.newCase(editor, court);
        party(id, "Elon Musk", "plaintiff");
        String altman = party(id, "Samuel Altman", "defendant");
        String openai = party(id, "OpenAI, Inc.", "defendant");

        Api.Resp r = api.post(
                        claims(id),
                        editor,
                        Map.of(
                                "title",
                                "Breach of contract",
                                "statute",
                                "Cal. Civ. Code § 1549",
                                "against",
                                List.of(altman, openai)))
                .expect(201);
        JsonNode claim = r.json();
        String claimId = claim.get("id").asText();
        assertThat(r.header("Location")).endsWith("/api/v1/cases/" + id + "/claims/" + claimId);
        assertThat(claim.get("case_id").asText()).isEqualTo(id);
        assertThat(claim.get("title").asText()).isEqualTo("Breach of contract");
        assertThat(claim.get("statute").asText()).isEqualTo("Cal. Civ. Code § 1549");
        assertThat(claim.get("status").asText()).isEqualTo("pending");
        assertThat(values(claim.get("against"))).containsExactlyInAnyOrder(altman, openai);
        JsonNode history = claim.get("history");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("from_status").isNull()).isTrue();
        assertThat(history.get(0).get("status").asText()).isEqualTo("pending");
        assertThat(history.get(0).get("reason").isNull()).isTrue();
        assertThat(history.get(0).get("filing_id").isNull()).isTrue();
        assertThat(history.get(0).hasNonNull("changed_at")).isTrue();

        JsonNode fetched =
                api.get(Api.pathOf(r.header("Location")), reporter).expect(200).json();
        assertThat(fetched).isEqualTo(claim);
        JsonNode onCase =
                api.get("/api/v1/cases/" + id, reporter).expect(200).json().get("claims");
        assertThat(onCase).hasSize(1);
        assertThat(onCase.get(0).get("id").asText()).isEqualTo(claimId);
        assertThat(onCase.get(0).get("status").asText()).isEqualTo("pending");
    }

    @Test
    void claimMayStartInAGivenStatusAndAgainstNobody() {
        String id = api.newCase(editor, court);
        JsonNode claim = api.post(claims(id), editor, Map.of("title", "Unjust enrichment", "status", "survived"))
                .expect(201)
                .json();
        assertThat(claim.get("status").asText()).isEqualTo("survived");
        assertThat(claim.get("against")).isEmpty();
        assertThat(claim.get("statute").isNull()).isTrue();
        assertThat(claim.get("history")).hasSize(1);
        assertThat(claim.get("history").get(0).get("status").asText()).isEqualTo("survived");
    }

    @Test
    void againstAPartyOfAnotherCaseOrANonExistentPartyIs422NamingAgainst() {
        String id = api.newCase(editor, court);
        String mine = party(id, "Acme Corp.", "defendant");
        String other = api.newCase(editor, court);
        String foreign = party(other, "Globex LLC", "defendant");

        JsonNode p = api.post(claims(id), editor, Map.of("title", "Fraud", "against", List.of(mine, foreign)))
                .problem(422);
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("against");
        assertThat(p.get("errors").get(0).get("message").asText()).contains(foreign);
        JsonNode missing = api.post(claims(id), editor, Map.of("title", "Fraud", "against", List.of("987654321")))
                .problem(422);
        assertThat(missing.get("errors").get(0).get("field").asText()).isEqualTo("against");
        JsonNode garbage = api.post(claims(id), editor, Map.of("title", "Fraud", "against", List.of("acme")))
                .problem(422);
        assertThat(garbage.get("errors").get(0).get("field").asText()).startsWith("against");

        assertThat(list(id)).isEmpty();
        assertThat(list(other)).isEmpty();
    }

    @Test
    void missingTitleOrUnknownStatusOnCreateIs422() {
        String id = api.newCase(editor, court);
        JsonNode p =
                api.post(claims(id), editor, Map.of("statute", "15 U.S.C. § 1")).problem(422);
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("title");
        JsonNode s = api.post(claims(id), editor, Map.of("title", "Antitrust", "status", "won"))
                .problem(422);
        assertThat(s.get("errors").get(0).get("field").asText()).isEqualTo("status");
        api.post("/api/v1/cases/999999/claims", editor, Map.of("title", "Antitrust"))
                .problem(404);
        api.post(claims(id), reporter, Map.of("title", "Antitrust")).problem(403);
        assertThat(list(id)).isEmpty();
    }

    @Test
    void everyStatusChangeIsKeptInHistoryOldestFirst() {
        String id = api.newCase(editor, court);
        String claimId = newClaim(id, "Breach of fiduciary duty");
        String order = api.post(
                        "/api/v1/cases/" + id + "/filings",
                        editor,
                        Map.of(
                                "entry_number",
                                55,
                                "filed_on",
                                "2026-03-01",
                                "kind",
                                "order",
                                "title",
                                "Order on motion to dismiss"))
                .expect(201)
                .json()
                .get("id")
                .asText();

        JsonNode afterFirst = api.patch(
                        claim(id, claimId),
                        editor,
                        Map.of("status", "dismissed", "reason", "Leave to amend granted", "filing_id", order))
                .expect(200)
                .json();
        assertThat(afterFirst.get("status").asText()).isEqualTo("dismissed");
        api.patch(claim(id, claimId), editor, Map.of("status", "survived", "reason", "Amended complaint sufficient"))
                .expect(200);
        JsonNode last = api.patch(claim(id, claimId), editor, Map.of("status", "settled"))
                .expect(200)
                .json();
        assertThat(last.get("status").asText()).isEqualTo("settled");

        JsonNode h = last.get("history");
        assertThat(h).hasSize(4);
        assertThat(h.get(0).get("from_status").isNull()).isTrue();
        assertThat(h.get(0).get("status").asText()).isEqualTo("pending");
        assertThat(h.get(1).get("from_status").asText()).isEqualTo("pending");
        assertThat(h.get(1).get("status").asText()).isEqualTo("dismissed");
        assertThat(h.get(1).get("reason").asText()).isEqualTo("Leave to amend granted");
        assertThat(h.get(1).get("filing_id").asText()).isEqualTo(order);
        assertThat(h.get(2).get("from_status").asText()).isEqualTo("dismissed");
        assertThat(h.get(2).get("status").asText()).isEqualTo("survived");
        assertThat(h.get(2).get("reason").asText()).isEqualTo("Amended complaint sufficient");
        assertThat(h.get(2).get("filing_id").isNull()).isTrue();
        assertThat(h.get(3).get("from_status").asText()).isEqualTo("survived");
        assertThat(h.get(3).get("status").asText()).isEqualTo("settled");
        assertThat(h.get(3).get("reason").isNull()).isTrue();
        Instant previous = Instant.EPOCH;
        for (JsonNode step : h) {
            Instant at = Instant.parse(step.get("changed_at").asText());
            assertThat(at).isAfterOrEqualTo(previous);
            previous = at;
        }
        assertThat(api.get(claim(id, claimId), reporter).expect(200).json()).isEqualTo(last);
    }

    @Test
    void theSameStatusAgainIs409AndChangesNothing() {
        String id = api.newCase(editor, court);
        String claimId = newClaim(id, "Negligence");
        String marker = events().lastId();
        api.patch(claim(id, claimId), editor, Map.of("status", "pending")).problem(409);
        api.patch(claim(id, claimId), editor, Map.of("status", "withdrawn")).expect(200);
        api.patch(claim(id, claimId), editor, Map.of("status", "withdrawn", "reason", "again"))
                .problem(409);
        JsonNode c = api.get(claim(id, claimId), reporter).expect(200).json();
        assertThat(c.get("status").asText()).isEqualTo("withdrawn");
        assertThat(c.get("history")).hasSize(2);
        assertThat(events().ofCase(marker, id)).hasSize(1);
    }

    @Test
    void unknownOrMissingStatusIs422AndChangesNothing() {
        String id = api.newCase(editor, court);
        String claimId = newClaim(id, "Trespass");
        JsonNode p =
                api.patch(claim(id, claimId), editor, Map.of("status", "won")).problem(422);
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("status");
        JsonNode m = api.patch(claim(id, claimId), editor, Map.of("reason", "no status"))
                .problem(422);
        assertThat(m.get("errors").get(0).get("field").asText()).isEqualTo("status");
        JsonNode c = api.get(claim(id, claimId), reporter).json();
        assertThat(c.get("status").asText()).isEqualTo("pending");
        assertThat(c.get("history")).hasSize(1);
    }

    @Test
    void filingOfAnotherCaseIs422AndChangesNothing() {
        String id = api.newCase(editor, court);
        String claimId = newClaim(id, "Conversion");
        String other = api.newCase(editor, court);
        String foreign = api.post(
                        "/api/v1/cases/" + other + "/filings",
                        editor,
                        Map.of("filed_on", "2026-03-01", "kind", "order", "title", "Order"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        JsonNode p = api.patch(claim(id, claimId), editor, Map.of("status", "dismissed", "filing_id", foreign))
                .problem(422);
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("filing_id");
        JsonNode c = api.get(claim(id, claimId), reporter).json();
        assertThat(c.get("status").asText()).isEqualTo("pending");
        assertThat(c.get("history")).hasSize(1);
    }

    @Test
    void unknownClaimIs404() {
        String id = api.newCase(editor, court);
        api.patch(claim(id, "987654321"), editor, Map.of("status", "dismissed")).problem(404);
        api.get(claim(id, "987654321"), reporter).problem(404);
        api.get(claim(id, "not-an-id"), reporter).problem(404);
        api.get("/api/v1/cases/999999/claims", reporter).problem(404);
    }

    @Test
    void claimOfAnotherCaseIs404AndStaysUnchanged() {
        String id = api.newCase(editor, court);
        String claimId = newClaim(id, "Defamation");
        String other = api.newCase(editor, court);
        api.patch(claim(other, claimId), editor, Map.of("status", "dismissed")).problem(404);
        api.get(claim(other, claimId), reporter).problem(404);
        JsonNode c = api.get(claim(id, claimId), reporter).expect(200).json();
        assertThat(c.get("status").asText()).isEqualTo("pending");
        assertThat(c.get("history")).hasSize(1);
    }

    @Test
    void listShowsEveryClaimWithItsHistory() {
        String id = api.newCase(editor, court);
        String first = newClaim(id, "Count I: Sherman Act § 1");
        String second = newClaim(id, "Count II: Sherman Act § 2");
        String third = newClaim(id, "Count III: Clayton Act § 7");
        api.patch(claim(id, second), editor, Map.of("status", "dismissed_with_prejudice", "reason", "Time-barred"))
                .expect(200);
        api.patch(claim(id, third), editor, Map.of("status", "survived")).expect(200);
        api.patch(claim(id, third), editor, Map.of("status", "judgment_for_plaintiff"))
                .expect(200);

        JsonNode data = list(id);
        assertThat(Api.texts(data, "id")).containsExactly(first, second, third);
        assertThat(Api.texts(data, "status"))
                .containsExactly("pending", "dismissed_with_prejudice", "judgment_for_plaintiff");
        assertThat(data.get(0).get("history")).hasSize(1);
        assertThat(data.get(1).get("history")).hasSize(2);
        assertThat(data.get(1).get("history").get(1).get("reason").asText()).isEqualTo("Time-barred");
        assertThat(Api.texts(data.get(2).get("history"), "status"))
                .containsExactly("pending", "survived", "judgment_for_plaintiff");

        JsonNode page1 = api.get(claims(id) + "?limit=2", reporter).expect(200).json();
        assertThat(Api.texts(page1.get("data"), "id")).containsExactly(first, second);
        JsonNode page2 = api.get(
                        claims(id) + "?limit=2&cursor="
                                + page1.get("next_cursor").asText(),
                        reporter)
                .expect(200)
                .json();
        assertThat(Api.texts(page2.get("data"), "id")).containsExactly(third);
        assertThat(page2.get("data").get(0).get("history")).hasSize(3);
        assertThat(page2.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void eachChangeRaisesOneClaimUpdatedEventWithTheNewStatus() {
        String id = api.newCase(editor, court);
        String claimId = newClaim(id, "Copyright infringement");
        String marker = events().lastId();
        JsonNode one = api.patch(claim(id, claimId), editor, Map.of("status", "survived"))
                .expect(200)
                .json();
        JsonNode two = api.patch(
                        claim(id, claimId), editor, Map.of("status", "judgment_for_defendant", "reason", "Fair use"))
                .expect(200)
                .json();
        api.patch(claim(id, claimId), editor, Map.of("status", "judgment_for_defendant"))
                .problem(409);

        List<JsonNode> events = events().ofCase(marker, id);
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("claim.updated", "claim.updated");
        assertThat(events.get(0).get("data").get("id").asText()).isEqualTo(claimId);
        assertThat(events.get(0).get("data").get("status").asText()).isEqualTo("survived");
        assertThat(events.get(1).get("data").get("status").asText()).isEqualTo("judgment_for_defendant");
        assertThat(events.get(1).get("data").get("history")).hasSize(3);
        assertThat(events.get(0).get("data")).isEqualTo(one);
        assertThat(events.get(1).get("data")).isEqualTo(two);
        assertThat(events.get(1).get("case_id").asText()).isEqualTo(id);
    }

    @Test
    void nulCharactersAre422AndChangeNothing() {
        String id = api.newCase(editor, court);
        api.post(claims(id), editor, Map.of("title", "Fraud \u0000 claim")).problem(422);
        assertThat(list(id)).isEmpty();
        String claimId = newClaim(id, "Fraud");
        String marker = events().lastId();
        api.patch(claim(id, claimId), editor, Map.of("status", "dismissed", "reason", "nul \u0000 reason"))
                .problem(422);
        JsonNode c = api.get(claim(id, claimId), reporter).json();
        assertThat(c.get("status").asText()).isEqualTo("pending");
        assertThat(c.get("history")).hasSize(1);
        assertThat(events().ofCase(marker, id)).isEmpty();
    }

    // --- helpers ---

    private static String claims(String caseId) {
        return "/api/v1/cases/" + caseId + "/claims";
    }

    private static String claim(String caseId, String claimId) {
        return claims(caseId) + "/" + claimId;
    }

    /** A new pending claim against nobody; returns its id. */
    private static String newClaim(String caseId, String title) {
        return api.post(claims(caseId), editor, Map.of("title", title))
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

    private static JsonNode list(String caseId) {
        JsonNode page =
                api.get(claims(caseId) + "?limit=500", reporter).expect(200).json();
        assertThat(page.get("next_cursor").isNull()).isTrue();
        return page.get("data");
    }

    private static List<String> values(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static EventLog events() {
        return EventLog.of(APP, api, reporter);
    }
}
