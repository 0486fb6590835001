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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Hearings: scheduling in the court's time zone, rescheduling, vacating, holding, the calendar and next_hearing. */
@DocketWatchIT
class HearingsIT {
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
    void createdHearingIsScheduledAndEchoedInTheCourtsOffset() {
        String id = api.newCase(editor, court);
        Api.Resp r = api.post(
                        hearings(id),
                        editor,
                        Map.of(
                                "kind",
                                "motion_hearing",
                                "scheduled_at",
                                "2025-02-04T18:00:00Z",
                                "location",
                                "Courtroom 1, 4th Floor",
                                "description",
                                "Motion for preliminary injunction"))
                .expect(201);
        JsonNode h = r.json();
        String hearingId = h.get("id").asText();
        assertThat(r.header("Location")).endsWith("/api/v1/cases/" + id + "/hearings/" + hearingId);
        assertThat(h.get("case_id").asText()).isEqualTo(id);
        assertThat(h.get("kind").asText()).isEqualTo("motion_hearing");
        assertThat(h.get("status").asText()).isEqualTo("scheduled");
        assertThat(h.get("scheduled_at").asText()).isEqualTo("2025-02-04T10:00:00-08:00");
        assertThat(h.get("location").asText()).isEqualTo("Courtroom 1, 4th Floor");
        assertThat(h.get("description").asText()).isEqualTo("Motion for preliminary injunction");
        assertThat(h.get("outcome").isNull()).isTrue();
        assertThat(h.get("history")).hasSize(1);
        assertThat(h.get("history").get(0).get("action").asText()).isEqualTo("scheduled");
        assertThat(h.get("history").get(0).get("scheduled_at").asText()).isEqualTo("2025-02-04T10:00:00-08:00");
        assertThat(api.get(Api.pathOf(r.header("Location")), reporter)
                        .expect(200)
                        .json())
                .isEqualTo(h);

        JsonNode summer = api.post(
                        hearings(id), editor, Map.of("kind", "trial", "scheduled_at", "2025-07-01T12:30:00-04:00"))
                .expect(201)
                .json();
        assertThat(summer.get("scheduled_at").asText()).isEqualTo("2025-07-01T09:30:00-07:00");

        String eastern = courtIn("America/New_York");
        String nyCase = api.newCase(editor, eastern);
        JsonNode ny = api.post(
                        hearings(nyCase),
                        editor,
                        Map.of("kind", "status_conference", "scheduled_at", "2025-02-04T10:00:00-08:00"))
                .expect(201)
                .json();
        assertThat(ny.get("scheduled_at").asText()).isEqualTo("2025-02-04T13:00:00-05:00");
    }

    @Test
    void invalidHearingsAre422AndCreateNothing() {
        String id = api.newCase(editor, court);
        JsonNode noOffset = api.post(
                        hearings(id), editor, Map.of("kind", "hearing", "scheduled_at", "2025-02-04T10:00:00"))
                .problem(422);
        assertThat(noOffset.get("errors").get(0).get("field").asText()).isEqualTo("scheduled_at");
        JsonNode dateOnly = api.post(hearings(id), editor, Map.of("kind", "hearing", "scheduled_at", "2025-02-04"))
                .problem(422);
        assertThat(dateOnly.get("errors").get(0).get("field").asText()).isEqualTo("scheduled_at");
        JsonNode missing =
                api.post(hearings(id), editor, Map.of("kind", "hearing")).problem(422);
        assertThat(missing.get("errors").get(0).get("field").asText()).isEqualTo("scheduled_at");
        JsonNode kind = api.post(
                        hearings(id), editor, Map.of("kind", "picnic", "scheduled_at", "2025-02-04T10:00:00-08:00"))
                .problem(422);
        assertThat(kind.get("errors").get(0).get("field").asText()).isEqualTo("kind");
        api.post(hearings(id), reporter, Map.of("kind", "hearing", "scheduled_at", "2025-02-04T10:00:00-08:00"))
                .problem(403);
        api.post(hearings("999999"), editor, Map.of("kind", "hearing", "scheduled_at", "2025-02-04T10:00:00-08:00"))
                .problem(404);
        assertThat(caseHearings(id)).isEmpty();
    }

