package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Fixtures;
import com.docketwatch.support.Fixtures.Fixture;
import com.docketwatch.support.Key;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * POST /api/v1/imports with dockets in juriscraper's shapes (the project's own, and the real ones when
 * ../shared is beside the project): counts, idempotence, newer versions, bad input.
 */
@DocketWatchIT
class ImportIT {
    static final Receiver RECEIVER = new Receiver();
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create(
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("alerts.pollInterval", "PT0.1S"));

    @Client
    static Api api;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;
    /** Six numbered entries (three with attachments) and no parties section. */
    static final String DISTRICT = "dockets/district_cand.json";
    /** A closed case with parties and attorneys and an unnumbered minute entry. */
    static final String CLOSED = "dockets/district_nysd_closed.json";

    @AfterAll
    static void tearDown() {
        RECEIVER.close();
    }

    static List<Fixture> dockets() {
        return Fixtures.dockets();
    }

    static List<Fixture> recapArchives() {
        return Fixtures.ownAndReal("dockets/recap_archive_cand.json", "juriscraper__recap-ia__cand_194617.json");
    }

    static List<Fixture> appeals() {
        return Fixtures.ownAndReal("dockets/appellate_ca9.json", "juriscraper__appellate__ca9_2.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dockets")
    void everyDocketImportsWithItsEntriesPartiesAndAttorneysAndASecondImportChangesNothing(Fixture file)
            throws Exception {
        String body = file.text();
        JsonNode docket = Api.JSON.readTree(body);
        long parties = docket.path("parties").size();
        long attorneys = 0;
        for (JsonNode p : docket.path("parties")) {
            attorneys += p.path("attorneys").size();
        }
        String court = docket.get("court_id").asText();
        String number = docket.get("docket_number").asText();
        Map<String, Long> before = totals();

        Api.Resp first = api.post("/api/v1/imports", editor, body);
        assertThat(first.status()).as(first.body()).isIn(200, 201);
        JsonNode summary = first.json();
        String caseId = summary.get("case_id").asText();
        assertThat(summary.get("court").asText()).isEqualTo(court);
        assertThat(summary.get("skipped")).isEmpty();
        if (first.status() == 201) {
            assertThat(first.header("Location")).endsWith("/api/v1/cases/" + caseId);
        }
        assertThat(count("select count(*) from filings where case_id = ?", caseId))
                .isEqualTo(docket.get("docket_entries").size());
        assertThat(count("select count(*) from parties where case_id = ?", caseId))
                .isEqualTo(parties);
        assertThat(count(
                        "select count(*) from counsel c join parties p on p.id = c.party_id where p.case_id = ?",
                        caseId))
                .isEqualTo(attorneys);
        assertThat(count("select count(*) from events where case_id = ? and type = 'filing.created'", caseId))
                .isEqualTo(docket.get("docket_entries").size());
        assertThat(count("select count(*) from filings where case_id = ? and attachments is not null", caseId))
                .isEqualTo(countWithAttachments(docket));

        JsonNode kase = api.get("/api/v1/cases/" + caseId, reporter).expect(200).json();
        assertThat(kase.get("docket_number").asText()).isEqualTo(number);
        assertThat(kase.get("caption").asText())
                .isEqualTo(docket.get("case_name").asText());
        if (docket.hasNonNull("date_terminated")) {
            assertThat(kase.get("status").asText()).isEqualTo("closed");
            assertThat(kase.get("status_since").asText())
                    .isEqualTo(docket.get("date_terminated").asText());
        }

        Map<String, Long> afterFirst = totals();
        Api.Resp again = api.post("/api/v1/imports", editor, body).expect(200);
        JsonNode s2 = again.json();
        assertThat(s2.get("case_id").asText()).isEqualTo(caseId);
        assertThat(s2.get("created").get("filings").asInt()).isZero();
        assertThat(s2.get("created").get("parties").asInt()).isZero();
        assertThat(s2.get("created").get("counsel").asInt()).isZero();
        assertThat(s2.get("created").get("status_changes").asInt()).isZero();
        assertThat(s2.get("updated").get("filings").asInt()).isZero();
        assertThat(s2.get("updated").get("cases").asInt()).isZero();
        assertThat(s2.get("unchanged").get("filings").asInt())
                .isEqualTo(docket.get("docket_entries").size());
        assertThat(s2.get("unchanged").get("parties").asInt()).isEqualTo(parties);
        assertThat(s2.get("events").asInt()).isZero();
        assertThat(totals()).as("a second import writes no row and no event").isEqualTo(afterFirst);
        assertThat(afterFirst.get("filings") - before.get("filings"))
                .isEqualTo(docket.get("docket_entries").size());
    }

    @Test
    void aNewerVersionWithTwoMoreEntriesAddsExactlyTwoFilingsAndAlertsTwice() throws Exception {
        ObjectNode docket = Fixtures.own(DISTRICT).json();
        docket.put("docket_number", "3:23-cv-99001");
        api.post("/api/v1/imports", editor, docket).expect(201);
        String caseId = api.get("/api/v1/cases?q=3:23-cv-99001", reporter)
                .json()
                .get("data")
                .get(0)
                .get("id")
                .asText();
        String sub = api.post(
                        "/api/v1/subscriptions",
                        reporter,
                        Map.of(
                                "case_id",
                                caseId,
                                "events",
                                List.of("filing.created"),
                                "channel",
                                Map.of("type", "webhook", "url", RECEIVER.url("/newer"))))
                .expect(201)
                .json()
                .get("id")
                .asText();
        Map<String, Long> before = totals();

        ArrayNode entries = (ArrayNode) docket.get("docket_entries");
        entries.addObject()
                .put("document_number", "7")
                .put("date_filed", "2023-10-02")
                .put("date_entered", "2023-10-02")
                .put("description", "MOTION to Dismiss filed by Quillfeather Labs, Inc. (Entered: 10/02/2023)")
                .put("pacer_doc_id", "035023599901")
                .put("pacer_seq_no", "31");
        entries.addObject()
                .putNull("document_number")
                .put("date_filed", "2023-10-03")
                .put("date_entered", "2023-10-03")
                .put("description", "CLERK'S NOTICE setting a hearing on the motion to dismiss. (Entered: 10/03/2023)")
                .putNull("pacer_doc_id")
                .putNull("pacer_seq_no");
        JsonNode s = api.post("/api/v1/imports", editor, docket).expect(200).json();
        assertThat(s.get("created").get("filings").asInt()).isEqualTo(2);
        assertThat(s.get("unchanged").get("filings").asInt()).isEqualTo(6);
        assertThat(s.get("events").asInt()).isEqualTo(2);

        Map<String, Long> after = totals();
        assertThat(after.get("filings") - before.get("filings")).isEqualTo(2);
        assertThat(after.get("events") - before.get("events")).isEqualTo(2);
        assertThat(count(
                        "select count(*) from events where case_id = ? and type = 'filing.created' and data->>'kind' in ('motion', 'notice')"
                                + " and occurred_at >= (select max(occurred_at) from events where case_id = ?)",
                        caseId,
                        caseId))
                .isEqualTo(2);
        List<Receiver.Hit> hits = RECEIVER.await(h -> h.path().equals("/newer"), 2, Duration.ofSeconds(20));
        Thread.sleep(500);
        assertThat(RECEIVER.hits(h -> h.path().equals("/newer"))).hasSize(2);
        assertThat(hits)
                .extracting(
                        h -> Api.JSON.readTree(h.body()).get("data").get("kind").asText())
                .containsExactlyInAnyOrder("motion", "notice");

        // And once more: nothing new, nothing sent.
        api.post("/api/v1/imports", editor, docket).expect(200);
        assertThat(totals()).isEqualTo(after);
        assertThat(api.get("/api/v1/subscriptions/" + sub + "/deliveries", reporter)
                        .json()
                        .get("data"))
                .hasSize(2);
    }

    @Test
    void aChangedEntryTextUpdatesTheFilingWithOneFilingUpdatedEvent() throws Exception {
        ObjectNode docket = Fixtures.own(CLOSED).json();
        docket.put("docket_number", "1:20-cv-99002");
        String caseId = api.post("/api/v1/imports", editor, docket)
                .expect(201)
                .json()
                .get("case_id")
                .asText();
        Map<String, Long> before = totals();
        ((ObjectNode) docket.get("docket_entries").get(0)).put("description", "MINUTE ORDER. Corrected text.");
        JsonNode s = api.post("/api/v1/imports", editor, docket).expect(200).json();
        assertThat(s.get("updated").get("filings").asInt()).isEqualTo(1);
        assertThat(s.get("events").asInt()).isEqualTo(1);
        Map<String, Long> after = totals();
        assertThat(after.get("events")).isEqualTo(before.get("events") + 1);
        after.remove("events");
        before.remove("events");
        assertThat(after).isEqualTo(before);
        assertThat(count(
                        "select count(*) from events where case_id = ? and type = 'filing.updated'"
                                + " and data->'changes'->'description'->>'new' = 'MINUTE ORDER. Corrected text.'",
                        caseId))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from filings where case_id = ? and description = 'MINUTE ORDER. Corrected text.'",
                        caseId))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recapArchives")
    void kindsAreInferredFromTheDocketText(Fixture file) throws Exception {
        ObjectNode docket = file.json();
        docket.put("docket_number", renumbered(docket, "99005"));
        JsonNode s = api.post("/api/v1/imports", editor, docket).expect(201).json();
        String caseId = s.get("case_id").asText();
        JsonNode complaints = api.get("/api/v1/cases/" + caseId + "/filings?kind=complaint", reporter)
                .expect(200)
                .json();
        assertThat(complaints.get("data"))
                .extracting(f -> f.get("entry_number").asInt())
                .contains(1);
        JsonNode orders = api.get("/api/v1/cases/" + caseId + "/filings?kind=order&limit=500", reporter)
                .expect(200)
                .json();
        assertThat(orders.get("data").size()).isGreaterThan(3);
    }

