package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.Db;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.RssServer;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus: every body field and every query, path and header parameter that the served
 * OpenAPI document names gets a battery of hostile values (control characters, NUL, 1 MB strings, huge
 * and negative numbers, far dates, invalid zones, lone surrogates, wrong types), and every body gets
 * invalid UTF-8, deep nesting and non-JSON. Each answer must be below 500; each 4xx must be
 * problem+json and must leave every table exactly as it was (a fingerprint of all rows). Accepted
 * values (2xx) are allowed — a form feed in a description is real PACER text — and counted.
 *
 * <p>The operations come from the document itself, so a new endpoint is attacked without editing this
 * test; a new request body needs a valid base body in {@link #bases()} (the test fails until it has
 * one).
 */
@DocketWatchIT
class BadInputIT {
    static final Receiver RECEIVER = new Receiver();
    static final RssServer RSS = new RssServer();
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.withRateLimit(
            10_000_000,
            10_000_000,
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("courtFeeds.allowHosts", "localhost"),
            ConfigOverride.config("courtFeeds.pollInterval", "P1D"));
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String MB = "x".repeat(1_000_000);
    /** How many times a refused request is sent while the database changes under it (see checkBytes). */
    static final int ATTEMPTS = 3;

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Client
    static Api api;

    @Client
    static Db db;

    @Key("editor")
    static String editor;

    @Court
    static String court;

    static String quietCourt;
    static final Map<String, String> ids = new LinkedHashMap<>();
    static JsonNode doc;
    static final List<String> failures = new ArrayList<>();
    static final Map<String, Integer> statuses = new TreeMap<>();
    static int sent;
    /**
     * The fingerprints' own connection and statement, kept for the whole test: a new connection for each of
     * the ~8,000 fingerprints (authentication, a new backend and its catalog caches, the statement planned
     * again) cost most of each request's time.
     */
    static Connection fingerprints;

    static PreparedStatement fingerprintQuery;
    /** The fingerprint after the last refused request (null after an accepted one): the next one's "before". */
    static String known;

    /** JSON values no field should turn into a 500 (most are invalid for every field). */
    static List<JsonNode> hostileValues() {
        List<JsonNode> v = new ArrayList<>();
        for (String s : List.of(
                "",
                "   ",
                "a\u0000b",
                "\u0000",
                "a\u0001\u0008\u000b\u000c\u001f\u007fb",
                "\ud800",
                "a\udfffb",
                "\u202e\ufeff\uffff",
                MB,
                "-1",
                "99999999999999999999999",
                "+294277-01-01",
                "+294277-01-01T00:00:00Z",
                "9999-12-31T23:59:59Z",
                "0000-01-01",
                "-4714-11-24T00:00:00Z",
                "2026-02-30",
                "25:61",
                "Mars/Olympus",
                "+05:00",
                "UTC+5",
                "P1DT9223372036854775807S",
                "PT-1S",
                "http://169.254.169.254/latest/meta-data",
                "https://[::1]/",
                "javascript:alert(1)",
                "' or 1=1 --",
                "%s%n%x",
                "${jndi:ldap://x}")) {
            v.add(NODES.textNode(s));
        }
        v.add(NODES.numberNode(-1));
        v.add(NODES.numberNode(0));
        v.add(NODES.numberNode(Long.MIN_VALUE));
        v.add(NODES.numberNode(Long.MAX_VALUE));
        v.add(NODES.numberNode(new BigInteger("123456789012345678901234567890")));
        v.add(NODES.numberNode(1e308));
        v.add(NODES.numberNode(-0.5));
        v.add(NODES.booleanNode(true));
        v.add(NODES.nullNode());
        v.add(NODES.arrayNode());
        v.add(NODES.arrayNode().add(NODES.textNode("\u0000")).add(NODES.numberNode(Long.MAX_VALUE)));
        v.add(NODES.objectNode());
        v.add(NODES.objectNode().put("a", "\u0000"));
        return v;
    }