    @Test
    void reschedulingKeepsThePreviousTimeInHistory() {
        String id = api.newCase(editor, court);
        String hid = hearing(id, "hearing", "2025-02-04T10:00:00-08:00");

        JsonNode moved = api.patch(hearing(id, hid), editor, Map.of("scheduled_at", "2025-02-11T14:00:00-08:00"))
                .expect(200)
                .json();
        assertThat(moved.get("status").asText()).isEqualTo("rescheduled");
        assertThat(moved.get("scheduled_at").asText()).isEqualTo("2025-02-11T14:00:00-08:00");
        JsonNode again = api.patch(hearing(id, hid), editor, Map.of("scheduled_at", "2025-03-20T16:00:00Z"))
                .expect(200)
                .json();
        assertThat(again.get("status").asText()).isEqualTo("rescheduled");
        assertThat(again.get("scheduled_at").asText()).isEqualTo("2025-03-20T09:00:00-07:00");

        JsonNode history = again.get("history");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("action").asText()).isEqualTo("scheduled");
        assertThat(history.get(0).get("previous_scheduled_at").isNull()).isTrue();
        assertThat(history.get(1).get("action").asText()).isEqualTo("rescheduled");
        assertThat(history.get(1).get("scheduled_at").asText()).isEqualTo("2025-02-11T14:00:00-08:00");
        assertThat(history.get(1).get("previous_scheduled_at").asText()).isEqualTo("2025-02-04T10:00:00-08:00");
        assertThat(history.get(2).get("action").asText()).isEqualTo("rescheduled");
        assertThat(history.get(2).get("scheduled_at").asText()).isEqualTo("2025-03-20T09:00:00-07:00");
        assertThat(history.get(2).get("previous_scheduled_at").asText()).isEqualTo("2025-02-11T14:00:00-08:00");
        assertThat(api.get(hearing(id, hid), reporter).expect(200).json()).isEqualTo(again);
    }

    @Test
    void reschedulingToTheSameInstantIs409EvenInAnotherOffset() {
        String id = api.newCase(editor, court);
        String hid = hearing(id, "hearing", "2025-02-04T10:00:00-08:00");
        api.patch(hearing(id, hid), editor, Map.of("scheduled_at", "2025-02-04T10:00:00-08:00"))
                .problem(409);
        api.patch(hearing(id, hid), editor, Map.of("scheduled_at", "2025-02-04T18:00:00Z"))
                .problem(409);
        JsonNode h = api.get(hearing(id, hid), reporter).json();
        assertThat(h.get("status").asText()).isEqualTo("scheduled");
        assertThat(h.get("history")).hasSize(1);
    }

    @Test
    void vacatingAndHoldingEndAHearingAndAnyLaterChangeIs409() {
        String id = api.newCase(editor, court);
        String vacated = hearing(id, "hearing", "2025-02-04T10:00:00-08:00");
        JsonNode v = api.patch(hearing(id, vacated), editor, Map.of("status", "vacated"))
                .expect(200)
                .json();
        assertThat(v.get("status").asText()).isEqualTo("vacated");
        assertThat(v.get("scheduled_at").asText()).isEqualTo("2025-02-04T10:00:00-08:00");
        assertThat(v.get("history").get(1).get("action").asText()).isEqualTo("vacated");

        String held = hearing(id, "sentencing", "2025-03-04T10:00:00-08:00");
        JsonNode hh = api.patch(
                        hearing(id, held), editor, Map.of("status", "held", "outcome", "Sentenced to time served"))
                .expect(200)
                .json();
        assertThat(hh.get("status").asText()).isEqualTo("held");
        assertThat(hh.get("outcome").asText()).isEqualTo("Sentenced to time served");
        assertThat(hh.get("history").get(1).get("action").asText()).isEqualTo("held");
        assertThat(hh.get("history").get(1).get("outcome").asText()).isEqualTo("Sentenced to time served");

        for (String ended : List.of(vacated, held)) {
            JsonNode before = api.get(hearing(id, ended), reporter).json();
            api.patch(hearing(id, ended), editor, Map.of("scheduled_at", "2025-05-01T10:00:00-07:00"))
                    .problem(409);
            api.patch(hearing(id, ended), editor, Map.of("status", "vacated")).problem(409);
            api.patch(hearing(id, ended), editor, Map.of("status", "held")).problem(409);
            api.patch(hearing(id, ended), editor, Map.of("status", "held", "outcome", "Again"))
                    .problem(409);
            assertThat(api.get(hearing(id, ended), reporter).json()).isEqualTo(before);
        }

        String rescheduledThenHeld = hearing(id, "hearing", "2025-04-01T10:00:00-07:00");
        api.patch(hearing(id, rescheduledThenHeld), editor, Map.of("scheduled_at", "2025-04-02T10:00:00-07:00"))
                .expect(200);
        JsonNode noOutcome = api.patch(hearing(id, rescheduledThenHeld), editor, Map.of("status", "held"))
                .expect(200)
                .json();
        assertThat(noOutcome.get("status").asText()).isEqualTo("held");
        assertThat(noOutcome.get("outcome").isNull()).isTrue();
    }

    @Test
    void malformedPatchesAre422AndChangeNothing() {
        String id = api.newCase(editor, court);
        String hid = hearing(id, "hearing", "2025-02-04T10:00:00-08:00");
        JsonNode both = api.patch(
                        hearing(id, hid),
                        editor,
                        Map.of("scheduled_at", "2025-02-05T10:00:00-08:00", "status", "vacated"))
                .problem(422);
        assertThat(both.get("errors")).isNotEmpty();
        JsonNode noOffset = api.patch(hearing(id, hid), editor, Map.of("scheduled_at", "2025-02-05T10:00:00"))
                .problem(422);
        assertThat(noOffset.get("errors").get(0).get("field").asText()).isEqualTo("scheduled_at");
        api.patch(hearing(id, hid), editor, Map.of()).problem(422);
        JsonNode status = api.patch(hearing(id, hid), editor, Map.of("status", "scheduled"))
                .problem(422);
        assertThat(status.get("errors").get(0).get("field").asText()).isEqualTo("status");
        JsonNode outcome = api.patch(hearing(id, hid), editor, Map.of("status", "vacated", "outcome", "x"))
                .problem(422);
        assertThat(outcome.get("errors").get(0).get("field").asText()).isEqualTo("outcome");
        JsonNode h = api.get(hearing(id, hid), reporter).json();
        assertThat(h.get("status").asText()).isEqualTo("scheduled");
        assertThat(h.get("scheduled_at").asText()).isEqualTo("2025-02-04T10:00:00-08:00");
        assertThat(h.get("history")).hasSize(1);
    }

    @Test
    void hearingOfAnotherCaseOrUnknownIs404() {
        String id = api.newCase(editor, court);
        String other = api.newCase(editor, court);
        String hid = hearing(id, "hearing", "2025-02-04T10:00:00-08:00");
        api.patch(hearing(other, hid), editor, Map.of("status", "vacated")).problem(404);
        api.get(hearing(other, hid), reporter).problem(404);
        api.patch(hearing(id, "987654321"), editor, Map.of("status", "vacated")).problem(404);
        api.get(hearing(id, "987654321"), reporter).problem(404);
        assertThat(api.get(hearing(id, hid), reporter).json().get("status").asText())
                .isEqualTo("scheduled");
    }

    @Test
    void calendarFromIsInclusiveToIsExclusiveAndABareToDateCoversTheWholeDay() {
        String c = api.court(editor);
        String id = api.newCase(editor, c);
        String before = hearing(id, "hearing", "2025-02-03T23:59:59Z");
        String atFrom = hearing(id, "hearing", "2025-02-04T00:00:00Z");
        String morning = hearing(id, "hearing", "2025-02-04T10:00:00-08:00");
        String lateUtc = hearing(id, "hearing", "2025-02-04T23:30:00Z");
        String nextDay = hearing(id, "hearing", "2025-02-05T00:00:00Z");

        assertThat(calendar("court=" + c + "&from=2025-02-04&to=2025-02-04")).containsExactly(atFrom, morning, lateUtc);
        assertThat(calendar("court=" + c + "&from=2025-02-04T00:00:00Z&to=2025-02-04T23:30:00Z"))
                .containsExactly(atFrom, morning);
        assertThat(calendar("court=" + c + "&from=" + enc("2025-02-04T10:00:00-08:00")))
                .containsExactly(morning, lateUtc, nextDay);
        assertThat(calendar("court=" + c + "&to=2025-02-04T00:00:00Z")).containsExactly(before);
        assertThat(calendar("court=" + c + "&to=2025-02-03")).containsExactly(before);
        assertThat(calendar("court=" + c)).containsExactly(before, atFrom, morning, lateUtc, nextDay);
        api.get("/api/v1/hearings?from=tomorrow", reporter).problem(400);
        api.get("/api/v1/hearings?status=postponed", reporter).problem(400);
        api.get("/api/v1/hearings?case_id=abc", reporter).problem(400);
    }

    @Test
    void calendarFiltersByCourtCaseAndStatusAndListsEveryStatusByDefault() {
        String c1 = api.court(editor);
        String c2 = api.court(editor);
        String a = api.newCase(editor, c1);
        String b = api.newCase(editor, c1);
        String elsewhere = api.newCase(editor, c2);
        String scheduled = hearing(a, "hearing", "2030-01-10T10:00:00-08:00");
        String rescheduled = hearing(a, "trial", "2030-01-11T10:00:00-08:00");
        api.patch(hearing(a, rescheduled), editor, Map.of("scheduled_at", "2030-01-12T10:00:00-08:00"))
                .expect(200);
        String vacated = hearing(b, "hearing", "2030-01-13T10:00:00-08:00");
        api.patch(hearing(b, vacated), editor, Map.of("status", "vacated")).expect(200);
        String held = hearing(b, "hearing", "2030-01-14T10:00:00-08:00");
        api.patch(hearing(b, held), editor, Map.of("status", "held", "outcome", "Taken under submission"))
                .expect(200);
        String other = hearing(elsewhere, "hearing", "2030-01-10T11:00:00-08:00");

        assertThat(calendar("court=" + c1)).containsExactly(scheduled, rescheduled, vacated, held);
        assertThat(calendar("court=" + c2)).containsExactly(other);
        assertThat(calendar("case_id=" + a)).containsExactly(scheduled, rescheduled);
        assertThat(calendar("case_id=" + b)).containsExactly(vacated, held);
        assertThat(calendar("court=" + c1 + "&status=scheduled")).containsExactly(scheduled);
        assertThat(calendar("court=" + c1 + "&status=rescheduled")).containsExactly(rescheduled);
        assertThat(calendar("court=" + c1 + "&status=vacated")).containsExactly(vacated);
        assertThat(calendar("court=" + c1 + "&status=held")).containsExactly(held);
        assertThat(calendar("court=" + c1 + "&case_id=" + b + "&status=held")).containsExactly(held);
        assertThat(calendar("court=" + c2 + "&case_id=" + a)).isEmpty();
        assertThat(calendar("court=nosuchcourt")).isEmpty();
        assertThat(calendar("from=2030-01-10&to=2030-01-10")).containsExactly(scheduled, other);

        JsonNode all = api.get("/api/v1/hearings?court=" + c1, reporter).json().get("data");
        assertThat(all.get(1).get("scheduled_at").asText()).isEqualTo("2030-01-12T10:00:00-08:00");
        assertThat(all.get(3).get("outcome").asText()).isEqualTo("Taken under submission");
        JsonNode perCase = caseHearings(b);
        assertThat(Api.texts(perCase, "id")).containsExactly(vacated, held);
    }

    @Test
    void calendarIsInTimeOrderAndPaginatesOverEveryHearingOnce() {
        String c = api.court(editor);
        String a = api.newCase(editor, c);
        String b = api.newCase(editor, c);
        String[][] specs = {
            {a, "2031-05-03T09:00:00-07:00"},
            {b, "2031-05-01T09:00:00-07:00"},
            {a, "2031-05-02T09:00:00-07:00"},
            {b, "2031-05-02T09:00:00-07:00"},
            {a, "2031-04-30T23:00:00Z"},
            {b, "2031-05-04T08:00:00-07:00"},
            {a, "2031-05-01T09:00:00-07:00"}
        };
        List<String> created = new ArrayList<>();
        for (String[] s : specs) {
            String id = hearing(s[0], "hearing", s[1]);
            created.add(id);
        }
        // expected order: by time, then by id for equal times
        List<String> expected = List.of(
                created.get(4),
                created.get(1),
                created.get(6),
                created.get(2),
                created.get(3),
                created.get(0),
                created.get(5));
        assertThat(calendar("court=" + c)).containsExactlyElementsOf(expected);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get(
                            "/api/v1/hearings?court=" + c + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                            reporter)
                    .expect(200)
                    .json();
            assertThat(page.get("data").size()).isLessThanOrEqualTo(2);
            seen.addAll(Api.texts(page.get("data"), "id"));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(4);
        api.get("/api/v1/hearings?cursor=garbage", reporter).problem(400);
    }

    @Test
    void nextHearingIsTheEarliestFutureHearingStillOnTheCalendar() {
        String id = api.newCase(editor, court);
        assertThat(nextHearing(id).isNull()).isTrue();
        hearing(id, "hearing", "2025-01-15T10:00:00-08:00"); // past
        assertThat(nextHearing(id).isNull()).isTrue();

        String later = hearing(id, "trial", "2099-03-01T09:00:00-08:00");
        String sooner = hearing(id, "pretrial_conference", "2099-01-15T10:00:00-08:00");
        JsonNode next = nextHearing(id);
        assertThat(next.get("id").asText()).isEqualTo(sooner);
        assertThat(next.get("scheduled_at").asText()).isEqualTo("2099-01-15T10:00:00-08:00");
        assertThat(next.get("status").asText()).isEqualTo("scheduled");

        api.patch(hearing(id, sooner), editor, Map.of("status", "vacated")).expect(200);
        assertThat(nextHearing(id).get("id").asText()).isEqualTo(later);

        String held = hearing(id, "hearing", "2099-02-01T10:00:00-08:00");
        api.patch(hearing(id, held), editor, Map.of("status", "held")).expect(200);
        assertThat(nextHearing(id).get("id").asText()).isEqualTo(later);

        String moved = hearing(id, "hearing", "2099-06-01T10:00:00-07:00");
        api.patch(hearing(id, moved), editor, Map.of("scheduled_at", "2099-02-10T10:00:00-08:00"))
                .expect(200);
        next = nextHearing(id);
        assertThat(next.get("id").asText()).isEqualTo(moved);
        assertThat(next.get("status").asText()).isEqualTo("rescheduled");
        assertThat(next.get("scheduled_at").asText()).isEqualTo("2099-02-10T10:00:00-08:00");

        api.patch(hearing(id, moved), editor, Map.of("scheduled_at", "2099-12-01T10:00:00-08:00"))
                .expect(200);
        assertThat(nextHearing(id).get("id").asText()).isEqualTo(later);
    }

    @Test
    void schedulingReschedulingAndVacatingRaiseEventsButHoldingDoesNot() {
        String id = api.newCase(editor, court);
        String marker = events().lastId();
        JsonNode created = api.post(
                        hearings(id), editor, Map.of("kind", "hearing", "scheduled_at", "2099-02-04T18:00:00Z"))
                .expect(201)
                .json();
        String hid = created.get("id").asText();
        JsonNode moved = api.patch(hearing(id, hid), editor, Map.of("scheduled_at", "2099-02-05T18:00:00Z"))
                .expect(200)
                .json();
        JsonNode vacated = api.patch(hearing(id, hid), editor, Map.of("status", "vacated"))
                .expect(200)
                .json();
        String second = hearing(id, "hearing", "2099-03-04T18:00:00Z");
        api.patch(hearing(id, second), editor, Map.of("status", "held", "outcome", "Granted"))
                .expect(200);
        api.patch(hearing(id, hid), editor, Map.of("status", "vacated")).problem(409);

        List<JsonNode> events = events().ofCase(marker, id);
        assertThat(events)
                .extracting(e -> e.get("type").asText())
                .containsExactly("hearing.scheduled", "hearing.rescheduled", "hearing.vacated", "hearing.scheduled");
        assertThat(events.get(0).get("data")).isEqualTo(created);
        assertThat(events.get(1).get("data")).isEqualTo(moved);
        assertThat(events.get(2).get("data")).isEqualTo(vacated);
        assertThat(events.get(1).get("data").get("scheduled_at").asText()).isEqualTo("2099-02-05T10:00:00-08:00");
        assertThat(events.get(1)
                        .get("data")
                        .get("history")
                        .get(1)
                        .get("previous_scheduled_at")
                        .asText())
                .isEqualTo("2099-02-04T10:00:00-08:00");
        assertThat(events.get(2).get("data").get("status").asText()).isEqualTo("vacated");
        assertThat(events.get(3).get("data").get("id").asText()).isEqualTo(second);
    }

    @Test
    void timesBeyondTheDatabaseRangeAre422NotServerErrors() {
        String id = api.newCase(editor, court);
        api.post(hearings(id), editor, Map.of("kind", "hearing", "scheduled_at", "+300000-01-01T00:00:00Z"))
                .problem(422);
        assertThat(caseHearings(id)).isEmpty();
        String hid = hearing(id, "hearing", "2025-02-04T10:00:00-08:00");
        api.patch(hearing(id, hid), editor, Map.of("scheduled_at", "+300000-01-01T00:00:00Z"))
                .problem(422);
        api.patch(hearing(id, hid), editor, Map.of("status", "held", "outcome", "Granted \u0000 in part"))
                .problem(422);
        JsonNode h = api.get(hearing(id, hid), reporter).json();
        assertThat(h.get("status").asText()).isEqualTo("scheduled");
        assertThat(h.get("history")).hasSize(1);
        api.get("/api/v1/hearings?from=" + enc("+300000-01-01T00:00:00Z"), reporter)
                .problem(400); // a bad filter is 400
    }

    // --- helpers ---

    private static String hearings(String caseId) {
        return "/api/v1/cases/" + caseId + "/hearings";
    }

    private static String hearing(String caseId, String hearingId) {
        return hearings(caseId) + "/" + hearingId;
    }

    private static String hearing(String caseId, String kind, String at) {
        return api.post(hearings(caseId), editor, Map.of("kind", kind, "scheduled_at", at))
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private static String courtIn(String zone) {
        String id = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        api.post(
                        "/api/v1/courts",
                        editor,
                        Map.of("id", id, "name", "Court " + id, "jurisdiction", "state", "timezone", zone))
                .expect(201);
        return id;
    }

    private static JsonNode caseHearings(String caseId) {
        JsonNode page =
                api.get(hearings(caseId) + "?limit=500", reporter).expect(200).json();
        assertThat(page.get("next_cursor").isNull()).isTrue();
        return page.get("data");
    }

    private static JsonNode nextHearing(String caseId) {
        return api.get("/api/v1/cases/" + caseId, reporter).expect(200).json().get("next_hearing");
    }

    /** Ids of the calendar with these query parameters (one page of up to 500). */
    private static List<String> calendar(String query) {
        JsonNode page = api.get("/api/v1/hearings?limit=500&" + query, reporter)
                .expect(200)
                .json();
        assertThat(page.get("next_cursor").isNull()).isTrue();
        return Api.texts(page.get("data"), "id");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static EventLog events() {
        return EventLog.of(APP, api, reporter);
    }
}
