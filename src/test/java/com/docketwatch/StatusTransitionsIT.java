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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The case status transition table of API.md, pair by pair, and the status history it leaves. */
@DocketWatchIT
class StatusTransitionsIT {
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create();

    static final List<String> STATUSES = List.of(
            "open",
            "stayed",
            "dismissed",
            "voluntarily_dismissed",
            "settled",
            "judgment_entered",
            "on_appeal",
            "transferred",
            "closed");

    /** The table of API.md "Case status", written out independently of the service's own copy. */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "open",
                    Set.of(
                            "stayed",
                            "dismissed",
                            "voluntarily_dismissed",
                            "settled",
                            "judgment_entered",
                            "transferred",
                            "closed"),
            "stayed", Set.of("open", "dismissed", "voluntarily_dismissed", "settled", "closed"),
            "dismissed", Set.of("on_appeal", "closed", "open"),
            "voluntarily_dismissed", Set.of("on_appeal", "closed", "open"),
            "settled", Set.of("on_appeal", "closed", "open"),
            "judgment_entered", Set.of("on_appeal", "closed", "open"),
            "on_appeal", Set.of("open", "closed"),
            "transferred", Set.of("closed"),
            "closed", Set.of("open"));

    /** An allowed walk from a new (open) case to each status. */
    static final Map<String, List<String>> WALK = Map.of(
            "open", List.of(),
            "stayed", List.of("stayed"),
            "dismissed", List.of("dismissed"),
            "voluntarily_dismissed", List.of("voluntarily_dismissed"),
            "settled", List.of("settled"),
            "judgment_entered", List.of("judgment_entered"),
            "on_appeal", List.of("judgment_entered", "on_appeal"),
            "transferred", List.of("transferred"),
            "closed", List.of("closed"));

    static final List<String> ENDED =
            List.of("dismissed", "voluntarily_dismissed", "settled", "judgment_entered", "closed", "on_appeal");

    @Client
    static Api api;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    @Court
    static String court;

    static Stream<Arguments> allPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (String from : STATUSES) {
            for (String to : STATUSES) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    @Test
    void theTableCoversAllEightyOnePairsWithTwentyEightAllowed() {
        assertThat(allPairs().count()).isEqualTo(81);
        assertThat(ALLOWED.values().stream().mapToInt(Set::size).sum()).isEqualTo(28);
        assertThat(WALK.keySet()).containsExactlyInAnyOrderElementsOf(STATUSES);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allPairs")
    void everyTransitionIsAllowedExactlyWhenTheTableSaysSo(String from, String to) {
        String id = caseIn(from);
        JsonNode before = api.get("/api/v1/cases/" + id, reporter).expect(200).json();
        assertThat(before.get("status").asText()).isEqualTo(from);
        JsonNode historyBefore = history(id);
        assertThat(historyBefore).hasSize(WALK.get(from).size());
        String marker = events().lastId();

        Map<String, Object> body = new HashMap<>(Map.of("status", to, "effective_on", "2026-06-15"));
        if (to.equals("open")) {
            body.put("reason", "Reopened after remand");
        }
        Api.Resp r = api.post("/api/v1/cases/" + id + "/status-changes", editor, body);

        if (ALLOWED.get(from).contains(to)) {
            r.expect(201);
            JsonNode change = r.json();
            assertThat(change.get("from_status").asText()).isEqualTo(from);
            assertThat(change.get("status").asText()).isEqualTo(to);
            assertThat(change.get("effective_on").asText()).isEqualTo("2026-06-15");
            JsonNode after =
                    api.get("/api/v1/cases/" + id, reporter).expect(200).json();
            assertThat(after.get("status").asText()).isEqualTo(to);
            assertThat(after.get("status_since").asText()).isEqualTo("2026-06-15");
            JsonNode historyAfter = history(id);
            assertThat(historyAfter).hasSize(historyBefore.size() + 1);
            JsonNode last = historyAfter.get(historyAfter.size() - 1);
            assertThat(last.get("from_status").asText()).isEqualTo(from);
            assertThat(last.get("status").asText()).isEqualTo(to);
            List<JsonNode> events = events().ofCase(marker, id);
            assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("case.status_changed");
            assertThat(events.get(0).get("data").get("status").asText()).isEqualTo(to);
        } else {
            r.problem(409);
            JsonNode after =
                    api.get("/api/v1/cases/" + id, reporter).expect(200).json();
            assertThat(after.get("status").asText()).isEqualTo(from);
            assertThat(after.get("status_since").asText())
                    .isEqualTo(before.get("status_since").asText());
            assertThat(history(id)).isEqualTo(historyBefore);
            assertThat(events().ofCase(marker, id)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dismissed", "voluntarily_dismissed", "settled", "judgment_entered", "closed", "on_appeal"})
    void reopeningAnEndedCaseWithoutReasonIs422AndChangesNothing(String from) {
        assertThat(ENDED).contains(from);
        String id = caseIn(from);
        JsonNode historyBefore = history(id);
        String marker = events().lastId();
        String path = "/api/v1/cases/" + id + "/status-changes";

        JsonNode missing = api.post(path, editor, Map.of("status", "open", "effective_on", "2026-07-01"))
                .problem(422);
        assertThat(missing.get("errors").get(0).get("field").asText()).isEqualTo("reason");
        JsonNode empty = api.post(path, editor, Map.of("status", "open", "effective_on", "2026-07-01", "reason", ""))
                .problem(422);
        assertThat(empty.get("errors").get(0).get("field").asText()).isEqualTo("reason");
        JsonNode blank = api.post(
                        path, editor, Map.of("status", "open", "effective_on", "2026-07-01", "reason", "  \t "))
                .problem(422);
        assertThat(blank.get("errors").get(0).get("field").asText()).isEqualTo("reason");

        assertThat(api.get("/api/v1/cases/" + id, reporter).json().get("status").asText())
                .isEqualTo(from);
        assertThat(history(id)).isEqualTo(historyBefore);
        assertThat(events().ofCase(marker, id)).isEmpty();

        JsonNode ok = api.post(
                        path,
                        editor,
                        Map.of("status", "open", "effective_on", "2026-07-01", "reason", "Judgment vacated on appeal"))
                .expect(201)
                .json();
        assertThat(ok.get("reason").asText()).isEqualTo("Judgment vacated on appeal");
        assertThat(api.get("/api/v1/cases/" + id, reporter).json().get("status").asText())
                .isEqualTo("open");
    }

    @Test
    void liftingAStayNeedsNoReason() {
        String id = caseIn("stayed");
        JsonNode change = api.post(
                        "/api/v1/cases/" + id + "/status-changes",
                        editor,
                        Map.of("status", "open", "effective_on", "2026-07-01"))
                .expect(201)
                .json();
        assertThat(change.get("from_status").asText()).isEqualTo("stayed");
        assertThat(change.get("status").asText()).isEqualTo("open");
        assertThat(change.get("reason").isNull()).isTrue();
        JsonNode c = api.get("/api/v1/cases/" + id, reporter).json();
        assertThat(c.get("status").asText()).isEqualTo("open");
        assertThat(c.get("status_since").asText()).isEqualTo("2026-07-01");
    }

    @Test
    void unknownStatusIs422AndChangesNothing() {
        String id = api.newCase(editor, court);
        JsonNode p = api.post(
                        "/api/v1/cases/" + id + "/status-changes",
                        editor,
                        Map.of("status", "abandoned", "effective_on", "2026-07-01"))
                .problem(422);
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("status");
        JsonNode missing = api.post(
                        "/api/v1/cases/" + id + "/status-changes", editor, Map.of("effective_on", "2026-07-01"))
                .problem(422);
        assertThat(missing.get("errors").get(0).get("field").asText()).isEqualTo("status");
        assertThat(api.get("/api/v1/cases/" + id, reporter).json().get("status").asText())
                .isEqualTo("open");
        assertThat(history(id)).isEmpty();
    }

    @Test
    void missingOrMalformedEffectiveOnIs422() {
        String id = api.newCase(editor, court);
        JsonNode p = api.post("/api/v1/cases/" + id + "/status-changes", editor, Map.of("status", "stayed"))
                .problem(422);
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("effective_on");
        JsonNode bad = api.post(
                        "/api/v1/cases/" + id + "/status-changes",
                        editor,
                        Map.of("status", "stayed", "effective_on", "June 1st"))
                .problem(422);
        assertThat(bad.get("errors").get(0).get("field").asText()).isEqualTo("effective_on");
        assertThat(api.get("/api/v1/cases/" + id, reporter).json().get("status").asText())
                .isEqualTo("open");
        assertThat(history(id)).isEmpty();
    }

    @Test
    void statusChangesAreListedOldestFirstWithEveryField() {
        String id = api.newCase(editor, court);
        String order = api.post(
                        "/api/v1/cases/" + id + "/filings",
                        editor,
                        Map.of(
                                "entry_number",
                                88,
                                "filed_on",
                                "2026-03-02",
                                "kind",
                                "order",
                                "title",
                                "Order granting motion to dismiss"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        post(
                id,
                Map.of(
                        "status",
                        "dismissed",
                        "effective_on",
                        "2026-03-02",
                        "filing_id",
                        order,
                        "with_prejudice",
                        true,
                        "reason",
                        "Failure to state a claim"));
        post(id, Map.of("status", "on_appeal", "effective_on", "2026-04-01"));
        post(id, Map.of("status", "open", "effective_on", "2026-09-10", "reason", "Reversed and remanded"));

        JsonNode h = history(id);
        assertThat(h).hasSize(3);
        assertThat(h.get(0).get("from_status").asText()).isEqualTo("open");
        assertThat(h.get(0).get("status").asText()).isEqualTo("dismissed");
        assertThat(h.get(0).get("effective_on").asText()).isEqualTo("2026-03-02");
        assertThat(h.get(0).get("reason").asText()).isEqualTo("Failure to state a claim");
        assertThat(h.get(0).get("filing_id").asText()).isEqualTo(order);
        assertThat(h.get(0).get("with_prejudice").asBoolean()).isTrue();
        assertThat(h.get(1).get("from_status").asText()).isEqualTo("dismissed");
        assertThat(h.get(1).get("status").asText()).isEqualTo("on_appeal");
        assertThat(h.get(1).get("effective_on").asText()).isEqualTo("2026-04-01");
        assertThat(h.get(1).get("reason").isNull()).isTrue();
        assertThat(h.get(1).get("filing_id").isNull()).isTrue();
        assertThat(h.get(1).get("with_prejudice").isNull()).isTrue();
        assertThat(h.get(2).get("from_status").asText()).isEqualTo("on_appeal");
        assertThat(h.get(2).get("status").asText()).isEqualTo("open");
        assertThat(h.get(2).get("reason").asText()).isEqualTo("Reversed and remanded");
        for (JsonNode change : h) {
            assertThat(change.get("id").isTextual()).isTrue();
            assertThat(change.get("case_id").asText()).isEqualTo(id);
        }

        JsonNode page1 = api.get("/api/v1/cases/" + id + "/status-changes?limit=2", reporter)
                .expect(200)
                .json();
        assertThat(page1.get("data")).hasSize(2);
        JsonNode page2 = api.get(
                        "/api/v1/cases/" + id + "/status-changes?limit=2&cursor="
                                + page1.get("next_cursor").asText(),
                        reporter)
                .expect(200)
                .json();
        assertThat(page2.get("data")).hasSize(1);
        assertThat(page2.get("data").get(0).get("status").asText()).isEqualTo("open");
        assertThat(page2.get("next_cursor").isNull()).isTrue();
        api.get("/api/v1/cases/999999/status-changes", reporter).problem(404);
    }

    @Test
    void filingOfAnotherCaseIs422AndChangesNothing() {
        String id = api.newCase(editor, court);
        String other = api.newCase(editor, court);
        String foreign = api.post(
                        "/api/v1/cases/" + other + "/filings",
                        editor,
                        Map.of("filed_on", "2026-03-02", "kind", "order", "title", "Order of dismissal"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        String marker = events().lastId();
        JsonNode p = api.post(
                        "/api/v1/cases/" + id + "/status-changes",
                        editor,
                        Map.of("status", "dismissed", "effective_on", "2026-03-02", "filing_id", foreign))
                .problem(422);
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("filing_id");
        JsonNode unknown = api.post(
                        "/api/v1/cases/" + id + "/status-changes",
                        editor,
                        Map.of("status", "dismissed", "effective_on", "2026-03-02", "filing_id", "987654321"))
                .problem(422);
        assertThat(unknown.get("errors").get(0).get("field").asText()).isEqualTo("filing_id");
        JsonNode c = api.get("/api/v1/cases/" + id, reporter).json();
        assertThat(c.get("status").asText()).isEqualTo("open");
        assertThat(c.get("status_since").asText()).isEqualTo("2026-01-05");
        assertThat(history(id)).isEmpty();
        assertThat(events().ofCase(marker, id)).isEmpty();
    }

    @Test
    void caseStatusAndStatusSinceFollowEveryChange() {
        String id = api.newCase(editor, court);
        JsonNode c = api.get("/api/v1/cases/" + id, reporter).json();
        assertThat(c.get("status").asText()).isEqualTo("open");
        assertThat(c.get("status_since").asText()).isEqualTo("2026-01-05");
        String[][] steps = {
            {"stayed", "2026-02-10"}, {"open", "2026-05-01"}, {"settled", "2026-08-20"}, {"closed", "2026-09-01"}
        };
        for (String[] step : steps) {
            post(id, Map.of("status", step[0], "effective_on", step[1]));
            JsonNode now = api.get("/api/v1/cases/" + id, reporter).json();
            assertThat(now.get("status").asText()).isEqualTo(step[0]);
            assertThat(now.get("status_since").asText()).isEqualTo(step[1]);
        }
        assertThat(ids("/api/v1/cases?court=" + court + "&status=closed")).contains(id);
        assertThat(ids("/api/v1/cases?court=" + court + "&status=open")).doesNotContain(id);
    }

    @Test
    void eachChangeEmitsOneStatusChangedEventCarryingTheChange() {
        String id = api.newCase(editor, court);
        String marker = events().lastId();
        JsonNode first = post(id, Map.of("status", "dismissed", "effective_on", "2026-03-01", "with_prejudice", false));
        JsonNode second = post(id, Map.of("status", "closed", "effective_on", "2026-03-20"));
        api.post(
                        "/api/v1/cases/" + id + "/status-changes",
                        editor,
                        Map.of("status", "stayed", "effective_on", "2026-03-21"))
                .problem(409);

        List<JsonNode> events = events().ofCase(marker, id);
        assertThat(events)
                .extracting(e -> e.get("type").asText())
                .containsExactly("case.status_changed", "case.status_changed");
        assertThat(events.get(0).get("case_id").asText()).isEqualTo(id);
        assertThat(events.get(0).get("data")).isEqualTo(first);
        assertThat(events.get(1).get("data")).isEqualTo(second);
        assertThat(events.get(0).get("data").get("from_status").asText()).isEqualTo("open");
        assertThat(events.get(0).get("data").get("with_prejudice").asBoolean(true))
                .isFalse();
        assertThat(events.get(1).get("data").get("from_status").asText()).isEqualTo("dismissed");
        assertThat(Long.parseLong(events.get(1).get("id").asText()))
                .isGreaterThan(Long.parseLong(events.get(0).get("id").asText()));
    }

    @Test
    void statusChangesNeedTheEditorRole() {
        String id = api.newCase(editor, court);
        api.post(
                        "/api/v1/cases/" + id + "/status-changes",
                        reporter,
                        Map.of("status", "stayed", "effective_on", "2026-02-01"))
                .problem(403);
        api.post(
                        "/api/v1/cases/" + id + "/status-changes",
                        null,
                        Map.of("status", "stayed", "effective_on", "2026-02-01"))
                .problem(401);
        api.post(
                        "/api/v1/cases/999999/status-changes",
                        editor,
                        Map.of("status", "stayed", "effective_on", "2026-02-01"))
                .problem(404);
        assertThat(history(id)).isEmpty();
        String admin = api.key("admin");
        post(id, Map.of("status", "stayed", "effective_on", "2026-02-01"));
        api.post(
                        "/api/v1/cases/" + id + "/status-changes",
                        admin,
                        Map.of("status", "open", "effective_on", "2026-02-02"))
                .expect(201);
    }

    @Test
    void effectiveOnBeyondTheDatabaseRangeOrANulInTheReasonIs422AndChangesNothing() {
        String id = api.newCase(editor, court);
        String marker = events().lastId();
        api.post(
                        "/api/v1/cases/" + id + "/status-changes",
                        editor,
                        Map.of("status", "stayed", "effective_on", "+6000000-01-01"))
                .problem(422);
        api.post(
                        "/api/v1/cases/" + id + "/status-changes",
                        editor,
                        Map.of("status", "stayed", "effective_on", "2026-02-01", "reason", "pending \u0000 appeal"))
                .problem(422);
        JsonNode c = api.get("/api/v1/cases/" + id, reporter).json();
        assertThat(c.get("status").asText()).isEqualTo("open");
        assertThat(c.get("status_since").asText()).isEqualTo("2026-01-05");
        assertThat(history(id)).isEmpty();
        assertThat(events().ofCase(marker, id)).isEmpty();
    }

    // --- helpers ---

    /** A new case walked along an allowed path to {@code status}. */
    private static String caseIn(String status) {
        String id = api.newCase(editor, court);
        int month = 2;
        for (String step : WALK.get(status)) {
            post(id, Map.of("status", step, "effective_on", String.format("2026-%02d-01", month++)));
        }
        return id;
    }

    private static JsonNode post(String caseId, Map<String, Object> body) {
        return api.post("/api/v1/cases/" + caseId + "/status-changes", editor, body)
                .expect(201)
                .json();
    }

    private static JsonNode history(String caseId) {
        JsonNode page = api.get("/api/v1/cases/" + caseId + "/status-changes?limit=500", reporter)
                .expect(200)
                .json();
        assertThat(page.get("next_cursor").isNull()).isTrue();
        return page.get("data");
    }

    private static List<String> ids(String path) {
        List<String> out = new ArrayList<>();
        JsonNode page = api.get(path + "&limit=500", reporter).expect(200).json();
        assertThat(page.get("next_cursor").isNull()).isTrue();
        page.get("data").forEach(c -> out.add(c.get("id").asText()));
        return out;
    }

    /** Every event after {@code after}, following the cursor. */
    private static EventLog events() {
        return EventLog.of(APP, api, reporter);
    }
}
