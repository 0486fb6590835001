package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.MutableClock;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Hearing reminders through the HTTP API, with the service's clock moved by the test: the real
 * Quartz sweep (every second) and delivery worker send them to a real receiver.
 */
@DocketWatchIT
class RemindersIT {
    static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
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

    @Court
    static String court;

    @AfterAll
    static void tearDown() {
        RECEIVER.close();
    }

    @Test
    void reminderArrivesOnceAtItsInstantNamingHearingCaseAndLeadTime() {
        String caseId = api.newCase(editor, court);
        String path = path();
        String sub = subscribe(Map.of("case_id", caseId, "reminder_lead_times", List.of("PT1H")), path);
        Instant start = CLOCK.instant();
        String hearing = hearing(caseId, start.plus(Duration.ofHours(3)));
        JsonNode planned = reminders(sub).get(0);
        assertThat(planned.get("status").asText()).isEqualTo("pending");
        assertThat(Instant.parse(planned.get("due_at").asText())).isEqualTo(start.plus(Duration.ofHours(2)));

        CLOCK.set(start.plus(Duration.ofHours(2)).minusSeconds(5));
        pause(2000);
        assertThat(RECEIVER.hits(h -> h.path().equals(path))).isEmpty();
        CLOCK.set(start.plus(Duration.ofHours(2)).plusSeconds(1));
        Receiver.Hit hit = RECEIVER.await(h -> h.path().equals(path), 1, WAIT).get(0);
        JsonNode body = json(hit.body());
        assertThat(body.get("type").asText()).isEqualTo("hearing.reminder");
        assertThat(body.get("case").get("id").asText()).isEqualTo(caseId);
        JsonNode data = body.get("data");
        assertThat(data.get("id").asText()).isEqualTo(hearing);
        assertThat(data.get("kind").asText()).isEqualTo("motion_hearing");
        assertThat(data.get("lead_time").asText()).isEqualTo("PT1H");
        assertThat(data.get("late").asBoolean()).isFalse();
        assertThat(data.get("location").asText()).isEqualTo("Courtroom 1");
        assertThat(OffsetDateTime.parse(data.get("scheduled_at").asText())
                        .getOffset()
                        .getTotalSeconds())
                .isIn(-8 * 3600, -7 * 3600);
        pause(2500);
        assertThat(RECEIVER.hits(h -> h.path().equals(path))).hasSize(1);
        JsonNode sent = reminders(sub).get(0);
        assertThat(sent.get("status").asText()).isEqualTo("sent");
        assertThat(sent.get("event_id").asText()).isEqualTo(hit.id());
        // A reminder is its subscription's own: the global change feed does not show it.
        assertThat(api.get("/api/v1/events?after=0&limit=500", reporter)
                        .expect(200)
                        .json()
                        .get("data")
                        .findValuesAsText("type"))
                .doesNotContain("hearing.reminder");
    }

    @Test
    void reschedulingMovesTheReminder() {
        String caseId = api.newCase(editor, court);
        String path = path();
        String sub = subscribe(Map.of("case_id", caseId, "reminder_lead_times", List.of("PT1H")), path);
        Instant start = CLOCK.instant();
        String hearing = hearing(caseId, start.plus(Duration.ofHours(3)));
        api.patch(
                        "/api/v1/cases/" + caseId + "/hearings/" + hearing,
                        editor,
                        Map.of("scheduled_at", start.plus(Duration.ofHours(6)).toString()))
                .expect(200);
        assertThat(Instant.parse(reminders(sub).get(0).get("due_at").asText()))
                .isEqualTo(start.plus(Duration.ofHours(5)));
        CLOCK.set(start.plus(Duration.ofHours(2)).plusSeconds(1));
        pause(2500);
        assertThat(RECEIVER.hits(h -> h.path().equals(path))).isEmpty();
        CLOCK.set(start.plus(Duration.ofHours(5)).plusSeconds(1));
        RECEIVER.await(h -> h.path().equals(path), 1, WAIT);
    }

