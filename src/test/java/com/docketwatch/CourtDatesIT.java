package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Fixtures;
import com.docketwatch.support.Key;
import com.docketwatch.support.MutableClock;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Court dates read from docket text, end to end: imports and an editor's filings put the hearings and
 * deadlines their entries announce on the calendar, later entries move, vacate or record them as held,
 * and subscribers get the same events and reminders as for an editor's hearings.
 */
@DocketWatchIT
class CourtDatesIT {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    static final Receiver RECEIVER = new Receiver();
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.withClock(
            CLOCK,
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("alerts.pollInterval", "PT0.1S"));
    static final Duration WAIT = Duration.ofSeconds(15);

    @Client
    static Api api;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    @AfterAll
    static void tearDown() {
        RECEIVER.close();
    }

    /** Expected by reading the fixture's text: each proceeding once, at its latest date, with its outcome. */
    @Test
    void anImportedDocketsHistoryBecomesACalendarWithEachProceedingOnce() {
        String body = Fixtures.own("dockets/district_njd_court_dates.json").text();
        String caseId = api.post("/api/v1/imports", editor, body)
                .expect(201)
                .json()
                .get("case_id")
                .asText();
        JsonNode calendar = hearings(caseId);

        assertThat(calendar).hasSize(4);
        assertThat(summary(calendar))
                .containsExactly(
                        "deadline|answer|2023-04-14T00:00-04:00|scheduled|false",
                        "case_management_conference|initial scheduling conference|2023-05-08T10:30-04:00|held|true",
                        "status_conference|status conference|2024-02-13T14:00-05:00|held|true",
                        "motion_hearing|motion hearing|2024-03-18T10:00-04:00|vacated|true");
        JsonNode status = calendar.get(2);
        assertThat(status.get("origin").asText()).isEqualTo("docket");
        assertThat(status.get("judge").asText()).isEqualTo("Magistrate Judge Jose R. Almonte");
        assertThat(status.get("history").findValuesAsText("action"))
                .containsExactly("scheduled", "rescheduled", "rescheduled", "held");
        assertThat(status.get("history").findValuesAsText("scheduled_at"))
                .containsExactly(
                        "2023-07-31T11:00:00-04:00",
                        "2023-10-30T15:00:00-04:00",
                        "2024-02-13T14:00:00-05:00",
                        "2024-02-13T14:00:00-05:00");
        List<String> filings = new ArrayList<>();
        for (JsonNode step : status.get("history")) {
            filings.add(entryNumber(caseId, step.get("source_filing_id").asText()));
        }
        assertThat(filings).containsExactly("15", "22", "30", "41");
        assertThat(calendar.get(3).get("location").asText()).contains("Courtroom 4");

        // All of it is history: no alerts, no reminders; and the same docket again changes nothing.
        List<String> types = new ArrayList<>();
        for (JsonNode e :
                api.get("/api/v1/events?after=0&limit=500", reporter).json().get("data")) {
            if (caseId.equals(e.get("case_id").asText())) {
                types.add(e.get("type").asText());
            }
        }
        assertThat(types).contains("filing.created").noneMatch(t -> t.startsWith("hearing."));
        api.post("/api/v1/imports", editor, body).expect(200);
        assertThat(hearings(caseId).toString()).isEqualTo(calendar.toString());

        // The timeline says which entry set or moved each hearing.
        JsonNode timeline = api.get("/api/v1/cases/" + caseId + "/timeline?type=hearing_rescheduled", reporter)
                .expect(200)
                .json()
                .get("data");
        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0).get("data").get("source_filing_id").asText())
                .isEqualTo(status.get("history").get(1).get("source_filing_id").asText());
        assertThat(timeline.get(0).get("data").get("title").asText()).isEqualTo("status conference");

        // A date without a time is an all-day event in the calendar feed.
        String ics = api.get("/api/v1/cases/" + caseId + "/hearings.ics", reporter)
                .expect(200)
                .body();
        assertThat(ics).contains("DTSTART;VALUE=DATE:20230414").contains("Answer: Larkspur Devices");
    }

    /**
     * A real RECAP docket (when ../shared is beside the project) with settings, resets, continuances and
     * minute entries; its calendar written by reading the entries: a conference set, reset and held, a
     * further one continued twice and held, two motion hearings held, a moved statement deadline.
     */
    @TestFactory
    Stream<DynamicTest> aRealDocketsProceedingsAppearOnceEachWithTheirOutcome() {
        return Fixtures.real("juriscraper__recap-ia__cand_194617.json").stream()
                .map(docket -> DynamicTest.dynamicTest(docket.name(), () -> {
                    String caseId = api.post("/api/v1/imports", editor, docket.text())
                            .expect(201)
                            .json()
                            .get("case_id")
                            .asText();
                    assertThat(summary(hearings(caseId)))
                            .containsExactly(
                                    "deadline|answer|2007-08-27T00:00-07:00|scheduled|false",
                                    "deadline|case management statement|2007-11-06T00:00-08:00|rescheduled|false",
                                    "case_management_conference|case management conference|2007-11-13T13:30-08:00|held|true",
                                    "motion_hearing|motion hearing|2008-02-01T09:00-08:00|held|true",
                                    "case_management_conference|further case management conference|2008-03-21T10:30-07:00|held|true",
                                    "motion_hearing|motion hearing|2008-05-09T09:00-07:00|held|true");
                }));
    }

    @Test
    void aFutureSettingFromAnImportGetsRemindersThatMoveWithALaterReset() {
        String path = "/r-" + UUID.randomUUID();
        ObjectNode docket = docket("1:26-cv-" + UUID.randomUUID().toString().substring(0, 5));
        entry(
                docket,
                "2026-11-30",
                1,
                "COMPLAINT against Orchard Health Inc. filed by Tessa Lind. (Entered: 11/30/2026)");
        entry(
                docket,
                "2026-11-30",
                4,
                "ORDER: Status Conference set for 12/10/2026 at 10:00 AM in Courtroom 2A before "
                        + "Judge Marisol T. Okafor. Signed by Judge Marisol T. Okafor on 11/30/2026. (Entered: 11/30/2026)");
        String caseId = api.post("/api/v1/imports", editor, docket)
                .expect(201)
                .json()
                .get("case_id")
                .asText();
        String sub = subscribe(caseId, path);
        // The subscription came after the setting: its reminders are planned for hearings already ahead.
        JsonNode hearing = hearings(caseId).get(0);
        assertThat(hearing.get("scheduled_at").asText()).isEqualTo("2026-12-10T10:00:00-08:00");
        assertThat(reminders(sub).get(0).get("due_at").asText()).isEqualTo("2026-12-09T18:00:00Z");

        CLOCK.set(Instant.parse("2026-12-01T17:00:00Z"));
        entry(
                docket,
                "2026-12-01",
                6,
                "ORDER: the Status Conference set for 12/10/2026 is reset to 12/14/2026 at "
                        + "1:30 PM. Signed by Judge Marisol T. Okafor on 12/1/2026. (Entered: 12/01/2026)");
        api.post("/api/v1/imports", editor, docket).expect(200);
        JsonNode moved = hearings(caseId);
        assertThat(moved).hasSize(1);
        assertThat(moved.get(0).get("id").asText()).isEqualTo(hearing.get("id").asText());
        assertThat(moved.get(0).get("status").asText()).isEqualTo("rescheduled");
        assertThat(moved.get(0).get("scheduled_at").asText()).isEqualTo("2026-12-14T13:30:00-08:00");
        assertThat(reminders(sub).get(0).get("due_at").asText()).isEqualTo("2026-12-13T21:30:00Z");
        JsonNode rescheduled =
                json(RECEIVER.await(h -> h.path().equals(path), 1, WAIT).get(0).body());
        assertThat(rescheduled.get("type").asText()).isEqualTo("hearing.rescheduled");

        CLOCK.set(Instant.parse("2026-12-13T21:30:01Z"));
        List<Receiver.Hit> hits = RECEIVER.await(h -> h.path().equals(path), 2, WAIT);
        JsonNode reminder = json(hits.get(1).body());
        assertThat(reminder.get("type").asText()).isEqualTo("hearing.reminder");
        assertThat(reminder.get("data").get("id").asText())
                .isEqualTo(hearing.get("id").asText());
        CLOCK.set(Instant.parse("2026-11-30T12:00:00Z"));
    }

    @Test
    void anEditorsFilingIsReadAndAnEditorsChangeWinsOverLaterDocketText() {
        String court = api.court(editor);
        String caseId = api.newCase(editor, court);
        String path = "/r-" + UUID.randomUUID();
        subscribe(caseId, path);
        String filing = api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of(
                                "filed_on",
                                "2026-11-30",
                                "kind",
                                "order",
                                "title",
                                "Order setting hearing",
                                "description",
                                "ORDER: Motion Hearing set for 1/8/2027 02:00 PM before Judge Ann Smith."))
                .expect(201)
                .json()
                .get("id")
                .asText();
        JsonNode hearing = hearings(caseId).get(0);
        assertThat(hearing.get("kind").asText()).isEqualTo("motion_hearing");
        assertThat(hearing.get("source_filing_id").asText()).isEqualTo(filing);
        assertThat(json(RECEIVER.await(h -> h.path().equals(path), 1, WAIT)
                                .get(0)
                                .body())
                        .get("type")
                        .asText())
                .isEqualTo("hearing.scheduled");

        String id = hearing.get("id").asText();
        api.patch(
                        "/api/v1/cases/" + caseId + "/hearings/" + id,
                        editor,
                        Map.of("scheduled_at", "2027-01-11T09:00:00-08:00"))
                .expect(200);
        api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of(
                                "filed_on",
                                "2026-12-01",
                                "kind",
                                "order",
                                "title",
                                "Order",
                                "description",
                                "ORDER: the Motion Hearing set for 1/8/2027 is reset to 1/20/2027 at 10:00 AM."))
                .expect(201);
        JsonNode after = hearings(caseId);
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("scheduled_at").asText()).isEqualTo("2027-01-11T09:00:00-08:00");
    }

    private static JsonNode hearings(String caseId) {
        return api.get("/api/v1/cases/" + caseId + "/hearings", reporter)
                .expect(200)
                .json()
                .get("data");
    }

    private static List<String> summary(JsonNode calendar) {
        List<String> out = new ArrayList<>();
        for (JsonNode h : calendar) {
            out.add(h.get("kind").asText() + "|" + h.get("title").asText() + "|"
                    + h.get("scheduled_at").asText().replace(":00-", "-").replace(":00+", "+") + "|"
                    + h.get("status").asText() + "|" + h.get("time_known").asBoolean());
        }
        return out;
    }

    private static String entryNumber(String caseId, String filingId) {
        return api.get("/api/v1/cases/" + caseId + "/filings/" + filingId, reporter)
                .expect(200)
                .json()
                .get("entry_number")
                .asText();
    }

    private static ObjectNode docket(String number) {
        ObjectNode d = Api.JSON.createObjectNode();
        d.put("court_id", "cand").put("docket_number", number).put("case_name", "Lind v. Orchard Health Inc.");
        d.put("date_filed", "2026-11-30").put("assigned_to_str", "Marisol T. Okafor");
        d.putArray("parties");
        d.putArray("docket_entries");
        return d;
    }

    private static void entry(ObjectNode docket, String filed, int number, String text) {
        ArrayNode entries = (ArrayNode) docket.get("docket_entries");
        entries.addObject()
                .put("date_filed", filed)
                .put("document_number", number)
                .put("description", text);
    }

    private static String subscribe(String caseId, String path) {
        Map<String, Object> body = new HashMap<>();
        body.put("case_id", caseId);
        body.put("events", List.of("hearing.scheduled", "hearing.rescheduled", "hearing.vacated", "hearing.reminder"));
        body.put("reminder_lead_times", List.of("P1D"));
        body.put("channel", Map.of("type", "webhook", "url", RECEIVER.url(path)));
        return api.post("/api/v1/subscriptions", reporter, body)
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private static JsonNode reminders(String sub) {
        return api.get("/api/v1/subscriptions/" + sub + "/reminders", reporter)
                .expect(200)
                .json()
                .get("data");
    }

    private static JsonNode json(String s) {
        try {
            return Api.JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