    /** Raw parameter values, percent-encoded as given (so invalid UTF-8 and NUL reach the server). */
    static List<String> hostileParams() {
        return List.of(
                "",
                "%20%20",
                "%00",
                "a%00b",
                "a%01%0B%1Fb",
                "%C3%28",
                "%FF%FE",
                "%ED%A0%80",
                "-1",
                "0",
                "-9223372036854775809",
                "9223372036854775807",
                "99999999999999999999999",
                "1e308",
                "NaN",
                "%2B294277-01-01",
                "%2B294277-01-01T00%3A00%3A00Z",
                "0000-01-01",
                "2026-02-30",
                "Mars%2FOlympus",
                "%2B05%3A00",
                "..%2F..%2Fetc%2Fpasswd",
                "%27%20or%201%3D1%20--",
                "%25s%25n",
                "x".repeat(5_000),
                "x".repeat(1_000_000));
    }

    @BeforeAll
    static void createOneOfEverything() {
        doc = api.get("/api/v1/openapi.json", null).expect(200).json();
        quietCourt = api.court(editor);
        String caseId = api.newCase(editor, court);
        ids.put("case_id", caseId);
        ids.put("court_id", court);
        ids.put(
                "id",
                api.post("/api/v1/keys", TestApp.ADMIN_KEY, Map.of("name", "spare", "role", "reporter"))
                        .expect(201)
                        .json()
                        .get("id")
                        .asText());
        ids.put(
                "party_id",
                api.post("/api/v1/cases/" + caseId + "/parties", editor, Map.of("name", "Acme", "role", "defendant"))
                        .expect(201)
                        .json()
                        .get("id")
                        .asText());
        ids.put(
                "filing_id",
                api.post(
                                "/api/v1/cases/" + caseId + "/filings",
                                editor,
                                Map.of("filed_on", "2026-01-06", "kind", "motion", "title", "Motion to dismiss"))
                        .expect(201)
                        .json()
                        .get("id")
                        .asText());
        ids.put(
                "claim_id",
                api.post("/api/v1/cases/" + caseId + "/claims", editor, Map.of("title", "Fraud"))
                        .expect(201)
                        .json()
                        .get("id")
                        .asText());
        ids.put(
                "hearing_id",
                api.post(
                                "/api/v1/cases/" + caseId + "/hearings",
                                editor,
                                Map.of("kind", "motion_hearing", "scheduled_at", "2030-02-04T10:00:00-08:00"))
                        .expect(201)
                        .json()
                        .get("id")
                        .asText());
        ids.put(
                "change_id",
                api.post(
                                "/api/v1/cases/" + caseId + "/status-changes",
                                editor,
                                Map.of("status", "stayed", "effective_on", "2026-01-07"))
                        .expect(201)
                        .json()
                        .get("id")
                        .asText());
        ids.put(
                "feed_token_id",
                api.post("/api/v1/feed-tokens", editor, Map.of("name", "phone"))
                        .expect(201)
                        .json()
                        .get("id")
                        .asText());
        ids.put(
                "subscription_id",
                api.post(
                                "/api/v1/subscriptions",
                                editor,
                                Map.of(
                                        "court",
                                        quietCourt,
                                        "events",
                                        List.of("filing.created"),
                                        "channel",
                                        Map.of("type", "webhook", "url", RECEIVER.url("/hook"))))
                        .expect(201)
                        .json()
                        .get("id")
                        .asText());
        // A delivery of that subscription: a filing in a case of its court.
        api.post(
                        "/api/v1/cases/" + api.newCase(editor, quietCourt) + "/filings",
                        editor,
                        Map.of("filed_on", "2026-01-06", "kind", "notice", "title", "Notice"))
                .expect(201);
        ids.put(
                "delivery_id",
                api.get("/api/v1/subscriptions/" + ids.get("subscription_id") + "/deliveries", editor)
                        .expect(200)
                        .json()
                        .get("data")
                        .get(0)
                        .get("id")
                        .asText());
        RSS.serve("/rss.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>");
        ids.put(
                "feed_id",
                api.post("/api/v1/courts/" + quietCourt + "/feeds", editor, Map.of("url", RSS.url("/rss.xml")))
                        .expect(201)
                        .json()
                        .get("id")
                        .asText());
        ids.put("feed_court", quietCourt);
        settle();
        // The fingerprint sees a change in any table, a partitioned one included.
        String before = fingerprint();
        db.update("update courts set name = name where id = ?", quietCourt);
        String courtTouched = fingerprint();
        assertThat(courtTouched).isNotEqualTo(before);
        db.update("update filings set title = title where case_id = (select max(case_id) from filing_keys)");
        assertThat(fingerprint()).isNotEqualTo(courtTouched);
    }

