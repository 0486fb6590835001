package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.MutableClock;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /cases/{id}/timeline: filings, status changes, claim changes and hearing events merged in time
 * order, filtered by type and paged by keyset. The clock is the test's, so recorded times are known.
 */
@DocketWatchIT
class TimelineIT {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.withClock(CLOCK);

    @Client
    static Api api;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    @Court
    static String court;

    static String caseId;
    static String order;

    /** A case with filings, a status change, claims and hearings; the order below is the expected timeline. */
    @BeforeAll
    static void setUp() {
        caseId = api.newCase(editor, court);
        String c = "/api/v1/cases/" + caseId;
        String openai = api.post(c + "/parties", editor, Map.of("name", "OpenAI, Inc.", "role", "defendant"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        // Filed in an order different from the docket dates: the timeline sorts by date.
        order = filing(c, 3, "2025-01-10", "order", "Order granting motion to dismiss");
        filing(c, 1, "2024-08-05", "complaint", "Complaint");
        filing(c, 2, "2024-09-05", "motion", "Motion to dismiss");
        api.post(
                        c + "/status-changes",
                        editor,
                        Map.of(
                                "status",
                                "dismissed",
                                "effective_on",
                                "2025-01-10",
                                "reason",
                                "Order of dismissal",
                                "filing_id",
                                order))
                .expect(201);
        String claim = api.post(
                        c + "/claims", editor, Map.of("title", "Breach of contract", "against", List.of(openai)))
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.patch(
                        c + "/claims/" + claim,
                        editor,
                        Map.of("status", "dismissed", "reason", "Failure to state a claim", "filing_id", order))
                .expect(200);
        CLOCK.advance(Duration.ofHours(1)); // 13:00Z
        String hearing = api.post(
                        c + "/hearings",
                        editor,
                        Map.of(
                                "kind",
                                "motion_hearing",
                                "scheduled_at",
                                "2026-04-01T10:00:00-07:00",
                                "location",
                                "Oakland, Courtroom 1"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        CLOCK.advance(Duration.ofHours(1)); // 14:00Z
        api.patch(c + "/hearings/" + hearing, editor, Map.of("scheduled_at", "2026-04-02T10:00:00-07:00"))
                .expect(200);
        CLOCK.advance(Duration.ofHours(1)); // 15:00Z
        String other = api.post(
                        c + "/hearings",
                        editor,
                        Map.of("kind", "status_conference", "scheduled_at", "2026-05-01T09:00:00-07:00"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        CLOCK.advance(Duration.ofHours(1)); // 16:00Z
        api.patch(c + "/hearings/" + other, editor, Map.of("status", "vacated")).expect(200);
        CLOCK.advance(Duration.ofHours(1)); // 17:00Z
        api.patch(c + "/hearings/" + hearing, editor, Map.of("status", "held", "outcome", "Taken under submission"))
                .expect(200);
    }

    @Test
    void everythingMergedInTimeOrderWithTypesAndSummaries() {
        JsonNode page = api.get(timeline("?limit=500"), reporter).expect(200).json();
        assertThat(page.get("next_cursor").isNull()).isTrue();
        List<String> rows = new ArrayList<>();
        for (JsonNode e : page.get("data")) {
            rows.add(e.get("type").asText() + " " + e.get("at").asText());
            assertThat(e.get("id").asText()).isNotBlank();
            assertThat(e.get("summary").asText()).isNotBlank();
            assertThat(e.get("data").isObject()).isTrue();
        }
        assertThat(rows)
                .containsExactly(
                        "filing 2024-08-05T00:00:00-07:00",
                        "filing 2024-09-05T00:00:00-07:00",
                        "filing 2025-01-10T00:00:00-08:00",
                        // a status change at its effective date, after the filing of that day
                        "status_change 2025-01-10T00:00:00-08:00",
                        // a claim change that cites a filing happened on the filing's date
                        "claim_change 2025-01-10T00:00:00-08:00",
                        // one that cites none (the claim being added) when it was recorded
                        "claim_change 2026-03-01T04:00:00-08:00",
                        "hearing_scheduled 2026-03-01T05:00:00-08:00",
                        "hearing_rescheduled 2026-03-01T06:00:00-08:00",
                        "hearing_scheduled 2026-03-01T07:00:00-08:00",
                        "hearing_vacated 2026-03-01T08:00:00-08:00",
                        // held: at the hearing's own time
                        "hearing_held 2026-04-02T10:00:00-07:00");

        JsonNode data = page.get("data");
        assertThat(data.get(0).get("summary").asText()).isEqualTo("Dkt. 1: Complaint (Complaint)");
        assertThat(data.get(0).get("data").get("entry_number").asInt()).isEqualTo(1);
        assertThat(data.get(0).get("data").get("case_id").asText()).isEqualTo(caseId);
        assertThat(data.get(3).get("data").get("status").asText()).isEqualTo("dismissed");
        assertThat(data.get(3).get("data").get("filing_id").asText()).isEqualTo(order);
        assertThat(data.get(3).get("summary").asText()).contains("Open \u2192 Dismissed");
        assertThat(data.get(4).get("data").get("from_status").asText()).isEqualTo("pending");
        assertThat(data.get(4).get("data").get("title").asText()).isEqualTo("Breach of contract");
        assertThat(data.get(5).get("data").get("from_status").isNull()).isTrue();
        assertThat(data.get(5).get("summary").asText()).startsWith("Claim added: Breach of contract");
        JsonNode moved = data.get(7).get("data");
        assertThat(moved.get("action").asText()).isEqualTo("rescheduled");
        assertThat(moved.get("scheduled_at").asText()).isEqualTo("2026-04-02T10:00:00-07:00");
        assertThat(moved.get("previous_scheduled_at").asText()).isEqualTo("2026-04-01T10:00:00-07:00");
        assertThat(data.get(7).get("summary").asText())
                .isEqualTo(
                        "Motion hearing moved from Wed, Apr 1, 2026, 10:00 AM PDT to Thu, Apr 2, 2026, 10:00 AM PDT, Oakland, Courtroom 1");
        assertThat(data.get(10).get("data").get("outcome").asText()).isEqualTo("Taken under submission");
        assertThat(data.get(10).get("summary").asText()).isEqualTo("Motion hearing held: Taken under submission");
    }

    @Test
    void filteredByOneOrSeveralTypes() {
        assertThat(types(api.get(timeline("?type=filing"), reporter).expect(200).json()))
                .containsExactly("filing", "filing", "filing");
        assertThat(types(api.get(timeline("?type=" + enc("hearing_held,claim_change")), reporter)
                        .expect(200)
                        .json()))
                .containsExactly("claim_change", "claim_change", "hearing_held");
        assertThat(types(api.get(timeline("?type=hearing_vacated"), reporter)
                        .expect(200)
                        .json()))
                .containsExactly("hearing_vacated");
        assertThat(types(api.get(timeline("?type=status_change"), reporter)
                        .expect(200)
                        .json()))
                .containsExactly("status_change");
        JsonNode bad = api.get(timeline("?type=picnic"), reporter).problem(400);
        assertThat(bad.get("errors").get(0).get("field").asText()).isEqualTo("type");
    }

    @Test
    void pagesByKeysetAndStaysStableWhileRowsAreInserted() {
        String c = "/api/v1/cases/" + api.newCase(editor, api.court(editor));
        for (int i = 1; i <= 7; i++) {
            api.post(
                            c + "/filings",
                            editor,
                            Map.of(
                                    "entry_number",
                                    i,
                                    "filed_on",
                                    "2025-01-0" + i,
                                    "kind",
                                    "notice",
                                    "title",
                                    "Notice " + i))
                    .expect(201);
        }
        api.post(c + "/status-changes", editor, Map.of("status", "stayed", "effective_on", "2025-01-03"))
                .expect(201);
        JsonNode all =
                api.get(c + "/timeline?limit=500", reporter).expect(200).json().get("data");
        assertThat(all).hasSize(8);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get(
                            c + "/timeline?limit=3" + (cursor == null ? "" : "&cursor=" + enc(cursor)), reporter)
                    .expect(200)
                    .json();
            page.get("data").forEach(e -> seen.add(e.get("id").asText()));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asText();
            if (pages++ == 0) {
                // An entry dated before the cursor appears neither twice nor as a shift of later pages.
                api.post(
                                c + "/filings",
                                editor,
                                Map.of("filed_on", "2024-12-01", "kind", "notice", "title", "Late entry"))
                        .expect(201);
            }
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        List<String> expected = new ArrayList<>();
        all.forEach(e -> expected.add(e.get("id").asText()));
        assertThat(seen).containsExactlyElementsOf(expected);

        api.get(c + "/timeline?cursor=garbage", reporter).problem(400);
        api.get(c + "/timeline?limit=0", reporter).problem(400);
    }

    @Test
    void unknownCaseIs404AndAKeyIsNeeded() {
        api.get("/api/v1/cases/999999999/timeline", reporter).problem(404);
        api.get("/api/v1/cases/nope/timeline", reporter).problem(404);
        api.get(timeline(""), null).problem(401);
    }

    private static String filing(String c, int entry, String filedOn, String kind, String title) {
        return api.post(
                        c + "/filings",
                        editor,
                        Map.of("entry_number", entry, "filed_on", filedOn, "kind", kind, "title", title))
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private static String timeline(String query) {
        return "/api/v1/cases/" + caseId + "/timeline" + query;
    }

    private static List<String> types(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("data").forEach(e -> out.add(e.get("type").asText()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