    @Test
    void truncatedJsonIs400AndChangesNothing() {
        String body = Fixtures.own(CLOSED).text();
        Map<String, Long> before = totals();
        JsonNode p = api.post("/api/v1/imports", editor, body.substring(0, body.length() / 2))
                .problem(400);
        assertThat(p.get("detail").asText()).contains("not valid JSON");
        api.post("/api/v1/imports", editor, "garbage, not a docket").problem(400);
        assertThat(totals()).isEqualTo(before);
    }

    @Test
    void wrongTypesAndMissingFieldsAre422NamingTheFieldAndChangeNothing() throws Exception {
        Map<String, Long> before = totals();
        ObjectNode docket = Fixtures.own(CLOSED).json();
        docket.put("docket_number", "3:08-cv-99003");

        ObjectNode noNumber = docket.deepCopy();
        noNumber.remove("docket_number");
        assertThat(fields(api.post("/api/v1/imports", editor, noNumber).problem(422)))
                .contains("docket_number");

        ObjectNode noCourt = docket.deepCopy();
        noCourt.putNull("court_id");
        assertThat(fields(api.post("/api/v1/imports", editor, noCourt).problem(422)))
                .contains("court_id");

        ObjectNode entriesNotAList = docket.deepCopy();
        entriesNotAList.put("docket_entries", "none");
        assertThat(fields(api.post("/api/v1/imports", editor, entriesNotAList).problem(422)))
                .contains("docket_entries");

        ObjectNode badNumber = docket.deepCopy();
        ((ObjectNode) badNumber.get("docket_entries").get(2))
                .putObject("document_number")
                .put("n", 1);
        assertThat(fields(api.post("/api/v1/imports", editor, badNumber).problem(422)))
                .contains("docket_entries[2].document_number");

        ObjectNode badDate = docket.deepCopy();
        ((ObjectNode) badDate.get("docket_entries").get(1)).put("date_filed", "last Tuesday");
        badDate.put("date_terminated", "2016-13-45");
        assertThat(fields(api.post("/api/v1/imports", editor, badDate).problem(422)))
                .contains("docket_entries[1].date_filed", "date_terminated");

        JsonNode list = api.post("/api/v1/imports", editor, "[" + docket + "]").problem(422);
        assertThat(fields(list)).contains("body");

        assertThat(totals()).as("nothing written by any rejected import").isEqualTo(before);
        api.get("/api/v1/cases?q=3:08-cv-99003", reporter).expect(200);
        assertThat(api.get("/api/v1/cases?q=3:08-cv-99003", reporter).json().get("data"))
                .isEmpty();
    }