    @AfterAll
    static void close() throws SQLException {
        RECEIVER.close();
        RSS.close();
        if (fingerprints != null) {
            fingerprints.close();
        }
    }

    /** Valid bodies, one per documented request body; each test changes one place in a copy. */
    static Map<String, ObjectNode> bases() {
        Map<String, ObjectNode> b = new LinkedHashMap<>();
        b.put("KeyRequest", obj("{'name': 'scraper', 'role': 'reporter'}"));
        b.put(
                "CourtRequest",
                obj("{'id': 'zz" + suffix() + "', 'name': 'Court', 'jurisdiction': 'state',"
                        + " 'timezone': 'America/Chicago'}"));
        b.put("CourtFeedRequest", obj("{'url': '" + RSS.url("/other.xml") + "', 'track_all': false}"));
        b.put("Docket", obj("""
                {'court_id': 'cand', 'docket_number': '3:26-cv-0%s', 'case_name': 'Roe v. Doe',
                 'date_filed': '2026-01-02', 'date_terminated': null, 'assigned_to_str': 'Jane Q. Judge',
                 'cause': '28:1332 Diversity', 'nature_of_suit': '190 Contract: Other', 'jury_demand': 'None',
                 'demand': '$1', 'jurisdiction': 'Diversity', 'pacer_case_id': '123',
                 'parties': [{'name': 'Roe', 'type': 'Plaintiff', 'extra_info': '',
                   'attorneys': [{'name': 'Ann Lawyer', 'contact': 'Firm LLP\\nCity', 'roles': ['LEAD ATTORNEY']}]}],
                 'docket_entries': [{'document_number': '1', 'date_filed': '2026-01-02', 'date_entered': '2026-01-02',
                   'description': 'COMPLAINT against Doe.', 'pacer_doc_id': '035', 'pacer_seq_no': '1',
                   'page_count': 3, 'file_size_bytes': 100,
                   'attachments': [{'attachment_number': 1, 'description': 'Exhibit A', 'page_count': 2}]}]}
                """.formatted(suffix().substring(0, 4))));
        b.put(
                "DocketTextRequest",
                obj("{'court': '" + court + "', 'entry_date': '2026-01-05',"
                        + " 'text': 'ORDER: Status Conference set for 3/30/2026 at 03:00 PM.'}"));
        b.put(
                "CaseRequest",
                obj("{'court': '" + court + "', 'docket_number': '1:26-cv-" + suffix() + "', 'caption': 'A v. B',"
                        + " 'filed_on': '2026-01-05', 'judge': 'J', 'nature_of_suit': 'Contract', 'status': 'open'}"));
        b.put("CasePatch", obj("{'caption': 'A v. C', 'judge': 'K', 'nature_of_suit': 'Tort'}"));
        b.put("RelationRequest", obj("{'case_id': '" + ids.get("case_id") + "', 'relation': 'appeal_of'}"));
        b.put(
                "PartyRequest",
                obj("{'name': 'Beta LLC', 'role': 'plaintiff', 'counsel': [{'name': 'C', 'firm': 'F'}]}"));
        b.put(
                "StatusChangeRequest",
                obj("{'status': 'open', 'effective_on': '2026-01-08', 'reason': 'r', 'filing_id': '"
                        + ids.get("filing_id") + "', 'with_prejudice': null}"));
        b.put(
                "FilingRequest",
                obj("{'entry_number': 7, 'filed_on': '2026-01-09', 'kind': 'order', 'title': 'Order',"
                        + " 'description': 'd', 'filed_by': 'Court', 'document_url': 'https://example.org/d.pdf'}"));
        b.put(
                "ClaimRequest",
                obj("{'title': 'Breach', 'statute': 'Cal. Civ.', 'against': ['" + ids.get("party_id")
                        + "'], 'status': 'pending'}"));
        b.put("ClaimPatch", obj("{'status': 'dismissed', 'reason': 'r', 'filing_id': '" + ids.get("filing_id") + "'}"));
        b.put(
                "HearingRequest",
                obj("{'kind': 'status_conference', 'scheduled_at': '2030-03-04T10:00:00-08:00', 'location': 'Room 1',"
                        + " 'description': 'd'}"));
        b.put("HearingPatch", obj("{'scheduled_at': '2030-03-05T10:00:00-08:00', 'outcome': 'o'}"));
        b.put("FeedTokenRequest", obj("{'name': 'laptop'}"));
        b.put(
                "SubscriptionRequest",
                obj("{'court': '" + quietCourt + "', 'events': ['filing.created'], 'channel': {'type': 'webhook',"
                        + " 'url': '" + RECEIVER.url("/other") + "'}, 'reminder_lead_times': ['P1D'],"
                        + " 'filing_kinds': ['order'], 'delivery': 'daily_digest', 'digest_at': '07:00',"
                        + " 'timezone': 'America/New_York'}"));
        b.put("SubscriptionPatch", obj("{'paused': false}"));
        b.put("ReplayRequest", obj("{'since': '2020-01-01T00:00:00Z'}"));
        return b;
    }

