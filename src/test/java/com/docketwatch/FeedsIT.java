package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

/**
 * Hearing calendars (.ics, read back with ical4j), filing feeds (.atom, read back with Rome) and the
 * feed tokens that calendar apps and feed readers use instead of a header.
 */
@DocketWatchIT
class FeedsIT {
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create();

    @Client
    static Api api;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    @Court
    static String court;

    // ---------------------------------------------------------------------------------------------
    // Calendars

    @Test
    void caseCalendarHasStableUidsRaisedSequencesAndCancelledVacatedHearings() throws Exception {
        String id = musk(court);
        String c = "/api/v1/cases/" + id;
        String motion = api.post(
                        c + "/hearings",
                        editor,
                        Map.of(
                                "kind",
                                "motion_hearing",
                                "scheduled_at",
                                "2026-02-04T18:00:00Z",
                                "location",
                                "Oakland, Courtroom 1, 4th Floor",
                                "description",
                                "Motion for preliminary injunction"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        String conference = api.post(
                        c + "/hearings",
                        editor,
                        Map.of("kind", "case_management_conference", "scheduled_at", "2026-07-01T09:30:00-07:00"))
                .expect(201)
                .json()
                .get("id")
                .asText();

        Api.Resp first = api.get(c + "/hearings.ics", reporter).expect(200);
        assertThat(first.header("Content-Type")).startsWith("text/calendar");
        Calendar cal = parse(first.body());
        assertThat(cal.validate().hasErrors()).as(cal.validate().toString()).isFalse();
        assertThat(cal.getProperty(Property.VERSION).orElseThrow().getValue()).isEqualTo("2.0");
        assertThat(cal.getProperty(Property.PRODID)).isPresent();
        List<VTimeZone> zones = cal.getComponents("VTIMEZONE");
        assertThat(zones).hasSize(1);
        assertThat(zones.get(0).getProperty(Property.TZID).orElseThrow().getValue())
                .isEqualTo("America/Los_Angeles");

        VEvent m = event(cal, motion);
        assertThat(prop(m, Property.UID)).isEqualTo("hearing-" + motion + "@docketwatch");
        assertThat(prop(m, Property.SEQUENCE)).isEqualTo("0");
        assertThat(prop(m, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(m.getProperty(Property.DTSTART)
                        .orElseThrow()
                        .getParameter("TZID")
                        .orElseThrow()
                        .getValue())
                .isEqualTo("America/Los_Angeles");
        assertThat(prop(m, Property.DTSTART)).isEqualTo("20260204T100000");
        assertThat(prop(m, Property.SUMMARY)).contains("Musk v. Altman").contains("Motion hearing");
        assertThat(prop(m, Property.LOCATION)).isEqualTo("Oakland, Courtroom 1, 4th Floor");
        assertThat(prop(m, Property.DESCRIPTION)).contains("Motion for preliminary injunction");
        assertThat(m.getProperty(Property.DTSTAMP)).isPresent();
        assertThat(prop(event(cal, conference), Property.DTSTART)).isEqualTo("20260701T093000");

        // Fetched again, unchanged: the same bytes, so the same UIDs (and the same ETag).
        Api.Resp again = api.get(c + "/hearings.ics", reporter).expect(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));

        api.patch(c + "/hearings/" + motion, editor, Map.of("scheduled_at", "2026-02-05T10:00:00-08:00"))
                .expect(200);
        api.patch(c + "/hearings/" + conference, editor, Map.of("status", "vacated"))
                .expect(200);
        Calendar changed =
                parse(api.get(c + "/hearings.ics", reporter).expect(200).body());
        VEvent moved = event(changed, motion);
        assertThat(prop(moved, Property.UID)).isEqualTo("hearing-" + motion + "@docketwatch");
        assertThat(prop(moved, Property.SEQUENCE)).isEqualTo("1");
        assertThat(prop(moved, Property.DTSTART)).isEqualTo("20260205T100000");
        VEvent vacated = event(changed, conference);
        assertThat(prop(vacated, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(prop(vacated, Property.SEQUENCE)).isEqualTo("1");

        api.get("/api/v1/cases/999999999/hearings.ics", reporter).problem(404);
    }

    @Test
    void crossCaseCalendarTakesTheFiltersOfTheHearingList() throws Exception {
        String mine = api.court(editor);
        String a = api.newCase(editor, mine);
        String b = api.newCase(editor, mine);
        String other = api.newCase(editor, court);
        String inJune = hearing(a, "2026-06-10T09:00:00-07:00");
        String inJuly = hearing(b, "2026-07-10T09:00:00-07:00");
        hearing(other, "2026-06-11T09:00:00-07:00");

        Calendar all = parse(api.get("/api/v1/hearings.ics?court=" + mine, reporter)
                .expect(200)
                .body());
        assertThat(uids(all))
                .containsExactly("hearing-" + inJune + "@docketwatch", "hearing-" + inJuly + "@docketwatch");
        Calendar june = parse(api.get("/api/v1/hearings.ics?court=" + mine + "&from=2026-06-01&to=2026-06-30", reporter)
                .expect(200)
                .body());
        assertThat(uids(june)).containsExactly("hearing-" + inJune + "@docketwatch");
        Calendar ofCase = parse(api.get("/api/v1/hearings.ics?case_id=" + b, reporter)
                .expect(200)
                .body());
        assertThat(uids(ofCase)).containsExactly("hearing-" + inJuly + "@docketwatch");
        api.get("/api/v1/hearings.ics?from=soon", reporter).problem(400);
        api.get("/api/v1/hearings.ics?status=postponed", reporter).problem(400);
    }

    // ---------------------------------------------------------------------------------------------
    // Atom

    /** Real PACER text carries form feeds and other control characters XML cannot: the feeds clean them. */
    @Test
    void controlCharactersInStoredTextNeverBreakAFeed() throws Exception {
        String id = api.post(
                        "/api/v1/cases",
                        editor,
                        Map.of(
                                "court",
                                court,
                                "docket_number",
                                "1:26-cv-\u000b7",
                                "caption",
                                "A\u000bB v. C\u0001",
                                "filed_on",
                                "2026-01-05"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.post(
                        "/api/v1/cases/" + id + "/filings",
                        editor,
                        Map.of(
                                "filed_on",
                                "2026-01-06",
                                "kind",
                                "order",
                                "title",
                                "Order\u000c on motion",
                                "description",
                                "ORDER\u000c granting\u0007 the motion"))
                .expect(201);
        Feed feed = atom(api.get("/api/v1/cases/" + id + "/filings.atom", reporter)
                .expect(200)
                .body());
        assertThat(feed.getTitle()).contains("A B v. C");
        assertThat(((com.rometools.rome.feed.atom.Entry) feed.getEntries().get(0)).getTitle())
                .isEqualTo("Order  on motion");
        atom(api.get("/api/v1/filings.atom", reporter).expect(200).body());
        atom(api.get("/api/v1/filings.atom?q=a%01b", reporter).expect(200).body());
    }

    @Test
    void caseFeedIsAtomNewestFirstWithStableIds() throws Exception {
        String id = musk(court);
        String c = "/api/v1/cases/" + id;
        String complaint = filing(c, 1, "2024-08-05", "complaint", "Complaint", "https://example.org/1.pdf");
        String order =
                filing(c, 3, "2024-11-14", "order", "Order setting hearing on motion for preliminary injunction", null);
        String motion = filing(c, 2, "2024-11-14", "motion", "Motion for preliminary injunction", null);

        Api.Resp r = api.get(c + "/filings.atom", reporter).expect(200);
        assertThat(r.header("Content-Type")).startsWith("application/atom+xml");
        Feed feed = atom(r.body());
        assertThat(feed.getId()).isEqualTo("tag:docketwatch,2024:case/" + id + "/filings");
        assertThat(feed.getTitle()).contains("Musk v. Altman");
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(feed.getAuthors()).isNotEmpty();
        assertThat(feed.getOtherLinks().stream().anyMatch(l -> "self".equals(l.getRel())))
                .isTrue();
        List<String> ids = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (Entry e : feed.getEntries()) {
            ids.add(e.getId());
            titles.add(e.getTitle());
            assertThat(e.getUpdated()).isNotNull();
        }
        // Newest filing date first; the same date, the later entry first.
        assertThat(ids)
                .containsExactly(
                        "tag:docketwatch,2024:filing/" + motion,
                        "tag:docketwatch,2024:filing/" + order,
                        "tag:docketwatch,2024:filing/" + complaint);
        assertThat(titles)
                .containsExactly(
                        "Dkt. 2: Motion for preliminary injunction",
                        "Dkt. 3: Order setting hearing on motion for preliminary injunction",
                        "Dkt. 1: Complaint");
        assertThat(feed.getEntries().get(2).getAlternateLinks().get(0).getHref())
                .isEqualTo("https://example.org/1.pdf");
        assertThat(atom(api.get(c + "/filings.atom", reporter).expect(200).body())
                        .getEntries()
                        .get(0)
                        .getId())
                .isEqualTo("tag:docketwatch,2024:filing/" + motion);
        assertThat(atom(api.get(c + "/filings.atom?limit=1", reporter)
                                .expect(200)
                                .body())
                        .getEntries())
                .hasSize(1);
        api.get("/api/v1/cases/999999999/filings.atom", reporter).problem(404);
    }

    @Test
    void crossCaseFeedTakesTheFiltersOfTheFilingSearchButStaysNewestFirst() throws Exception {
        String mine = api.court(editor);
        String c1 = "/api/v1/cases/" + musk(mine);
        String c2 = "/api/v1/cases/" + api.newCase(editor, mine);
        String older = filing(c1, 1, "2024-03-01", "motion", "Motion for a zebra injunction", null);
        String newer = filing(c2, 1, "2024-05-01", "order", "Order denying zebra injunction", null);
        filing(c2, 2, "2024-06-01", "notice", "Notice of appearance", null);

        Feed feed = atom(api.get("/api/v1/filings.atom?q=zebra&court=" + mine, reporter)
                .expect(200)
                .body());
        List<String> ids = new ArrayList<>();
        feed.getEntries().forEach(e -> ids.add(e.getId()));
        assertThat(ids).containsExactly("tag:docketwatch,2024:filing/" + newer, "tag:docketwatch,2024:filing/" + older);
        assertThat(feed.getEntries().get(1).getTitle())
                .isEqualTo("Musk v. Altman \u2014 Dkt. 1: Motion for a zebra injunction");
        assertThat(feed.getId()).isEqualTo("tag:docketwatch,2024:filings?q=zebra&court=" + mine);
        Feed orders = atom(api.get("/api/v1/filings.atom?kind=order&court=" + mine, reporter)
                .expect(200)
                .body());
        assertThat(orders.getEntries()).hasSize(1);
        api.get("/api/v1/filings.atom?filed_after=yesterday", reporter).problem(400);
    }

    // ---------------------------------------------------------------------------------------------
    // Feed tokens

    @Test
    void feedTokensOpenCalendarsAndFeedsOnly() throws Exception {
        String key = api.key("reporter");
        String id = musk(court);
        String c = "/api/v1/cases/" + id;
        hearing(id, "2026-09-01T10:00:00-07:00");
        filing(c, 1, "2024-08-05", "complaint", "Complaint", null);

        Api.Resp minted = api.post("/api/v1/feed-tokens", key, Map.of("name", "My phone calendar"))
                .expect(201);
        JsonNode t = minted.json();
        String token = t.get("token").asText();
        assertThat(token).startsWith("dwf_");
        assertThat(minted.header("Location"))
                .endsWith("/api/v1/feed-tokens/" + t.get("id").asText());
        assertThat(t.get("name").asText()).isEqualTo("My phone calendar");

        // Calendars and feeds take it without any header.
        String q = "?token=" + enc(token);
        assertThat(api.get(c + "/hearings.ics" + q, null).expect(200).body()).contains("BEGIN:VCALENDAR");
        assertThat(api.get("/api/v1/hearings.ics" + q + "&case_id=" + id, null)
                        .expect(200)
                        .body())
                .contains("BEGIN:VEVENT");
        assertThat(api.get(c + "/filings.atom" + q, null).expect(200).body()).contains("<feed");
        assertThat(api.get("/api/v1/filings.atom" + q + "&q=complaint", null)
                        .expect(200)
                        .body())
                .contains("<feed");
        // ...and the self link does not repeat it.
        assertThat(atom(api.get(c + "/filings.atom" + q, null).body())
                        .getOtherLinks()
                        .get(0)
                        .getHref())
                .doesNotContain("token");

        // Nowhere else: not on JSON reads, not for writes, and never as a Bearer key.
        api.get(c + q, null).problem(401);
        api.get(c + "/hearings" + q, null).problem(401);
        api.get("/api/v1/events" + q, null).problem(401);
        api.get("/api/v1/feed-tokens" + q, null).problem(401);
        api.post(c + "/filings" + q, null, Map.of("filed_on", "2024-08-06", "kind", "notice", "title", "X"))
                .problem(401);
        api.get(c + "/hearings.ics", token).problem(401);
        api.get(c, token).problem(401);
        // An API key is never accepted in a URL, not even on a feed.
        api.get(c + "/hearings.ics?token=" + enc(key), null).problem(401);
        api.get(c + "/hearings.ics?token=dwf_nope", null).problem(401);
        api.get(c + "/hearings.ics", null).problem(401);

        // Stored as its SHA-256 only.
        try (Connection db = DriverManager.getConnection(
                        APP.getConfiguration().getDatabase().getUrl());
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select * from feed_tokens where id = "
                        + Long.parseLong(t.get("id").asText()))) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBytes("token_hash"))
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                assertThat(String.valueOf(rs.getObject(i))).doesNotContain(token);
            }
        }

        // The owner lists and reads it (never the token again); another key sees none of it.
        JsonNode list = api.get("/api/v1/feed-tokens", key).expect(200).json();
        assertThat(list.get("data")).hasSize(1);
        assertThat(list.get("data").get(0).has("token")).isFalse();
        assertThat(api.get("/api/v1/feed-tokens/" + t.get("id").asText(), key)
                        .expect(200)
                        .json()
                        .has("token"))
                .isFalse();
        assertThat(api.get("/api/v1/feed-tokens", reporter).expect(200).json().get("data"))
                .isEmpty();
        api.get("/api/v1/feed-tokens/" + t.get("id").asText(), reporter).problem(404);
        api.delete("/api/v1/feed-tokens/" + t.get("id").asText(), reporter).problem(404);
        api.get(c + "/hearings.ics" + q, null).expect(200);

        // Revoked: refused at once.
        api.delete("/api/v1/feed-tokens/" + t.get("id").asText(), key).expect(204);
        api.get(c + "/hearings.ics" + q, null).problem(401);
        assertThat(api.get("/api/v1/feed-tokens/" + t.get("id").asText(), key)
                        .expect(200)
                        .json()
                        .has("revoked_at"))
                .isTrue();
        api.delete("/api/v1/feed-tokens/" + t.get("id").asText(), key).expect(204);
        api.delete("/api/v1/feed-tokens/999999999", key).problem(404);

        // A token dies with the key that minted it.
        String other = api.post("/api/v1/feed-tokens", key, Map.of("name", "reader"))
                .expect(201)
                .json()
                .get("token")
                .asText();
        api.get(c + "/filings.atom?token=" + enc(other), null).expect(200);
        String keyId = api
                .get("/api/v1/keys?limit=500", TestApp.ADMIN_KEY)
                .expect(200)
                .json()
                .get("data")
                .findParents("id")
                .stream()
                .filter(k -> k.has("name"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .get("id")
                .asText();
        api.delete("/api/v1/keys/" + keyId, TestApp.ADMIN_KEY).expect(204);
        api.get(c + "/filings.atom?token=" + enc(other), null).problem(401);

        JsonNode invalid = api.post("/api/v1/feed-tokens", reporter, Map.of()).problem(422);
        assertThat(invalid.get("errors").get(0).get("field").asText()).isEqualTo("name");
        api.post("/api/v1/feed-tokens", null, Map.of("name", "x")).problem(401);
    }

    // ---------------------------------------------------------------------------------------------

    private static String musk(String courtId) {
        return api.post(
                        "/api/v1/cases",
                        editor,
                        Map.of(
                                "court",
                                courtId,
                                "docket_number",
                                "4:24-cv-" + UUID.randomUUID().toString().substring(0, 5),
                                "caption",
                                "Musk v. Altman",
                                "filed_on",
                                "2024-08-05"))
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private static String hearing(String caseId, String at) {
        return api.post("/api/v1/cases/" + caseId + "/hearings", editor, Map.of("kind", "hearing", "scheduled_at", at))
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private static String filing(String c, int entry, String filedOn, String kind, String title, String url) {
        Map<String, Object> body = new java.util.HashMap<>(
                Map.of("entry_number", entry, "filed_on", filedOn, "kind", kind, "title", title));
        if (url != null) {
            body.put("document_url", url);
        }
        return api.post(c + "/filings", editor, body)
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static VEvent event(Calendar cal, String hearingId) {
        return cal.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> prop(e, Property.UID).equals("hearing-" + hearingId + "@docketwatch"))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> uids(Calendar cal) {
        return cal.<VEvent>getComponents("VEVENT").stream()
                .map(e -> prop(e, Property.UID))
                .toList();
    }

    static String prop(VEvent e, String name) {
        return e.getProperty(name)
                .orElseThrow(() -> new AssertionError("no " + name))
                .getValue();
    }

    static Feed atom(String xml) throws Exception {
        return (Feed) new WireFeedInput().build(new StringReader(xml));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