    @Test
    void vacatingOrHoldingCancelsRemindersNotYetSent() {
        String caseId = api.newCase(editor, court);
        String path = path();
        String sub = subscribe(Map.of("case_id", caseId, "reminder_lead_times", List.of("PT1H", "PT30M")), path);
        Instant start = CLOCK.instant();
        String vacated = hearing(caseId, start.plus(Duration.ofHours(2)));
        String held = hearing(caseId, start.plus(Duration.ofHours(2)));
        api.patch("/api/v1/cases/" + caseId + "/hearings/" + vacated, editor, Map.of("status", "vacated"))
                .expect(200);
        api.patch("/api/v1/cases/" + caseId + "/hearings/" + held, editor, Map.of("status", "held"))
                .expect(200);
        assertThat(reminders(sub).findValuesAsText("status")).hasSize(4).containsOnly("cancelled");
        CLOCK.set(start.plus(Duration.ofMinutes(105)));
        pause(2500);
        assertThat(RECEIVER.hits(h -> h.path().equals(path))).isEmpty();
    }

    @Test
    void pausingOrDeletingTheSubscriptionStopsItsReminders() {
        String caseId = api.newCase(editor, court);
        String pausedPath = path();
        String deletedPath = path();
        String livePath = path();
        String paused = subscribe(Map.of("case_id", caseId, "reminder_lead_times", List.of("PT1H")), pausedPath);
        String deleted = subscribe(Map.of("case_id", caseId, "reminder_lead_times", List.of("PT1H")), deletedPath);
        subscribe(Map.of("case_id", caseId, "reminder_lead_times", List.of("PT1H")), livePath);
        Instant start = CLOCK.instant();
        hearing(caseId, start.plus(Duration.ofHours(3)));
        api.patch("/api/v1/subscriptions/" + paused, reporter, Map.of("paused", true))
                .expect(200);
        api.delete("/api/v1/subscriptions/" + deleted, reporter).expect(204);
        CLOCK.set(start.plus(Duration.ofHours(2)).plusSeconds(1));
        RECEIVER.await(h -> h.path().equals(livePath), 1, WAIT);
        pause(1500);
        assertThat(RECEIVER.hits(h -> h.path().equals(pausedPath) || h.path().equals(deletedPath)))
                .isEmpty();
        assertThat(reminders(paused).get(0).get("status").asText()).isEqualTo("skipped");
    }

    @Test
    void leadTimeAlreadyPastWhenScheduledSendsNothing() {
        String caseId = api.newCase(editor, court);
        String path = path();
        String sub = subscribe(Map.of("case_id", caseId, "reminder_lead_times", List.of("P1D", "PT10M")), path);
        Instant start = CLOCK.instant();
        hearing(caseId, start.plus(Duration.ofMinutes(30)));
        JsonNode list = reminders(sub);
        assertThat(list).hasSize(2);
        JsonNode day = list.get(0).get("lead_time").asText().equals("P1D") ? list.get(0) : list.get(1);
        JsonNode tenMinutes = list.get(0).get("lead_time").asText().equals("P1D") ? list.get(1) : list.get(0);
        assertThat(day.get("status").asText()).isEqualTo("cancelled");
        assertThat(tenMinutes.get("status").asText()).isEqualTo("pending");
        CLOCK.set(start.plus(Duration.ofMinutes(20)).plusSeconds(1));
        List<Receiver.Hit> hits = RECEIVER.await(h -> h.path().equals(path), 1, WAIT);
        pause(1500);
        assertThat(RECEIVER.hits(h -> h.path().equals(path))).hasSize(1);
        assertThat(json(hits.get(0).body()).get("data").get("lead_time").asText())
                .isEqualTo("PT10M");
    }

    @Test
    void movingAHearingLaterBringsBackAReminderThatWasAlreadyPast() {
        String caseId = api.newCase(editor, court);
        String sub = subscribe(Map.of("case_id", caseId, "reminder_lead_times", List.of("P1D")), path());
        Instant start = CLOCK.instant();
        String hearing = hearing(caseId, start.plus(Duration.ofMinutes(30)));
        assertThat(reminders(sub).get(0).get("status").asText()).isEqualTo("cancelled");
        api.patch(
                        "/api/v1/cases/" + caseId + "/hearings/" + hearing,
                        editor,
                        Map.of("scheduled_at", start.plus(Duration.ofDays(3)).toString()))
                .expect(200);
        JsonNode moved = reminders(sub).get(0);
        assertThat(moved.get("status").asText()).isEqualTo("pending");
        assertThat(Instant.parse(moved.get("due_at").asText())).isAfter(start.plus(Duration.ofDays(1)));
    }