    /**
     * Text PostgreSQL would refuse (a source key or party key over the B-tree row limit, an entry whose search
     * vector is over 1 MB, NUL, an unpaired surrogate) is a 422 naming the entry, and nothing is stored.
     */
    @Test
    void overLongOrInvalidTextIs422NamingTheEntryAndStoresNothing() throws Exception {
        Map<String, Long> before = totals();
        ObjectNode docket = Fixtures.own(CLOSED).json();
        docket.put("docket_number", "3:08-cv-99007");
        java.util.Random random = new java.util.Random(12);
        String incompressible = random.ints(8000, 0, 62)
                .mapToObj(
                        i -> String.valueOf("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".charAt(i)))
                .collect(java.util.stream.Collectors.joining());
        StringBuilder words = new StringBuilder();
        for (int i = 0; words.length() < 1_200_000; i++) {
            words.append('w').append(Integer.toString(i, 36)).append(' ');
        }

        ObjectNode longKey = docket.deepCopy();
        ((ObjectNode) longKey.get("docket_entries").get(2)).put("pacer_seq_no", incompressible);
        assertThat(fields(api.post("/api/v1/imports", editor, longKey).problem(422)))
                .containsExactly("docket_entries[2].pacer_seq_no");

        ObjectNode longText = docket.deepCopy();
        ((ObjectNode) longText.get("docket_entries").get(4)).put("description", words.toString());
        JsonNode p = api.post("/api/v1/imports", editor, longText).problem(422);
        assertThat(fields(p)).containsExactly("docket_entries[4].description");
        assertThat(p.get("detail").asText())
                .isEqualTo("docket_entries[4].description: must be at most 100000 characters");

        ObjectNode longParty = docket.deepCopy();
        ((ObjectNode) longParty.get("parties").get(0)).put("name", incompressible.substring(0, 501));
        ((ObjectNode) longParty.get("parties").get(1)).put("type", incompressible);
        ((ObjectNode) longParty.get("parties").get(2).get("attorneys").get(0)).put("contact", incompressible);
        assertThat(fields(api.post("/api/v1/imports", editor, longParty).problem(422)))
                .containsExactlyInAnyOrder("parties[0].name", "parties[1].type", "parties[2].attorneys[0].contact");

        ObjectNode invalid = docket.deepCopy();
        ((ObjectNode) invalid.get("docket_entries").get(0)).put("description", "ORDER \u0000 granting");
        ((ObjectNode) invalid.get("docket_entries").get(1))
                .putArray("attachments")
                .addObject()
                .put("description", "Exhibit \u0000A");
        ((ObjectNode) invalid.get("parties").get(3)).put("name", "Renata SURROGATE Solis");
        // JSON's escape of a lone surrogate, as a client may send it (Java's encoder would make it "?").
        String body = Api.JSON.writeValueAsString(invalid).replace("SURROGATE", "\\ud800");
        assertThat(body).contains("Renata \\ud800 Solis");
        assertThat(fields(api.post("/api/v1/imports", editor, body).problem(422)))
                .containsExactlyInAnyOrder(
                        "docket_entries[0].description", "docket_entries[1].attachments", "parties[3].name");

        assertThat(totals()).as("nothing written by any rejected import").isEqualTo(before);
        assertThat(api.get("/api/v1/cases?q=3:08-cv-99007", reporter).json().get("data"))
                .isEmpty();
    }