    @Test
    void noHostileValueInAnyFieldOrParameterGetsA5xxOrChangesAnything() {
        Map<String, ObjectNode> bases = bases();
        List<String> missing = new ArrayList<>();
        doc.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
                    String method = m.getKey().toUpperCase();
                    if (!List.of("GET", "POST", "PATCH", "PUT", "DELETE").contains(method)) {
                        return;
                    }
                    JsonNode op = m.getValue();
                    String template = path.getKey();
                    List<JsonNode> params = parameters(path.getValue(), op);
                    String schema = requestSchema(op);
                    ObjectNode base = schema == null ? null : bases.get(schema);
                    if (schema != null && base == null) {
                        missing.add(method + " " + template + " (" + schema + ")");
                        return;
                    }
                    attackParameters(method, template, params, base, contentType(op));
                    if (base != null) {
                        attackBody(method, template, base, contentType(op));
                    }
                }));
        System.out.printf(
                "BadInputIT: %d hostile requests, answers by status %s, %d failures%n",
                sent, statuses, failures.size());
        assertThat(missing).as("request bodies without a valid base body here").isEmpty();
        assertThat(sent).as("requests sent").isGreaterThan(2_000);
        assertThat(failures).as("hostile requests answered wrongly").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    private void attackParameters(
            String method, String template, List<JsonNode> params, ObjectNode base, String contentType) {
        String body = base == null ? null : base.toString();
        for (JsonNode p : params) {
            String name = p.path("name").asText();
            String in = p.path("in").asText();
            for (String value : hostileParams()) {
                if (in.equals("header")) {
                    if (value.length() > 10_000 || value.contains("%")) {
                        continue; // HttpClient refuses these header values itself
                    }
                    check(method, pathOf(template, null, null), body, contentType, name + "=" + value, name, value);
                } else if (in.equals("path")) {
                    check(method, pathOf(template, name, value), body, contentType, "path " + name, null, null);
                } else if (in.equals("query")) {
                    String path = pathOf(template, null, null) + "?" + name + "=" + value;
                    check(method, path, body, contentType, "query " + name, null, null);
                }
            }
        }
    }

    private void attackBody(String method, String template, ObjectNode base, String contentType) {
        String path = pathOf(template, null, null);
        List<String> places = new ArrayList<>();
        places(base, "", places);
        for (String place : places) {
            for (JsonNode value : hostileValues()) {
                ObjectNode copy = base.deepCopy();
                set(copy, place, value);
                check(method, path, copy.toString(), contentType, "field " + place, null, null);
            }
            ObjectNode without = base.deepCopy();
            remove(without, place);
            check(method, path, without.toString(), contentType, "without " + place, null, null);
        }
        check(method, path, "{\"unknown_field\": 1}", contentType, "an unknown field", null, null);
        check(method, path, "[]", contentType, "a top-level array", null, null);
        check(method, path, "\"text\"", contentType, "a top-level string", null, null);
        check(method, path, "not json", contentType, "not JSON", null, null);
        check(method, path, "{", contentType, "truncated JSON", null, null);
        check(method, path, "[".repeat(100_000), contentType, "deep arrays", null, null);
        check(
                method,
                path,
                "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000),
                contentType,
                "deep objects",
                null,
                null);
        checkBytes(method, path, invalidUtf8(base), contentType, "invalid UTF-8");
        check(method, path, base.toString(), "text/plain", "a text/plain body", null, null);
    }

    /** The base body with a 0xC3 0x28 byte pair (invalid UTF-8) inside its first string value. */
    private static byte[] invalidUtf8(ObjectNode base) {
        byte[] json = base.toString().getBytes(StandardCharsets.UTF_8);
        int quote = base.toString().indexOf(":\"");
        byte[] out = new byte[json.length + 2];
        int at = quote < 0 ? 1 : quote + 2;
        System.arraycopy(json, 0, out, 0, at);
        out[at] = (byte) 0xC3;
        out[at + 1] = (byte) 0x28;
        System.arraycopy(json, at, out, at + 2, json.length - at);
        return out;
    }

    private void check(
            String method,
            String path,
            String body,
            String contentType,
            String what,
            String header,
            String headerValue) {
        checkBytes(
                method,
                path,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                contentType,
                what,
                header,
                headerValue);
    }

    private void checkBytes(String method, String path, byte[] body, String contentType, String what) {
        checkBytes(method, path, body, contentType, what, null, null);
    }

    private void checkBytes(
            String method,
            String path,
            byte[] body,
            String contentType,
            String what,
            String header,
            String headerValue) {
        // Background work (a webhook's retry, due at its own time) may have written while the request was
        // answered: after it settles, ask again, up to ATTEMPTS times, before blaming the request. A request
        // that changes the database when refused does so every time.
        for (int attempt = 1;
                !send(method, path, body, contentType, what, header, headerValue, attempt == ATTEMPTS);
                attempt++) {
            settle();
        }
    }

    /** Sends one hostile request; false when a refused request seemed to change the database. */
    private boolean send(
            String method,
            String path,
            byte[] body,
            String contentType,
            String what,
            String header,
            String headerValue,
            boolean last) {
        String before = known != null && !last ? known : fingerprint();
        known = null;
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(api.base() + path)).timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            return true; // not even a URI: no client can send it
        }
        b.header("Authorization", "Bearer " + editor);
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        if (header != null) {
            b.header(header, headerValue);
        }
        b.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> r;
        try {
            r = sendAnswered(b.build(), path.length() + (body == null ? 0 : body.length));
        } catch (IOException e) {
            failures.add(label(method, path, what) + ": no answer (" + e + ")");
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        sent++;
        int status = r.statusCode();
        statuses.merge(status / 100 + "xx", 1, Integer::sum);
        if (status >= 500) {
            failures.add(label(method, path, what) + ": " + status + " " + abbreviate(r.body()));
        } else if (status >= 400) {
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                failures.add(label(method, path, what) + ": " + status + " as " + type);
            }
            String after = fingerprint();
            known = after;
            if (!after.equals(before)) {
                if (!last) {
                    return false;
                }
                failures.add(label(method, path, what) + ": " + status + " but the database changed");
            }
        }
        return true;
    }

    /**
     * Sends the request; one more time on a new connection when a large one (a URI or body the server refuses
     * before reading it all) got no answer. The server answers such a request and closes the connection with the
     * rest unread; TCP then resets the connection, and a client still writing may lose the answer (RFC 9112
     * §9.6). Two resets in a row are a failure: a server that crashed or hung would give them.
     */
    private static HttpResponse<String> sendAnswered(HttpRequest request, int size)
            throws IOException, InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (size < 64 * 1024) {
                throw e;
            }
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String label(String method, String path, String what) {
        return method + " " + abbreviate(path) + " [" + abbreviate(what) + "]";
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + ")" : s;
    }

    /**
     * Every table but the scheduler's and Flyway's: its row count and the sum of its rows' creating
     * transaction ids, so any insert, update or delete shows (without reading the rows' text). A partitioned
     * table is counted whole (its partitions are not counted again).
     */
    private static String fingerprint() {
        try {
            if (fingerprintQuery == null) {
                fingerprints = db.connect();
                List<String> tables = new ArrayList<>();
                try (PreparedStatement s = fingerprints.prepareStatement(
                                "select c.relname from pg_class c where c.relnamespace = current_schema()::regnamespace"
                                        + " and c.relkind in ('r', 'p') and not c.relispartition"
                                        + " and c.relname not like 'qrtz%' and c.relname <> 'flyway_schema_history'"
                                        + " order by c.relname");
                        ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                assertThat(tables).contains("cases", "filings", "filing_keys", "deliveries");
                StringBuilder sql = new StringBuilder("select ''");
                for (String table : tables) {
                    sql.append(" || ' ")
                            .append(table)
                            .append(":' || (select count(*) || '/' || coalesce(sum(xmin::text::bigint), 0) from ")
                            .append(table)
                            .append(")");
                }
                fingerprintQuery =
                        fingerprints.prepareStatement(sql.append(" as h").toString());
            }
            try (ResultSet rs = fingerprintQuery.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The fingerprint of the database failed", e);
        }
    }

    /** After an accepted write, waits until background work (deliveries, feed polls) has settled. */
    private static void settle() {
        String last = fingerprint();
        for (int i = 0; i < 50; i++) {
            sleep(100);
            String now = fingerprint();
            if (now.equals(last)) {
                return;
            }
            last = now;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String pathOf(String template, String hostileName, String hostileValue) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        boolean feed = template.contains("/feeds");
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (name.equals(hostileName)) {
                value = hostileValue;
            } else if (name.equals("court_id") && feed) {
                value = ids.get("feed_court");
            } else {
                value = ids.get(name);
                if (value == null) {
                    throw new IllegalStateException("no id for path parameter " + name + " of " + template);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<JsonNode> parameters(JsonNode pathItem, JsonNode op) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : List.of(pathItem.path("parameters"), op.path("parameters"))) {
            p.forEach(x -> out.add(resolve(x)));
        }
        return out;
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : doc.at(ref.asText().substring(1));
    }

    private static String requestSchema(JsonNode op) {
        JsonNode content = op.path("requestBody").path("content");
        Iterator<JsonNode> it = content.elements();
        if (!it.hasNext()) {
            return null;
        }
        String ref = it.next().path("schema").path("$ref").asText("");
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String contentType(JsonNode op) {
        Iterator<String> it = op.path("requestBody").path("content").fieldNames();
        return it.hasNext() ? it.next() : "application/json";
    }

    /** JSON-pointer-like places of every value in a body: {@code /a}, {@code /a/0/b}. */
    private static void places(JsonNode node, String at, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                out.add(at + "/" + f.getKey());
                places(f.getValue(), at + "/" + f.getKey(), out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(at + "/" + i);
                places(node.get(i), at + "/" + i, out);
            }
        }
    }

    private static void set(JsonNode root, String place, JsonNode value) {
        int cut = place.lastIndexOf('/');
        JsonNode parent = root.at(place.substring(0, cut));
        String last = place.substring(cut + 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        }
    }

    private static void remove(JsonNode root, String place) {
        int cut = place.lastIndexOf('/');
        JsonNode parent = root.at(place.substring(0, cut));
        String last = place.substring(cut + 1);
        if (parent instanceof ObjectNode o) {
            o.remove(last);
        } else if (parent instanceof ArrayNode a) {
            a.remove(Integer.parseInt(last));
        }
    }

    private static ObjectNode obj(String singleQuoted) {
        try {
            return (ObjectNode) Api.JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