    @Test
    void afterDowntimeDueRemindersGoOutLateAndThoseOfPastHearingsAreMissed() {
        String caseId = api.newCase(editor, court);
        String path = path();
        String sub = subscribe(Map.of("case_id", caseId, "reminder_lead_times", List.of("PT1H")), path);
        Instant start = CLOCK.instant();
        String ahead = hearing(caseId, start.plus(Duration.ofHours(2)));
        String over = hearing(caseId, start.plus(Duration.ofMinutes(90)));
        // As if the service had been down from now until 1 h 45 min later.
        CLOCK.set(start.plus(Duration.ofMinutes(105)));
        Receiver.Hit hit = RECEIVER.await(h -> h.path().equals(path), 1, WAIT).get(0);
        JsonNode data = json(hit.body()).get("data");
        assertThat(data.get("id").asText()).isEqualTo(ahead);
        assertThat(data.get("late").asBoolean()).isTrue();
        pause(1500);
        assertThat(RECEIVER.hits(h -> h.path().equals(path))).hasSize(1);
        JsonNode list = reminders(sub);
        for (JsonNode r : list) {
            assertThat(r.get("status").asText())
                    .isEqualTo(r.get("hearing_id").asText().equals(over) ? "missed" : "sent");
        }
    }

    @Test
    void daysAreCalendarDaysInTheCourtZoneAndHoursAreExactAcrossDst() {
        String caseId = api.newCase(editor, court);
        String sub = subscribe(Map.of("case_id", caseId, "reminder_lead_times", List.of("P1D", "PT24H")), path());
        hearing(caseId, OffsetDateTime.parse("2027-03-14T09:00:00-07:00").toInstant());
        for (JsonNode r : reminders(sub)) {
            Instant due = Instant.parse(r.get("due_at").asText());
            assertThat(due)
                    .isEqualTo(OffsetDateTime.parse(
                                    r.get("lead_time").asText().equals("P1D")
                                            ? "2027-03-13T09:00:00-08:00"
                                            : "2027-03-13T08:00:00-08:00")
                            .toInstant());
        }
    }

    @Test
    void courtAndPartySubscriptionsGetRemindersAndANewSubscriptionIsPlannedForExistingHearings() {
        String caseId = api.newCase(editor, court);
        api.post(
                        "/api/v1/cases/" + caseId + "/parties",
                        editor,
                        Map.of("name", "Reminder Party " + caseId, "role", "plaintiff"))
                .expect(201);
        Instant start = CLOCK.instant();
        hearing(caseId, start.plus(Duration.ofHours(4)));
        String courtPath = path();
        String partyPath = path();
        String bySub = subscribe(Map.of("court", court, "reminder_lead_times", List.of("PT2H")), courtPath);
        subscribe(Map.of("party", "reminder party " + caseId, "reminder_lead_times", List.of("PT2H")), partyPath);
        assertThat(reminders(bySub).findValuesAsText("status")).contains("pending");
        CLOCK.set(start.plus(Duration.ofHours(2)).plusSeconds(1));
        RECEIVER.await(h -> h.path().equals(courtPath), 1, WAIT);
        RECEIVER.await(h -> h.path().equals(partyPath), 1, WAIT);
    }

    private static String subscribe(Map<String, Object> target, String path) {
        Map<String, Object> body = new java.util.HashMap<>(target);
        body.put("events", List.of("hearing.reminder"));
        body.put("channel", Map.of("type", "webhook", "url", RECEIVER.url(path)));
        return api.post("/api/v1/subscriptions", reporter, body)
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private static String hearing(String caseId, Instant at) {
        return api.post(
                        "/api/v1/cases/" + caseId + "/hearings",
                        editor,
                        Map.of("kind", "motion_hearing", "scheduled_at", at.toString(), "location", "Courtroom 1"))
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

    private static String path() {
        return "/r-" + UUID.randomUUID();
    }

    private static JsonNode json(String s) {
        try {
            return Api.JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