    @Test
    void onlyEditorsImport() {
        String body = Fixtures.own(DISTRICT).text();
        api.post("/api/v1/imports", reporter, body).problem(403);
        api.post("/api/v1/imports", null, body).problem(401);
    }

    @Test
    void anEntryWithoutADateIsSkippedAndNamed() throws Exception {
        ObjectNode docket = Fixtures.own(DISTRICT).json();
        docket.put("docket_number", "3:23-cv-99004");
        ((ObjectNode) docket.get("docket_entries").get(3)).putNull("date_filed");
        JsonNode s = api.post("/api/v1/imports", editor, docket).expect(201).json();
        assertThat(s.get("created").get("filings").asInt()).isEqualTo(5);
        assertThat(s.get("skipped")).hasSize(1);
        assertThat(s.get("skipped").get(0).get("entry").asText()).isEqualTo("docket_entries[3]");
        assertThat(s.get("skipped").get(0).get("reason").asText()).contains("date_filed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appeals")
    void anAppealIsLinkedToTheCaseAppealedFromWhenThatCaseIsKnown(Fixture file) throws Exception {
        ObjectNode appeal = file.json();
        JsonNode origin = appeal.get("originating_court_information");
        ObjectNode lower = Api.obj()
                .put("court_id", origin.get("court_id").asText())
                .put("docket_number", origin.get("docket_number").asText())
                .put("case_name", appeal.get("case_name").asText())
                .put("date_filed", origin.get("date_filed").asText());
        lower.putArray("docket_entries");
        String lowerId =
                api.post("/api/v1/imports", editor, lower).json().get("case_id").asText();
        appeal.put("docket_number", renumbered(appeal, "99006"));
        JsonNode s = api.post("/api/v1/imports", editor, appeal).expect(201).json();
        JsonNode related = api.get("/api/v1/cases/" + s.get("case_id").asText(), reporter)
                .json()
                .get("related_cases");
        assertThat(related).anySatisfy(r -> {
            assertThat(r.get("case_id").asText()).isEqualTo(lowerId);
            assertThat(r.get("relation").asText()).isEqualTo("appeal_of");
        });
        assertThat(api.get("/api/v1/courts", reporter).json().toString())
                .contains("\"id\":\"hid\"", "Pacific/Honolulu");
    }

    /** The docket's number with its last part replaced: a copy that does not collide with the original. */
    private static String renumbered(JsonNode docket, String last) {
        return docket.get("docket_number").asText().replaceFirst("\\d+$", last);
    }

    private static List<String> fields(JsonNode problem) {
        return problem.path("errors").findValuesAsText("field");
    }

    private static long countWithAttachments(JsonNode docket) {
        long n = 0;
        for (JsonNode e : docket.get("docket_entries")) {
            n += e.path("attachments").size() > 0 ? 1 : 0;
        }
        return n;
    }

    static Map<String, Long> totals() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String table :
                List.of("courts", "cases", "parties", "counsel", "filings", "status_changes", "events", "deliveries")) {
            out.put(table, count("select count(*) from " + table));
        }
        return out;
    }

    static long count(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(
                        APP.getConfiguration().getDatabase().getUrl());
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setLong(i + 1, Long.parseLong(args[i].toString()));
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
