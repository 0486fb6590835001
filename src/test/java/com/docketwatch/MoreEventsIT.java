package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.Db;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Fixtures;
import com.docketwatch.support.Key;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's events through HTTP with a real receiver: case.created for court and party subscriptions
 * (POST /cases with later parties, and an import), filing.updated on a re-import that changed an entry,
 * and include_related subscriptions following linked cases, links made later included.
 */
@DocketWatchIT
class MoreEventsIT {
    static final Receiver RECEIVER = new Receiver();
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create(
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("alerts.pollInterval", "PT0.1S"));
    static final Duration WAIT = Duration.ofSeconds(20);
    /** How long to wait before saying that nothing (more) arrived. */
    static final long QUIET_MILLIS = 1500;

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
    void aCourtHearsOfANewCaseAndAPartySubscriptionOnceWhenAMatchingPartyIsAdded() throws Exception {
        String tag = tag();
        String ownCourt = api.court(editor);
        subscribe(Map.of("court", ownCourt, "events", List.of("case.created"), "channel", webhook("/court-" + tag)));
        subscribe(Map.of(
                "party",
                "Zorblax " + tag,
                "events",
                List.of("case.created", "filing.created"),
                "channel",
                webhook("/party-" + tag)));
        subscribe(Map.of(
                "party", "Zorblax " + tag, "events", List.of("filing.created"), "channel", webhook("/no-" + tag)));

        String caseId = api.newCase(editor, ownCourt);
        Receiver.Hit courtHit = RECEIVER.await(path("/court-" + tag), 1, WAIT).get(0);
        JsonNode event = Api.JSON.readTree(courtHit.body());
        assertThat(event.get("type").asText()).isEqualTo("case.created");
        assertThat(event.get("case").get("id").asText()).isEqualTo(caseId);
        assertThat(event.get("data").get("id").asText()).isEqualTo(caseId);
        assertThat(event.get("data").get("caption").asText()).isEqualTo("Doe v. Roe");
        assertThat(event.get("data").get("parties")).isEmpty();
        quiet();
        assertThat(RECEIVER.hits(path("/party-" + tag))).as("no party yet").isEmpty();

        api.post("/api/v1/cases/" + caseId + "/parties", editor, Map.of("name", "Jane Doe", "role", "plaintiff"))
                .expect(201);
        quiet();
        assertThat(RECEIVER.hits(path("/party-" + tag)))
                .as("a party that does not match")
                .isEmpty();
        api.post(
                        "/api/v1/cases/" + caseId + "/parties",
                        editor,
                        Map.of("name", "ZORBLAX " + tag.toUpperCase() + " Inc.", "role", "defendant"))
                .expect(201);
        Receiver.Hit partyHit = RECEIVER.await(path("/party-" + tag), 1, WAIT).get(0);
        assertThat(partyHit.id()).as("the case's one case.created event").isEqualTo(courtHit.id());
        assertThat(Api.JSON.readTree(partyHit.body()).get("type").asText()).isEqualTo("case.created");

        // A second matching party: the subscription heard of the case already. Its filings reach it from now on.
        api.post(
                        "/api/v1/cases/" + caseId + "/parties",
                        editor,
                        Map.of("name", "Zorblax " + tag + " Holdings", "role", "defendant"))
                .expect(201);
        api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of("filed_on", "2026-01-06", "kind", "answer", "title", "Answer"))
                .expect(201);
        RECEIVER.await(path("/party-" + tag), 2, WAIT);
        quiet();
        assertThat(RECEIVER.hits(path("/party-" + tag)))
                .extracting(h -> Api.JSON.readTree(h.body()).get("type").asText())
                .containsExactly("case.created", "filing.created");
        assertThat(RECEIVER.hits(path("/no-" + tag)))
                .as("a subscription without case.created")
                .extracting(h -> Api.JSON.readTree(h.body()).get("type").asText())
                .containsExactly("filing.created");
        assertThat(RECEIVER.hits(path("/court-" + tag))).hasSize(1);
    }

    @Test
    void anImportedDocketNamingThePartyIsACaseCreatedForItsPartyAndCourtSubscriptions() throws Exception {
        String tag = tag();
        ObjectNode docket = Fixtures.own("dockets/district_nysd_closed.json").json();
        String ownCourt = api.court(editor);
        docket.put("court_id", ownCourt);
        docket.put("docket_number", "1:21-cv-" + tag.substring(0, 5));
        ((ObjectNode) docket.get("parties").get(1)).put("name", "Bellweather " + tag + " Logistics LLC");
        subscribe(Map.of(
                "party", "bellweather " + tag, "events", List.of("case.created"), "channel", webhook("/imp-" + tag)));
        subscribe(Map.of("court", ownCourt, "events", List.of("case.created"), "channel", webhook("/nysd-" + tag)));

        JsonNode summary =
                api.post("/api/v1/imports", editor, docket).expect(201).json();
        String caseId = summary.get("case_id").asText();
        Receiver.Hit hit = RECEIVER.await(path("/imp-" + tag), 1, WAIT).get(0);
        JsonNode event = Api.JSON.readTree(hit.body());
        assertThat(event.get("type").asText()).isEqualTo("case.created");
        assertThat(event.get("case").get("id").asText()).isEqualTo(caseId);
        assertThat(Api.texts(event.get("data").get("parties"), "name"))
                .contains("Bellweather " + tag + " Logistics LLC");
        assertThat(RECEIVER.await(path("/nysd-" + tag), 1, WAIT))
                .extracting(Receiver.Hit::id)
                .containsExactly(hit.id());
        Db db = Db.of(APP);
        long id = Long.parseLong(caseId);
        assertThat(db.count("select count(*) from events where case_id = ? and type = 'case.created'", id))
                .isEqualTo(1);
        assertThat(Long.parseLong(hit.id()))
                .as("the case before its filings")
                .isLessThan(db.count("select min(id) from events where case_id = ? and type = 'filing.created'", id));

        api.post("/api/v1/imports", editor, docket).expect(200);
        quiet();
        assertThat(RECEIVER.hits(path("/imp-" + tag)))
                .as("a re-import creates no case")
                .hasSize(1);
    }

    @Test
    void aChangedEntryOnReimportIsOneFilingUpdatedWithItsChangesAndAnUnchangedReimportNone() throws Exception {
        String tag = tag();
        ObjectNode docket = Fixtures.own("dockets/district_nysd_closed.json").json();
        docket.put("docket_number", "1:20-cv-" + tag.substring(0, 5));
        String caseId = api.post("/api/v1/imports", editor, docket)
                .expect(201)
                .json()
                .get("case_id")
                .asText();
        subscribe(Map.of(
                "case_id",
                caseId,
                "events",
                List.of("filing.created", "filing.updated"),
                "channel",
                webhook("/upd-" + tag)));

        JsonNode same = api.post("/api/v1/imports", editor, docket).expect(200).json();
        assertThat(same.get("events").asInt()).isZero();
        quiet();
        assertThat(RECEIVER.hits(path("/upd-" + tag)))
                .as("an unchanged re-import")
                .isEmpty();

        ObjectNode entry = (ObjectNode) docket.get("docket_entries").get(1);
        String before = entry.get("description").asText();
        entry.put("description", "ELECTRONIC SUMMONS ISSUED as to all defendants. Corrected. (vba)");
        JsonNode s = api.post("/api/v1/imports", editor, docket).expect(200).json();
        assertThat(s.get("updated").get("filings").asInt()).isEqualTo(1);
        assertThat(s.get("events").asInt()).isEqualTo(1);
        Receiver.Hit hit = RECEIVER.await(path("/upd-" + tag), 1, WAIT).get(0);
        JsonNode event = Api.JSON.readTree(hit.body());
        assertThat(event.get("type").asText()).isEqualTo("filing.updated");
        JsonNode data = event.get("data");
        assertThat(data.get("entry_number").asInt()).isEqualTo(2);
        assertThat(data.get("description").asText()).endsWith("Corrected. (vba)");
        assertThat(data.get("changes").get("description").get("old").asText()).isEqualTo(before);
        assertThat(data.get("changes").get("description").get("new").asText()).endsWith("Corrected. (vba)");
        assertThat(data.get("changes").has("filed_on")).isFalse();
        JsonNode filing = api.get(
                        "/api/v1/cases/" + caseId + "/filings/" + data.get("id").asText(), reporter)
                .expect(200)
                .json();
        assertThat(filing.get("description").asText()).endsWith("Corrected. (vba)");

        // The same docket again: nothing. Then an entry gains attachments: one more filing.updated.
        api.post("/api/v1/imports", editor, docket).expect(200);
        quiet();
        assertThat(RECEIVER.hits(path("/upd-" + tag))).hasSize(1);
        ObjectNode third = (ObjectNode) docket.get("docket_entries").get(2);
        third.putArray("attachments").addObject().put("attachment_number", 1).put("description", "Exhibit A");
        JsonNode s3 = api.post("/api/v1/imports", editor, docket).expect(200).json();
        assertThat(s3.get("events").asInt()).isEqualTo(1);
        List<Receiver.Hit> hits = RECEIVER.await(path("/upd-" + tag), 2, WAIT);
        JsonNode changes = Api.JSON.readTree(hits.get(1).body()).get("data").get("changes");
        assertThat(changes.get("attachments").get("old").isNull()).isTrue();
        assertThat(changes.get("attachments")
                        .get("new")
                        .get(0)
                        .get("description")
                        .asText())
                .isEqualTo("Exhibit A");
        assertThat(changes.size()).isEqualTo(1);
        quiet();
        assertThat(RECEIVER.hits(path("/upd-" + tag))).hasSize(2);
    }

    @Test
    void anIncludeRelatedSubscriberGetsTheFilingsOfCasesLinkedLaterInEitherDirection() throws Exception {
        String tag = tag();
        String caseId = api.newCase(editor, court);
        JsonNode sub = subscribe(Map.of(
                "case_id",
                caseId,
                "include_related",
                true,
                "events",
                List.of("filing.created"),
                "reminder_lead_times",
                List.of("P1D"),
                "channel",
                webhook("/rel-" + tag)));
        assertThat(sub.get("include_related").asBoolean()).isTrue();
        JsonNode plain = subscribe(
                Map.of("case_id", caseId, "events", List.of("filing.created"), "channel", webhook("/plain-" + tag)));
        assertThat(plain.get("include_related").asBoolean()).isFalse();

        String appeal = api.newCase(editor, court);
        String hearingAt =
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(20).withNano(0).toString();
        String hearing = api.post(
                        "/api/v1/cases/" + appeal + "/hearings",
                        editor,
                        Map.of("kind", "hearing", "scheduled_at", hearingAt))
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.post("/api/v1/cases/" + appeal + "/related", editor, Map.of("case_id", caseId, "relation", "appeal_of"))
                .expect(201);
        String refiled = api.newCase(editor, court);
        api.post("/api/v1/cases/" + caseId + "/related", editor, Map.of("case_id", refiled, "relation", "refiled_as"))
                .expect(201);
        String unrelated = api.newCase(editor, court);

        for (String c : List.of(appeal, refiled, unrelated, caseId)) {
            api.post(
                            "/api/v1/cases/" + c + "/filings",
                            editor,
                            Map.of("filed_on", "2026-02-01", "kind", "notice", "title", "Notice in " + c))
                    .expect(201);
        }
        RECEIVER.await(path("/rel-" + tag), 3, WAIT);
        RECEIVER.await(path("/plain-" + tag), 1, WAIT);
        quiet();
        assertThat(RECEIVER.hits(path("/rel-" + tag)))
                .extracting(
                        h -> Api.JSON.readTree(h.body()).get("case").get("id").asText())
                .containsExactlyInAnyOrder(appeal, refiled, caseId);
        assertThat(RECEIVER.hits(path("/plain-" + tag)))
                .extracting(
                        h -> Api.JSON.readTree(h.body()).get("case").get("id").asText())
                .containsExactly(caseId);

        // The appeal's hearing, on the calendar before the link, now has its reminder for the subscriber.
        JsonNode reminders = api.get("/api/v1/subscriptions/" + sub.get("id").asText() + "/reminders", reporter)
                .json()
                .get("data");
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).get("hearing_id").asText()).isEqualTo(hearing);
        assertThat(reminders.get(0).get("status").asText()).isEqualTo("pending");
    }

    @Test
    void anImportedAppealOfAFollowedCaseReachesItsIncludeRelatedSubscriber() throws Exception {
        String tag = tag();
        ObjectNode appeal = Fixtures.own("dockets/appellate_ca9.json").json();
        JsonNode origin = appeal.get("originating_court_information");
        String lowerNumber = "1:23-cv-" + tag.substring(0, 5);
        ObjectNode lower = Api.obj()
                .put("court_id", origin.get("court_id").asText())
                .put("docket_number", lowerNumber)
                .put("case_name", appeal.get("case_name").asText())
                .put("date_filed", origin.get("date_filed").asText());
        lower.putArray("docket_entries");
        String lowerId = api.post("/api/v1/imports", editor, lower)
                .expect(201)
                .json()
                .get("case_id")
                .asText();
        subscribe(Map.of(
                "case_id",
                lowerId,
                "include_related",
                true,
                "events",
                List.of("case.created", "filing.created"),
                "channel",
                webhook("/appeal-" + tag)));

        ((ObjectNode) origin).put("docket_number", lowerNumber);
        appeal.put("docket_number", "24-" + tag.substring(0, 5));
        JsonNode s = api.post("/api/v1/imports", editor, appeal).expect(201).json();
        int entries = appeal.get("docket_entries").size();
        List<Receiver.Hit> hits = RECEIVER.await(path("/appeal-" + tag), entries + 1, WAIT);
        quiet();
        hits = RECEIVER.hits(path("/appeal-" + tag));
        assertThat(hits).hasSize(entries + 1);
        assertThat(hits)
                .extracting(
                        h -> Api.JSON.readTree(h.body()).get("case").get("id").asText())
                .containsOnly(s.get("case_id").asText());
        assertThat(hits)
                .filteredOn(h -> h.body().contains("\"type\":\"case.created\""))
                .hasSize(1);
    }

    @Test
    void newSubscriptionFieldsAreCheckedAnd422ChangesNothing() {
        String caseId = api.newCase(editor, court);
        Map<String, Object> base = Map.of("events", List.of("case.created"), "channel", webhook("/never"));
        List<Map<String, Object>> bad = List.of(
                with(base, "court", court, "include_related", true),
                with(base, "case_id", caseId, "include_related", "yes"),
                with(base, "case_id", caseId, "delivery", "daily_digest", "digest_day", "monday"),
                with(base, "case_id", caseId, "delivery", "weekly_digest", "digest_day", "someday"),
                with(base, "case_id", caseId, "digest_day", "friday"));
        long before = api.get("/api/v1/subscriptions?limit=500", reporter)
                .json()
                .get("data")
                .size();
        for (Map<String, Object> body : bad) {
            int status = api.post("/api/v1/subscriptions", reporter, body).status();
            assertThat(status).as(body.toString()).isIn(400, 422);
        }
        assertThat(api.get("/api/v1/subscriptions?limit=500", reporter)
                        .json()
                        .get("data")
                        .size())
                .isEqualTo(before);
        JsonNode weekly = subscribe(with(base, "court", court, "delivery", "weekly_digest"));
        assertThat(weekly.get("digest_day").asText()).isEqualTo("monday");
        assertThat(weekly.get("digest_at").asText()).isEqualTo("07:00");
        assertThat(weekly.get("include_related").asBoolean()).isFalse();
        JsonNode immediate = subscribe(with(base, "court", court));
        assertThat(immediate.get("digest_day").isNull()).isTrue();
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
        Map<String, Object> m = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static JsonNode subscribe(Map<String, Object> body) {
        return api.post("/api/v1/subscriptions", reporter, body).expect(201).json();
    }

    private static Map<String, String> webhook(String path) {
        return Map.of("type", "webhook", "url", RECEIVER.url(path));
    }

    private static java.util.function.Predicate<Receiver.Hit> path(String p) {
        return h -> h.path().equals(p);
    }

    /** Eight digits, unique enough to keep each test's names and docket numbers apart. */
    private static String tag() {
        return String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static void quiet() throws InterruptedException {
        Thread.sleep(QUIET_MILLIS);
    }
}
