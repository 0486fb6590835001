package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.Db;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every error class of the API conventions, always as problem+json, and never a change in the
 * database when a write is refused.
 */
@DocketWatchIT
class ErrorsIT {
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create();
    static final String JSON = "application/json";
    static final int MIB = 1 << 20;
    static final HttpClient HTTP1 = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Client
    static Api api;

    @Client
    static Db db;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    static String admin = TestApp.ADMIN_KEY;

    @Court
    static String court;

    static String caseId;
    static String otherCaseId;
    static String partyId;
    static String filingId;
    static String claimId;
    static String hearingId;
    static String statusChangeId;

    /** A write endpoint, the key allowed to use it, and a body it accepts. */
    record Write(String method, String path, String key, Supplier<ObjectNode> validBody) {
        Api.Resp send(Object body) {
            return api.send(method, path, key, body, JSON);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void setUp() {
        caseId = api.newCase(editor, court);
        otherCaseId = api.newCase(editor, court);
        partyId = api.post(
                        "/api/v1/cases/" + caseId + "/parties",
                        editor,
                        Map.of("name", "Elon Musk", "role", "plaintiff"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        filingId = api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of("entry_number", 1, "filed_on", "2024-08-05", "kind", "complaint", "title", "Complaint"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        claimId = api.post(
                        "/api/v1/cases/" + caseId + "/claims",
                        editor,
                        Map.of("title", "Breach of contract", "against", List.of(partyId)))
                .expect(201)
                .json()
                .get("id")
                .asText();
        hearingId = api.post(
                        "/api/v1/cases/" + caseId + "/hearings",
                        editor,
                        Map.of("kind", "motion_hearing", "scheduled_at", "2026-03-01T10:00:00-08:00"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        statusChangeId = api.post(
                        "/api/v1/cases/" + otherCaseId + "/status-changes",
                        editor,
                        Map.of("status", "stayed", "effective_on", "2025-01-01"))
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    /** Every POST and PATCH of the API, each with a body it would accept. */
    static List<Write> writes() {
        String c = "/api/v1/cases/" + caseId;
        return List.of(
                new Write("POST", "/api/v1/keys", admin, () -> obj("name", "battery key", "role", "reporter")),
                new Write(
                        "POST",
                        "/api/v1/courts",
                        editor,
                        () -> obj(
                                "id",
                                "batterycourt",
                                "name",
                                "Battery Court",
                                "jurisdiction",
                                "federal",
                                "timezone",
                                "America/New_York")),
                new Write(
                        "POST",
                        "/api/v1/cases",
                        editor,
                        () -> obj(
                                "court",
                                court,
                                "docket_number",
                                "9:99-cv-battery",
                                "caption",
                                "Battery v. Test",
                                "filed_on",
                                "2025-01-02",
                                "judge",
                                "Judge J",
                                "nature_of_suit",
                                "Contract")),
                new Write(
                        "PATCH",
                        c,
                        editor,
                        () -> obj("caption", "New caption", "judge", "New judge", "nature_of_suit", "Tort")),
                new Write("POST", c + "/related", editor, () -> obj("case_id", otherCaseId, "relation", "appeal_of")),
                new Write("POST", c + "/parties", editor, () -> {
                    ObjectNode b = obj("name", "Acme Corp", "role", "defendant");
                    b.putArray("counsel").add(obj("name", "A. Lawyer", "firm", "Lawyer LLP"));
                    return b;
                }),
                new Write("POST", c + "/filings", editor, () -> {
                    ObjectNode b = obj(
                            "filed_on",
                            "2025-01-03",
                            "kind",
                            "motion",
                            "title",
                            "Motion to dismiss",
                            "description",
                            "Defendants move to dismiss",
                            "filed_by",
                            partyId,
                            "document_url",
                            "https://example.com/doc.pdf");
                    b.put("entry_number", 77);
                    return b;
                }),
                new Write("POST", c + "/claims", editor, () -> {
                    ObjectNode b = obj("title", "Fraud", "statute", "Cal. Civ. Code 1709", "status", "pending");
                    b.putArray("against").add(partyId);
                    return b;
                }),
                new Write(
                        "PATCH",
                        c + "/claims/" + claimId,
                        editor,
                        () -> obj("status", "dismissed", "reason", "Order", "filing_id", filingId)),
                new Write(
                        "POST",
                        c + "/status-changes",
                        editor,
                        () -> obj(
                                "status",
                                "stayed",
                                "effective_on",
                                "2025-01-04",
                                "reason",
                                "Stayed pending appeal",
                                "filing_id",
                                filingId)),
                new Write(
                        "POST",
                        c + "/hearings",
                        editor,
                        () -> obj(
                                "kind",
                                "motion_hearing",
                                "scheduled_at",
                                "2026-04-01T10:00:00-07:00",
                                "location",
                                "Courtroom 1",
                                "description",
                                "MTD")),
                new Write(
                        "PATCH",
                        c + "/hearings/" + hearingId,
                        editor,
                        () -> obj("status", "held", "outcome", "Granted")));
    }

    static Write write(String pathSuffix) {
        return writes().stream()
                .filter(w -> w.method().equals("POST") && w.path().endsWith(pathSuffix))
                .findFirst()
                .orElseThrow();
    }

    // ---------------------------------------------------------------- 400 malformed JSON

    @Test
    void malformedJsonIs400OnEveryWriteEndpointAndChangesNothing() {
        for (Write w : writes()) {
            for (String body : List.of("{\"caption\": ", "{'name': 'x'}", "{\"name\" \"x\"}", "nul", "{\"a\": tru}")) {
                JsonNode p = rejected(400, () -> w.send(body), w + " " + body);
                assertThat(p.get("type").asText()).as(w + " " + body).endsWith("/malformed-json");
            }
        }
    }

    /** A change-feed cursor whose transaction id is out of xid8's range or not canonical is 400, not 500. */
    @Test
    void tamperedChangeFeedCursorsAre400() {
        for (String txid : new String[] {"18446744073709551616", "99999999999999999999", "0751"}) {
            String cursor = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(("v1\u001f" + txid + "\u001f5").getBytes(StandardCharsets.UTF_8));
            JsonNode p = api.get("/api/v1/events?cursor=" + cursor, reporter).problem(400);
            assertThat(p.get("errors").get(0).get("field").asText()).as(txid).isEqualTo("cursor");
        }
    }

    @Test
    void contentAfterTheJsonValueIs400AndChangesNothing() {
        String before = api.get("/api/v1/cases/" + caseId, reporter)
                .json()
                .get("caption")
                .asText();
        for (String body : List.of(
                "{\"caption\": \"Trailing v. Garbage\"} garbage",
                "{\"caption\": \"Trailing v. Garbage\"} {\"caption\": \"Second\"}",
                "{\"caption\": \"Trailing v. Garbage\"}]")) {
            rejected(400, () -> api.patch("/api/v1/cases/" + caseId, editor, body), body);
        }
        Write filing = write("/filings");
        rejected(400, () -> filing.send(filing.validBody().get() + " trailing"), "filing with trailing garbage");
        rejected(400, () -> filing.send(filing.validBody().get() + "{}"), "filing followed by a second object");
        assertThat(api.get("/api/v1/cases/" + caseId, reporter)
                        .json()
                        .get("caption")
                        .asText())
                .isEqualTo(before);
    }

    @Test
    void bodyInvalidUtf8Is400AndChangesNothing() {
        byte[] body = "{\"caption\": \"\u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1);
        rejected(
                400,
                () -> raw(
                        "PATCH", "/api/v1/cases/" + caseId, editor, JSON, HttpRequest.BodyPublishers.ofByteArray(body)),
                "invalid UTF-8");
    }

    @Test
    void emptyBodyOnPostOrPatchIs400AndChangesNothing() {
        for (Write w : writes()) {
            rejected(400, () -> w.send(""), w + " with an empty body");
            rejected(
                    400,
                    () -> raw(w.method(), w.path(), w.key(), JSON, HttpRequest.BodyPublishers.noBody()),
                    w + " with no body at all");
        }
    }

    // ---------------------------------------------------------------- 404, 405, 415

    @Test
    void unknownPathIs404() {
        for (String path : List.of(
                "/api/v1/nothing-here",
                "/api/v1/cases/" + caseId + "/nothing-here",
                "/nothing-here",
                "/api/v2/cases",
                "/api/v1/case")) {
            JsonNode p = api.get(path, reporter).problem(404);
            assertThat(p.get("title").asText()).isEqualTo("Not Found");
        }
        rejected(404, () -> api.post("/api/v1/nothing-here", editor, Map.of("a", 1)), "POST to an unknown path");
    }

    @Test
    void wrongMethodIs405WithAnAllowHeaderAndChangesNothing() {
        assertAllow(
                refused(405, () -> api.delete("/api/v1/cases", editor), "DELETE /cases"),
                "DELETE /cases",
                "GET",
                "POST");
        assertAllow(
                refused(
                        405,
                        () -> api.send("PUT", "/api/v1/cases/" + caseId, editor, Map.of("caption", "X"), JSON),
                        "PUT /cases/{id}"),
                "PUT /cases/{id}",
                "GET",
                "PATCH");
        assertAllow(
                refused(405, () -> api.post("/api/v1/events", editor, Map.of()), "POST /events"),
                "POST /events",
                "GET");
        assertAllow(
                refused(405, () -> api.delete("/api/v1/courts", editor), "DELETE /courts"),
                "DELETE /courts",
                "GET",
                "POST");
        assertAllow(
                refused(
                        405,
                        () -> api.patch(
                                "/api/v1/cases/" + caseId + "/filings/" + filingId, editor, Map.of("title", "X")),
                        "PATCH a filing"),
                "PATCH a filing",
                "GET");
        assertAllow(
                refused(
                        405,
                        () -> api.delete("/api/v1/cases/" + caseId + "/claims/" + claimId, editor),
                        "DELETE a claim"),
                "DELETE a claim",
                "GET",
                "PATCH");
    }

    private static void assertAllow(Api.Resp r, String what, String... methods) {
        assertThat(r.json().get("title").asText()).isEqualTo("Method Not Allowed");
        assertThat(r.header("Allow")).as("Allow header of " + what).isNotNull();
        List<String> allowed =
                Arrays.stream(r.header("Allow").split(",")).map(String::trim).toList();
        assertThat(allowed).as("Allow header of " + what).contains(methods);
    }

    @Test
    void wrongContentTypeIs415AndChangesNothing() {
        String body = Api.JSON
                .valueToTree(Map.of(
                        "court", court, "docket_number", "415-1", "caption", "Type v. Wrong", "filed_on", "2025-01-01"))
                .toString();
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "text/json")) {
            JsonNode p = rejected(
                    415, () -> api.send("POST", "/api/v1/cases", editor, body, type), "POST /cases as " + type);
            assertThat(p.get("title").asText()).isEqualTo("Unsupported Media Type");
            rejected(
                    415,
                    () -> api.send("PATCH", "/api/v1/cases/" + caseId, editor, "{\"caption\": \"X\"}", type),
                    "PATCH /cases/{id} as " + type);
        }
        rejected(
                415, () -> api.send("POST", "/api/v1/cases", editor, body, null), "POST /cases without a Content-Type");
        for (Write w : writes()) {
            rejected(
                    415,
                    () -> api.send(w.method(), w.path(), w.key(), w.validBody().get(), "text/plain"),
                    w + " as text/plain");
        }
    }

    // ---------------------------------------------------------------- 413

    /**
     * Repeated, because a server that answers before reading the upload loses the race against the
     * client's pending data often but not always (the client then sees a reset, not the 413).
     */
    @Test
    void bodyOverOneMebibyteWithContentLengthIs413AndChangesNothing() {
        for (int attempt = 0; attempt < 5; attempt++) {
            for (boolean trailing : List.of(false, true)) {
                byte[] body = paddedFiling(MIB + 1, trailing);
                JsonNode p = rejected(
                        413,
                        () -> raw("POST", filingsPath(), editor, JSON, HttpRequest.BodyPublishers.ofByteArray(body)),
                        "1 MiB + 1 with Content-Length, trailing padding " + trailing);
                assertThat(p.get("title").asText()).isEqualTo("Payload Too Large");
            }
            byte[] huge = paddedFiling(5 * MIB, false);
            rejected(
                    413,
                    () -> raw("POST", filingsPath(), editor, JSON, HttpRequest.BodyPublishers.ofByteArray(huge)),
                    "5 MiB");
        }
    }

    @Test
    void chunkedBodyOverOneMebibyteIs413AndChangesNothing() {
        for (int attempt = 0; attempt < 5; attempt++) {
            for (boolean trailing : List.of(false, true)) {
                byte[] body = paddedFiling(MIB + 1, trailing);
                JsonNode p = rejected(
                        413,
                        () -> raw("POST", filingsPath(), editor, JSON, chunked(body)),
                        "chunked 1 MiB + 1, trailing padding " + trailing);
                assertThat(p.get("title").asText()).isEqualTo("Payload Too Large");
            }
            byte[] huge = paddedFiling(5 * MIB, false);
            rejected(413, () -> raw("POST", filingsPath(), editor, JSON, chunked(huge)), "chunked 5 MiB");
        }
        byte[] hugePatch = padded("{\"caption\": \"Too large\"}", 2 * MIB, true);
        rejected(
                413,
                () -> raw("PATCH", "/api/v1/cases/" + caseId, editor, JSON, chunked(hugePatch)),
                "chunked PATCH of 2 MiB");
    }

    @Test
    void chunkedBodyWhoseOversizedPartIsInsideAValueIs413() {
        String title = "a".repeat(2 * MIB);
        byte[] filing = ("{\"filed_on\": \"2025-01-03\", \"kind\": \"motion\", \"title\": \"" + title + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        rejected(
                413,
                () -> raw("POST", filingsPath(), editor, JSON, chunked(filing)),
                "chunked filing with a 2 MiB title");
        byte[] patch = ("{\"caption\": \"" + title + "\"}").getBytes(StandardCharsets.UTF_8);
        rejected(
                413,
                () -> raw("PATCH", "/api/v1/cases/" + caseId, editor, JSON, chunked(patch)),
                "chunked PATCH with a 2 MiB caption");
        byte[] counsel = ("{\"name\": \"P\", \"role\": \"amicus\", \"counsel\": ["
                        + "{\"name\": \"Lawyer\"},".repeat(100_000) + "{\"name\": \"Last\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        rejected(
                413,
                () -> raw("POST", "/api/v1/cases/" + caseId + "/parties", editor, JSON, chunked(counsel)),
                "chunked party with 2 MiB of counsel");
    }

    @Test
    void gzipBodiesAreInflatedAndStillLimitedAndBadGzipIs400() throws IOException {
        byte[] ok = gzip("{\"filed_on\": \"2025-01-03\", \"kind\": \"motion\", \"title\": \"Gzipped motion\"}"
                .getBytes(StandardCharsets.UTF_8));
        JsonNode f = raw(
                        "POST",
                        filingsPath(),
                        editor,
                        JSON,
                        HttpRequest.BodyPublishers.ofByteArray(ok),
                        "Content-Encoding",
                        "gzip")
                .expect(201)
                .json();
        assertThat(f.get("title").asText()).isEqualTo("Gzipped motion");

        byte[] bomb = gzip(
                ("{\"filed_on\": \"2025-01-03\", \"kind\": \"motion\", \"title\": \"" + "a".repeat(30 * MIB) + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(bomb.length).isLessThan(MIB);
        rejected(
                413,
                () -> raw(
                        "POST",
                        filingsPath(),
                        editor,
                        JSON,
                        HttpRequest.BodyPublishers.ofByteArray(bomb),
                        "Content-Encoding",
                        "gzip"),
                "gzip of 30 MiB in under 1 MiB");

        for (byte[] bad : List.of(
                "not gzip at all".getBytes(StandardCharsets.UTF_8),
                Arrays.copyOf(ok, ok.length / 2),
                Arrays.copyOf(ok, 12))) {
            JsonNode p = rejected(
                    400,
                    () -> raw(
                            "POST",
                            filingsPath(),
                            editor,
                            JSON,
                            HttpRequest.BodyPublishers.ofByteArray(bad),
                            "Content-Encoding",
                            "gzip"),
                    "invalid gzip of " + bad.length + " bytes");
            assertThat(p.get("status").asInt()).isEqualTo(400);
        }
    }

    @Test
    void bodyOfAtMostOneMebibyteIsAcceptedWithContentLengthOrChunked() {
        for (int size : List.of(MIB - 1, MIB)) {
            for (boolean chunked : List.of(false, true)) {
                byte[] body = paddedFiling(size, false);
                assertThat(body).hasSize(size);
                HttpRequest.BodyPublisher publisher =
                        chunked ? chunked(body) : HttpRequest.BodyPublishers.ofByteArray(body);
                long before = db.count("select count(*) from filings where case_id = ?", Long.parseLong(caseId));
                JsonNode f = raw("POST", filingsPath(), editor, JSON, publisher)
                        .expect(201)
                        .json();
                assertThat(f.get("title").asText()).isEqualTo("Padded motion");
                assertThat(db.count("select count(*) from filings where case_id = ?", Long.parseLong(caseId)))
                        .isEqualTo(before + 1);
            }
        }
    }

    // ---------------------------------------------------------------- 422 well-formed but invalid

    @Test
    void missingRequiredFieldsAre422NamingEachField() {
        String c = "/api/v1/cases/" + caseId;
        assertFields(rejected(422, () -> api.post("/api/v1/keys", admin, Map.of()), "keys"), "name", "role");
        assertFields(
                rejected(422, () -> api.post("/api/v1/courts", editor, Map.of()), "courts"),
                "id",
                "name",
                "jurisdiction",
                "timezone");
        assertFields(
                rejected(422, () -> api.post("/api/v1/cases", editor, Map.of()), "cases"),
                "court",
                "docket_number",
                "caption",
                "filed_on");
        assertFields(
                rejected(
                        422,
                        () -> api.post(
                                "/api/v1/cases",
                                editor,
                                Map.of("court", court, "docket_number", " ", "caption", "", "filed_on", "2025-01-01")),
                        "blank case fields"),
                "docket_number",
                "caption");
        assertFields(rejected(422, () -> api.post(c + "/related", editor, Map.of()), "related"), "case_id", "relation");
        assertFields(rejected(422, () -> api.post(c + "/parties", editor, Map.of()), "parties"), "name", "role");
        assertFields(
                rejected(
                        422,
                        () -> api.post(
                                c + "/parties",
                                editor,
                                Map.of("name", "X", "role", "amicus", "counsel", List.of(Map.of("firm", "F")))),
                        "counsel without name"),
                "counsel[0].name");
        assertFields(
                rejected(422, () -> api.post(c + "/filings", editor, Map.of()), "filings"),
                "filed_on",
                "kind",
                "title");
        assertFields(rejected(422, () -> api.post(c + "/claims", editor, Map.of()), "claims"), "title");
        assertFields(
                rejected(422, () -> api.patch(c + "/claims/" + claimId, editor, Map.of("reason", "r")), "claim patch"),
                "status");
        assertFields(
                rejected(422, () -> api.post(c + "/status-changes", editor, Map.of()), "status changes"),
                "status",
                "effective_on");
        assertFields(
                rejected(422, () -> api.post(c + "/hearings", editor, Map.of()), "hearings"), "kind", "scheduled_at");
        assertFields(rejected(422, () -> api.patch(c, editor, Map.of("caption", "  ")), "blank caption"), "caption");
        // Text made only of control characters is blank too (trimmed, it would be stored empty).
        assertFields(
                rejected(422, () -> api.patch(c, editor, Map.of("caption", "\u0001\u0007")), "control caption"),
                "caption");
        assertFields(
                rejected(
                        422,
                        () -> api.post("/api/v1/keys", admin, Map.of("name", "\u0000", "role", "reporter")),
                        "NUL key name"),
                "name");
        assertFields(
                rejected(422, () -> api.post(c + "/claims", editor, Map.of("title", "\t\u0002")), "control title"),
                "title");
        JsonNode p =
                rejected(422, () -> api.patch(c + "/hearings/" + hearingId, editor, Map.of()), "empty hearing patch");
        assertThat(p.get("errors")).isNotEmpty();
    }

    @Test
    void wrongJsonTypesAre422NamingTheField() {
        String c = "/api/v1/cases/" + caseId;
        ObjectNode caseBody =
                obj("court", court, "docket_number", "types-1", "caption", "Types v. Wrong", "filed_on", "2025-01-01");
        assertFields(
                rejected(422, () -> api.post("/api/v1/cases", editor, with(caseBody, "filed_on", 5)), "filed_on 5"),
                "filed_on");
        assertFields(
                rejected(
                        422,
                        () -> api.post("/api/v1/cases", editor, with(caseBody, "filed_on", true)),
                        "filed_on true"),
                "filed_on");
        assertFields(
                rejected(
                        422,
                        () -> api.post("/api/v1/cases", editor, with(caseBody, "filed_on", "2024-02-30")),
                        "filed_on Feb 30"),
                "filed_on");
        assertFields(
                rejected(
                        422,
                        () -> api.post("/api/v1/cases", editor, with(caseBody, "filed_on", "08/05/2024")),
                        "filed_on US style"),
                "filed_on");
        assertFields(
                rejected(
                        422,
                        () -> api.post("/api/v1/cases", editor, with(caseBody, "caption", List.of("A v. B"))),
                        "caption array"),
                "caption");
        assertFields(
                rejected(
                        422,
                        () -> api.post("/api/v1/cases", editor, with(caseBody, "caption", Map.of("text", "A v. B"))),
                        "caption object"),
                "caption");

        ObjectNode filing = obj("filed_on", "2025-01-03", "kind", "motion", "title", "Motion");
        assertFields(
                rejected(
                        422,
                        () -> api.post(c + "/filings", editor, with(filing, "entry_number", "x")),
                        "entry_number x"),
                "entry_number");
        assertFields(
                rejected(
                        422,
                        () -> api.post(c + "/filings", editor, with(filing, "entry_number", 99999999999L)),
                        "entry_number overflow"),
                "entry_number");
        assertFields(
                rejected(
                        422,
                        () -> api.post(c + "/filings", editor, with(filing, "entry_number", List.of(3))),
                        "entry_number array"),
                "entry_number");
        assertFields(
                rejected(
                        422,
                        () -> api.post(c + "/filings", editor, with(filing, "filed_on", 20250103)),
                        "filing filed_on number"),
                "filed_on");

        assertFields(
                rejected(
                        422,
                        () -> api.post(c + "/claims", editor, Map.of("title", "T", "against", partyId)),
                        "against as a string"),
                "against");
        assertFields(
                rejected(
                        422,
                        () -> api.post(
                                c + "/claims", editor, Map.of("title", "T", "against", List.of(Map.of("id", partyId)))),
                        "against with an object"),
                "against[0]");
        assertFields(
                rejected(
                        422,
                        () -> api.post(
                                c + "/parties",
                                editor,
                                Map.of("name", "P", "role", "amicus", "counsel", Map.of("name", "L"))),
                        "counsel object"),
                "counsel");
        assertFields(
                rejected(
                        422,
                        () -> api.post(
                                c + "/parties",
                                editor,
                                Map.of(
                                        "name",
                                        "P",
                                        "role",
                                        "amicus",
                                        "counsel",
                                        List.of(Map.of("name", List.of("L"))))),
                        "counsel name array"),
                "counsel[0].name");

        assertFields(
                rejected(
                        422,
                        () -> api.post(
                                c + "/status-changes",
                                editor,
                                Map.of("status", "dismissed", "effective_on", "2025-01-01", "with_prejudice", "yes")),
                        "with_prejudice yes"),
                "with_prejudice");
        assertFields(
                rejected(
                        422,
                        () -> api.post(
                                c + "/status-changes", editor, Map.of("status", "stayed", "effective_on", 20250101)),
                        "effective_on number"),
                "effective_on");

        assertFields(
                rejected(
                        422,
                        () -> api.post(c + "/hearings", editor, Map.of("kind", "trial", "scheduled_at", 1738692000)),
                        "scheduled_at epoch seconds"),
                "scheduled_at");
        assertFields(
                rejected(
                        422,
                        () -> api.post(
                                c + "/hearings",
                                editor,
                                Map.of("kind", "trial", "scheduled_at", "2025-02-04T10:00:00")),
                        "scheduled_at without offset"),
                "scheduled_at");
        assertFields(
                rejected(
                        422,
                        () -> api.patch(c + "/hearings/" + hearingId, editor, Map.of("scheduled_at", "tomorrow")),
                        "reschedule to tomorrow"),
                "scheduled_at");
        assertFields(rejected(422, () -> api.patch(c, editor, Map.of("caption", 5)), "caption number"), "caption");
        assertFields(rejected(422, () -> api.patch(c, editor, Map.of("judge", List.of("J"))), "judge array"), "judge");
    }

    @Test
    void datesAndInstantsOutsideTheYears0001To9999Are422AndTheEdgesAreAccepted() {
        String c = "/api/v1/cases/" + caseId;
        for (String date : List.of("-5000-01-01", "+999999-01-01", "+10000-01-01", "0000-12-31")) {
            assertFields(
                    rejected(
                            422,
                            () -> api.post(
                                    "/api/v1/cases",
                                    editor,
                                    Map.of(
                                            "court",
                                            court,
                                            "docket_number",
                                            "y" + date,
                                            "caption",
                                            "Year " + date,
                                            "filed_on",
                                            date)),
                            "filed_on " + date),
                    "filed_on");
            assertFields(
                    rejected(
                            422,
                            () -> api.post(
                                    c + "/filings",
                                    editor,
                                    Map.of("filed_on", date, "kind", "order", "title", "Year " + date)),
                            "filing filed_on " + date),
                    "filed_on");
            assertFields(
                    rejected(
                            422,
                            () -> api.post(
                                    c + "/status-changes", editor, Map.of("status", "stayed", "effective_on", date)),
                            "effective_on " + date),
                    "effective_on");
            assertFields(
                    rejected(
                            422,
                            () -> api.post(
                                    c + "/hearings",
                                    editor,
                                    Map.of("kind", "trial", "scheduled_at", date + "T10:00:00Z")),
                            "scheduled_at " + date),
                    "scheduled_at");
            assertFields(
                    rejected(
                            422,
                            () -> api.patch(
                                    c + "/hearings/" + hearingId, editor, Map.of("scheduled_at", date + "T10:00:00Z")),
                            "reschedule to " + date),
                    "scheduled_at");
        }
        for (String date : List.of("0001-01-01", "9999-12-31")) {
            JsonNode created = api.post(
                            "/api/v1/cases",
                            editor,
                            Map.of(
                                    "court",
                                    court,
                                    "docket_number",
                                    "edge-" + date,
                                    "caption",
                                    "Edge " + date,
                                    "filed_on",
                                    date))
                    .expect(201)
                    .json();
            assertThat(created.get("filed_on").asText()).isEqualTo(date);
            api.post(c + "/hearings", editor, Map.of("kind", "deadline", "scheduled_at", date + "T12:00:00Z"))
                    .expect(201);
            api.get("/api/v1/cases?filed_after=" + date + "&filed_before=" + date, reporter)
                    .expect(200);
            api.get("/api/v1/hearings?from=" + date + "&to=" + date, reporter).expect(200);
        }
    }

    @Test
    void overlongListsAre422NotAServerError() {
        String c = "/api/v1/cases/" + caseId;
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 70_000; i++) {
            ids.add(Integer.toString(i));
        }
        assertFields(
                rejected(
                        422,
                        () -> api.post(c + "/claims", editor, Map.of("title", "Against everyone", "against", ids)),
                        "claim against 70,000 parties"),
                "against");
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            repeated.add(partyId);
        }
        assertFields(
                rejected(
                        422,
                        () -> api.post(
                                c + "/claims",
                                editor,
                                Map.of("title", "Against one, 5,000 times", "against", repeated)),
                        "claim against one party 5,000 times"),
                "against");
        JsonNode claim = api.post(
                        c + "/claims",
                        editor,
                        Map.of("title", "Against one, twice", "against", List.of(partyId, partyId)))
                .expect(201)
                .json();
        assertThat(claim.get("against")).hasSize(1);
    }

    @Test
    void unknownFieldsAre422NamingTheField() {
        String c = "/api/v1/cases/" + caseId;
        assertFields(
                rejected(
                        422,
                        () -> api.post(
                                "/api/v1/cases",
                                editor,
                                Map.of(
                                        "court",
                                        court,
                                        "docket_number",
                                        "u-1",
                                        "caption",
                                        "A v. B",
                                        "filed_on",
                                        "2025-01-01",
                                        "colour",
                                        "red")),
                        "colour"),
                "colour");
        assertFields(
                rejected(
                        422,
                        () -> api.post(
                                c + "/filings",
                                editor,
                                Map.of("entryNumber", 3, "filed_on", "2025-01-03", "kind", "motion", "title", "M")),
                        "camelCase entryNumber"),
                "entryNumber");
        assertFields(
                rejected(
                        422,
                        () -> api.post(
                                "/api/v1/courts",
                                editor,
                                Map.of(
                                        "id",
                                        "unk",
                                        "name",
                                        "N",
                                        "jurisdiction",
                                        "state",
                                        "timezone",
                                        "UTC",
                                        "tz",
                                        "UTC")),
                        "tz"),
                "tz");
        assertFields(
                rejected(422, () -> api.patch(c, editor, Map.of("docket_number", "x")), "patch docket_number"),
                "docket_number");
        assertFields(rejected(422, () -> api.patch(c, editor, Map.of("status", "closed")), "patch status"), "status");
        assertFields(
                rejected(
                        422,
                        () -> api.patch(c + "/claims/" + claimId, editor, Map.of("status", "dismissed", "title", "x")),
                        "claim patch title"),
                "title");
        assertFields(
                rejected(
                        422,
                        () -> api.patch(
                                c + "/hearings/" + hearingId, editor, Map.of("status", "held", "location", "x")),
                        "hearing patch location"),
                "location");
        assertFields(
                rejected(
                        422,
                        () -> api.post(
                                c + "/parties",
                                editor,
                                Map.of(
                                        "name",
                                        "P",
                                        "role",
                                        "amicus",
                                        "counsel",
                                        List.of(Map.of("name", "L", "email", "l@example.com")))),
                        "counsel email"),
                "counsel[0].email");
        assertFields(
                rejected(
                        422,
                        () -> api.post(
                                "/api/v1/keys",
                                admin,
                                Map.of("name", "mine", "role", "reporter", "key", "my-own-chosen-key")),
                        "key chosen by the client"),
                "key");
    }

    @Test
    void badEnumValuesAre422NamingTheField() {
        String c = "/api/v1/cases/" + caseId;
        assertFields(
                rejected(422, () -> api.post("/api/v1/keys", admin, Map.of("name", "k", "role", "superuser")), "role"),
                "role");
        assertFields(
                rejected(422, () -> api.post("/api/v1/keys", admin, Map.of("name", "k", "role", "Admin")), "role case"),
                "role");
        assertFields(
                rejected(
                        422,
                        () -> api.post(
                                "/api/v1/cases",
                                editor,
                                Map.of(
                                        "court",
                                        court,
                                        "docket_number",
                                        "e-1",
                                        "caption",
                                        "A v. B",
                                        "filed_on",
                                        "2025-01-01",
                                        "status",
                                        "pending")),
                        "case status"),
                "status");
        assertFields(
                rejected(
                        422,
                        () -> api.post(c + "/related", editor, Map.of("case_id", otherCaseId, "relation", "cousin_of")),
                        "relation"),
                "relation");
        assertFields(
                rejected(
                        422,
                        () -> api.post(c + "/parties", editor, Map.of("name", "P", "role", "judge")),
                        "party role"),
                "role");
        assertFields(
                rejected(
                        422,
                        () -> api.post(
                                c + "/filings",
                                editor,
                                Map.of("filed_on", "2025-01-03", "kind", "brief", "title", "M")),
                        "filing kind"),
                "kind");
        assertFields(
                rejected(
                        422,
                        () -> api.post(c + "/claims", editor, Map.of("title", "T", "status", "won")),
                        "claim status"),
                "status");
        assertFields(
                rejected(
                        422, () -> api.patch(c + "/claims/" + claimId, editor, Map.of("status", "won")), "claim patch"),
                "status");
        assertFields(
                rejected(
                        422,
                        () -> api.post(
                                c + "/status-changes",
                                editor,
                                Map.of("status", "archived", "effective_on", "2025-01-01")),
                        "case status change"),
                "status");
        assertFields(
                rejected(
                        422,
                        () -> api.post(
                                c + "/hearings",
                                editor,
                                Map.of("kind", "party", "scheduled_at", "2026-01-01T10:00:00Z")),
                        "hearing kind"),
                "kind");
        assertFields(
                rejected(
                        422,
                        () -> api.patch(c + "/hearings/" + hearingId, editor, Map.of("status", "cancelled")),
                        "hearing status"),
                "status");
        assertFields(
                rejected(
                        422,
                        () -> api.post(
                                "/api/v1/courts",
                                editor,
                                Map.of(
                                        "id",
                                        "enumcourt",
                                        "name",
                                        "N",
                                        "jurisdiction",
                                        "federal",
                                        "timezone",
                                        "Mars/Olympus")),
                        "timezone"),
                "timezone");
    }

    // ---------------------------------------------------------------- 400 query parameters

    @Test
    void malformedQueryParametersAre400NamingTheParameter() {
        String c = "/api/v1/cases/" + caseId;
        List<String> lists = List.of(
                "/api/v1/courts",
                "/api/v1/cases",
                c + "/parties",
                c + "/filings",
                "/api/v1/filings",
                c + "/claims",
                c + "/status-changes",
                c + "/hearings",
                "/api/v1/hearings",
                "/api/v1/events",
                "/api/v1/keys");
        String wrongShape =
                Base64.getUrlEncoder().withoutPadding().encodeToString("v1".getBytes(StandardCharsets.UTF_8));
        for (String list : lists) {
            String key = list.endsWith("/keys") ? admin : reporter;
            for (String limit : List.of("0", "501", "abc", "-1", "1.5", "99999999999", "%20")) {
                assertParam(list + "?limit=" + limit, key, "limit");
            }
            for (String cursor : List.of("garbage", "!!!", wrongShape, "%00")) {
                assertParam(list + "?cursor=" + cursor, key, "cursor");
            }
            assertThat(api.get(list + "?limit=1", key)
                            .expect(200)
                            .json()
                            .get("data")
                            .size())
                    .isLessThanOrEqualTo(1);
            api.get(list + "?limit=500", key).expect(200);
        }
        // Cursors forged with dates and instants the database cannot hold.
        assertParam("/api/v1/hearings?cursor=" + cursor("+1000000-01-01T00:00:00Z", "1"), reporter, "cursor");
        assertParam(c + "/hearings?cursor=" + cursor("-999999-01-01T00:00:00Z", "1"), reporter, "cursor");
        assertParam("/api/v1/filings?cursor=" + cursor("+999999999-12-31", "1"), reporter, "cursor");
        assertParam(c + "/filings?cursor=" + cursor("-999999-01-01", "5"), reporter, "cursor");
        api.get("/api/v1/hearings?cursor=" + cursor("2025-01-01T00:00:00Z", "1"), reporter)
                .expect(200);
        api.get(c + "/filings?cursor=" + cursor("2025-01-01", "1"), reporter).expect(200);
        // A cursor from one list is not a cursor of another.
        String filingsCursor = api.get(c + "/filings?limit=1", reporter)
                .expect(200)
                .json()
                .get("next_cursor")
                .asText();
        assertParam("/api/v1/cases?cursor=" + filingsCursor, reporter, "cursor");

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("/api/v1/cases?filed_after=2024-13-01", "filed_after");
        bad.put("/api/v1/cases?filed_before=yesterday", "filed_before");
        bad.put("/api/v1/cases?updated_since=2024-01-01T25:00:00Z", "updated_since");
        bad.put("/api/v1/cases?status=bogus", "status");
        bad.put(c + "/filings?filed_after=x", "filed_after");
        bad.put(c + "/filings?kind=brief", "kind");
        bad.put("/api/v1/filings?filed_before=2024/01/01", "filed_before");
        bad.put("/api/v1/filings?case_id=abc", "case_id");
        bad.put("/api/v1/filings?kind=brief", "kind");
        bad.put("/api/v1/hearings?from=tomorrow", "from");
        bad.put("/api/v1/hearings?to=2025-02-30", "to");
        bad.put("/api/v1/hearings?status=cancelled", "status");
        bad.put("/api/v1/hearings?case_id=1.5", "case_id");
        bad.put(c + "/hearings?from=x", "from");
        bad.put("/api/v1/events?after=abc", "after");
        bad.put("/api/v1/events?after=-5", "after");
        bad.put("/api/v1/cases?filed_after=%2B999999999-12-31", "filed_after");
        bad.put("/api/v1/cases?filed_before=-4713-01-01", "filed_before");
        bad.put("/api/v1/cases?updated_since=%2B99999-01-01", "updated_since");
        bad.put("/api/v1/filings?filed_after=%2B10000-01-01", "filed_after");
        bad.put("/api/v1/hearings?from=-999999999-01-01", "from");
        bad.put("/api/v1/hearings?to=%2B999999999-12-31", "to");
        bad.put("/api/v1/hearings?from=%2B999999999-12-31T23:59:59-18:00", "from");
        bad.put(c + "/hearings?to=0000-01-01", "to");
        bad.forEach((path, param) -> assertParam(path, reporter, param));
    }

    /** A cursor in the service's format (base64url of "v1" and the keys, separated by U+001F). */
    private static String cursor(String... keys) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v1\u001f" + String.join("\u001f", keys)).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertParam(String path, String key, String param) {
        JsonNode p = api.get(path, key).problem(400);
        assertThat(p.get("errors").get(0).get("field").asText()).as(path).isEqualTo(param);
    }

    // ---------------------------------------------------------------- 404 ids in paths

    @Test
    void nonNumericOrUnknownIdsInPathsAre404() {
        String c = "/api/v1/cases/" + caseId;
        String other = "/api/v1/cases/" + otherCaseId;
        for (String id : List.of("abc", "0", "-1", "1e3", "999999999", "99999999999999999999", "%20", "%F0%9F%98%80")) {
            api.get("/api/v1/cases/" + id, reporter).problem(404);
            api.get("/api/v1/cases/" + id + "/filings", reporter).problem(404);
            api.get("/api/v1/cases/" + id + "/hearings", reporter).problem(404);
            api.get("/api/v1/cases/" + id + "/claims", reporter).problem(404);
            api.get("/api/v1/cases/" + id + "/parties", reporter).problem(404);
            api.get("/api/v1/cases/" + id + "/status-changes", reporter).problem(404);
            api.get(c + "/filings/" + id, reporter).problem(404);
            api.get(c + "/claims/" + id, reporter).problem(404);
            api.get(c + "/hearings/" + id, reporter).problem(404);
            api.get(c + "/parties/" + id, reporter).problem(404);
            api.get(c + "/status-changes/" + id, reporter).problem(404);
        }
        // A child resource under the wrong case is not found either.
        api.get(other + "/filings/" + filingId, reporter).problem(404);
        api.get(other + "/claims/" + claimId, reporter).problem(404);
        api.get(other + "/hearings/" + hearingId, reporter).problem(404);
        api.get(other + "/parties/" + partyId, reporter).problem(404);
        api.get(c + "/status-changes/" + statusChangeId, reporter).problem(404);
    }

    @Test
    void writesToNonNumericOrUnknownIdsAre404AndChangeNothing() {
        String c = "/api/v1/cases/" + caseId;
        String other = "/api/v1/cases/" + otherCaseId;
        for (String id : List.of("abc", "999999999", "0")) {
            String unknown = "/api/v1/cases/" + id;
            rejected(404, () -> api.patch(unknown, editor, Map.of("caption", "X")), "PATCH " + unknown);
            rejected(
                    404,
                    () -> api.post(unknown + "/related", editor, Map.of("case_id", caseId, "relation", "appeal_of")),
                    "relate " + unknown);
            rejected(
                    404,
                    () -> api.post(unknown + "/parties", editor, Map.of("name", "P", "role", "amicus")),
                    "party " + unknown);
            rejected(
                    404,
                    () -> api.post(
                            unknown + "/filings",
                            editor,
                            Map.of("filed_on", "2025-01-03", "kind", "motion", "title", "M")),
                    "filing " + unknown);
            rejected(404, () -> api.post(unknown + "/claims", editor, Map.of("title", "T")), "claim " + unknown);
            rejected(
                    404,
                    () -> api.post(
                            unknown + "/status-changes",
                            editor,
                            Map.of("status", "stayed", "effective_on", "2025-01-01")),
                    "status change " + unknown);
            rejected(
                    404,
                    () -> api.post(
                            unknown + "/hearings",
                            editor,
                            Map.of("kind", "trial", "scheduled_at", "2026-01-01T10:00:00Z")),
                    "hearing " + unknown);
            rejected(
                    404,
                    () -> api.patch(c + "/claims/" + id, editor, Map.of("status", "dismissed")),
                    "claim patch " + id);
            rejected(
                    404,
                    () -> api.patch(c + "/hearings/" + id, editor, Map.of("status", "vacated")),
                    "hearing patch " + id);
            rejected(404, () -> api.delete("/api/v1/keys/" + id, admin), "revoke key " + id);
        }
        rejected(
                404,
                () -> api.patch(other + "/claims/" + claimId, editor, Map.of("status", "dismissed")),
                "claim of another case");
        rejected(
                404,
                () -> api.patch(other + "/hearings/" + hearingId, editor, Map.of("status", "vacated")),
                "hearing of another case");
    }

    // ---------------------------------------------------------------- no 500 for client mistakes

    /** Bodies that no endpoint may accept: each must be a 4xx problem and change nothing. */
    static List<Object> hostileBodies() {
        List<Object> bodies = new ArrayList<>(List.of(
                "{",
                "}",
                "{\"a\":}",
                "nul",
                "[]",
                "[{}]",
                "[{\"name\": \"x\", \"role\": \"admin\"}]",
                "\"just a string\"",
                "42",
                "-1e999",
                "null",
                "true",
                "{} trailing",
                "{}{}",
                "{\"name\": \"x\"}]",
                "{\"a\": 1,}",
                "[".repeat(100_000) + "]".repeat(100_000),
                "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000),
                "{\"entry_number\": 99999999999}",
                "{\"entry_number\": 1e400}",
                "{\"entry_number\": 123456789012345678901234567890}",
                "{\"entry_number\": " + "9".repeat(5000) + "}",
                "{\"status\": null, \"kind\": null, \"name\": null, \"title\": null, \"role\": null, \"caption\": null}",
                "{\"against\": [null, null], \"title\": null}",
                "{\"counsel\": [null], \"name\": null}",
                "{\"counsel\": [[]]}",
                "{\"against\": {}}",
                "{\"counsel\": {}}",
                "{\"\u00fcnknown\": \"\u2603\"}",
                "{\"status\": \"\\ud800\"}",
                "{\"status\": \"op\u00e9n\"}",
                "{\"kind\": \"m\u0338otion\", \"role\": \"\u202eadmin\"}",
                "{\"name\": \"" + "\u00e9".repeat(300_000) + "\"}",
                "{\"" + "k".repeat(100_000) + "\": 1}",
                "\uFEFF{\"bom\": 1}"));
        return bodies;
    }

    /** Each field of each valid body turned hostile: wrong shapes, NUL characters, over-long text. */
    static List<Object> mutations(ObjectNode valid) {
        List<Object> out = new ArrayList<>();
        valid.fieldNames().forEachRemaining(field -> {
            JsonNode v = valid.get(field);
            out.add(with(valid, field, Api.JSON.createArrayNode().add(v)));
            out.add(with(valid, field, Api.JSON.createObjectNode().set("value", v)));
            if (v.isTextual()) {
                out.add(with(
                        valid,
                        field,
                        v.asText().charAt(0) + "\u0000" + v.asText().substring(1)));
                out.add(with(valid, field, "\u0000"));
                if (!field.equals("document_url")) {
                    out.add(with(valid, field, "x".repeat(100_001)));
                }
            } else if (v.isArray()) {
                ArrayNode withNul = Api.JSON.createArrayNode();
                v.forEach(item -> withNul.add(
                        item.isTextual()
                                ? Api.JSON.getNodeFactory().textNode("\u0000" + item.asText())
                                : ((ObjectNode) item.deepCopy()).put("name", "A\u0000B")));
                out.add(with(valid, field, withNul));
                out.add(with(valid, field, Api.JSON.createArrayNode().addNull()));
                out.add(with(valid, field, Api.JSON.createArrayNode().add(Api.JSON.createArrayNode())));
            } else if (v.isNumber()) {
                for (Object n : List.of(99999999999L, -1, 0, "1e400", "x")) {
                    out.add(with(valid, field, n));
                }
            }
        });
        return out;
    }

    @Test
    void noServerErrorForHostileBodiesOnAnyWriteEndpoint() {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Write w : writes()) {
            List<Object> bodies = new ArrayList<>(hostileBodies());
            bodies.addAll(mutations(w.validBody().get()));
            for (Object body : bodies) {
                sent++;
                Map<String, Long> before = db.snapshot();
                Api.Resp r = w.send(body);
                String what = w + " " + abbreviate(body instanceof String s ? s : body.toString());
                if (r.status() < 400 || r.status() >= 500) {
                    failures.add(what + " -> " + r.status() + " " + abbreviate(r.body()));
                    continue;
                }
                try {
                    r.problem(r.status());
                } catch (AssertionError e) {
                    failures.add(what + " -> " + e.getMessage());
                }
                if (!db.snapshot().equals(before)) {
                    failures.add(what + " -> changed the database");
                }
            }
        }
        assertThat(sent).isGreaterThan(40 * writes().size());
        assertThat(failures)
                .as("hostile requests not answered with a 4xx problem that changes nothing")
                .isEmpty();
    }

    /**
     * A refused write leaves its connection usable: the server reads the rest of the body before answering
     * (the client, still sending, is not reset) and answers the next request on the same connection. Raw
     * sockets, so that nothing retries or hides a connection the server closed; the long bodies arrive in two
     * parts, the second after the server has met the error in the first.
     */
    @Test
    void refusedWritesKeepTheConnectionUsable() throws Exception {
        URI base = URI.create(api.base());
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Write w : writes()) {
            List<Object> bodies = new ArrayList<>(hostileBodies());
            bodies.addAll(mutations(w.validBody().get()));
            for (Object body : bodies) {
                byte[] bytes = (body instanceof String s ? s : Api.JSON.writeValueAsString(body))
                        .getBytes(StandardCharsets.UTF_8);
                String what = w + " " + abbreviate(new String(bytes, StandardCharsets.UTF_8));
                sent++;
                try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                    socket.setSoTimeout(30_000);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    out.write((w.method() + " " + w.path() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                                    + w.key() + "\r\nContent-Type: application/json\r\nContent-Length: "
                                    + bytes.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    int first = Math.min(bytes.length, 8192);
                    out.write(bytes, 0, first);
                    out.flush();
                    if (first < bytes.length) {
                        Thread.sleep(5);
                        out.write(bytes, first, bytes.length - first);
                        out.flush();
                    }
                    String head = readHead(in);
                    in.readNBytes(contentLength(head));
                    if (!head.matches("(?s)HTTP/1\\.1 4\\d\\d .*")) {
                        failures.add(what + " -> " + head.lines().findFirst().orElse("no answer"));
                        continue;
                    }
                    if (head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close")) {
                        failures.add(what + " -> answered with Connection: close");
                        continue;
                    }
                    out.write(("GET /api/v1/cases/" + caseId + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                                    + reporter + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    String next = readHead(in);
                    if (!next.startsWith("HTTP/1.1 200 ")) {
                        failures.add(what + " -> the next request on the connection got "
                                + (next.isEmpty()
                                        ? "no answer"
                                        : next.lines().findFirst().orElse("")));
                    }
                } catch (IOException e) {
                    failures.add(what + " -> " + e);
                }
            }
        }
        assertThat(sent).isGreaterThan(40 * writes().size());
        assertThat(failures)
                .as("refused writes that cost the client its connection")
                .isEmpty();
    }

    /** The status line and headers of an HTTP/1.1 answer, up to the blank line; empty if the server closed. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                break;
            }
        }
        return head.toString();
    }

    private static int contentLength(String head) {
        Matcher m = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$").matcher(head);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    @Test
    void noServerErrorForHostileQueryParameters() {
        String c = "/api/v1/cases/" + caseId;
        List<String> failures = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (String value : List.of(
                "a%00b",
                "%00",
                "%F0%9F%98%80",
                "%C3%28",
                "'%20or%201=1--",
                "%25%25%25",
                "x".repeat(600),
                "%5C",
                "!!!",
                "(",
                "%22",
                "%2B999999999-12-31",
                "-999999999-01-01",
                "-4713-01-01",
                "%2B294277-01-01T00:00:00Z",
                "99999999999999999999")) {
            for (String param : List.of("q", "party", "court", "status")) {
                paths.add("/api/v1/cases?" + param + "=" + value);
            }
            for (String param : List.of("q", "court", "kind", "case_id", "filed_after")) {
                paths.add("/api/v1/filings?" + param + "=" + value);
            }
            for (String param : List.of("court", "case_id", "status", "from", "to")) {
                paths.add("/api/v1/hearings?" + param + "=" + value);
            }
            paths.add(c + "/filings?kind=" + value);
            paths.add("/api/v1/events?after=" + value);
        }
        String nulCursor = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("v1\u001fa\u0000b".getBytes(StandardCharsets.UTF_8));
        String textCursor = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("v1\u001fabc\u001fdef".getBytes(StandardCharsets.UTF_8));
        String oneCursor =
                Base64.getUrlEncoder().withoutPadding().encodeToString("v1\u001fabc".getBytes(StandardCharsets.UTF_8));
        for (String list : List.of(
                "/api/v1/courts",
                "/api/v1/cases",
                c + "/filings",
                "/api/v1/filings",
                "/api/v1/filings?q=motion&x=",
                "/api/v1/hearings",
                c + "/hearings",
                "/api/v1/events",
                c + "/claims",
                c + "/parties",
                c + "/status-changes")) {
            String sep = list.contains("?") ? "&" : "?";
            for (String cursor : List.of(nulCursor, textCursor, oneCursor)) {
                paths.add(list + sep + "cursor=" + cursor);
            }
        }
        for (String path : paths) {
            Api.Resp r = api.get(path, reporter);
            if (r.status() >= 500) {
                failures.add(path + " -> " + r.status() + " " + abbreviate(r.body()));
            } else if (r.status() >= 400) {
                try {
                    r.problem(r.status());
                } catch (AssertionError e) {
                    failures.add(path + " -> " + e.getMessage());
                }
            }
        }
        assertThat(failures)
                .as("hostile query parameters answered with a server error or a non-problem body")
                .isEmpty();
    }

    @Test
    void errorsTheHttpServerRaisesBeforeTheApplicationAreProblemJsonToo() {
        Map<String, Long> before = db.snapshot();
        Api.Resp nul = api.get("/api/v1/cases/1%00", reporter);
        nul.problem(400);
        // Jetty closes the connection after such a request; saying so keeps pooling clients off the dead socket.
        assertThat(nul.headers().firstValue("Connection")).hasValue("close");
        // Without a body: Jetty refuses the path before reading one and closes the connection, which can
        // race with a client still sending a body ("header parser received no bytes").
        api.send("PATCH", "/api/v1/cases/" + caseId + "%00", editor, null, null).problem(400);
        api.send("POST", "/api/v1/cases/" + caseId + "%2Ffilings", editor, null, null)
                .problem(400);
        api.get("/api/v1/cases?q=" + "x".repeat(20_000), reporter).problem(414);
        api.send("GET", "/api/v1/cases", reporter, null, null, "X-Padding", "p".repeat(20_000))
                .problem(431);
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void hostileHeadersAreRefusedWithout500() {
        Write filing = write("/filings");
        Map<String, Long> before = db.snapshot();
        api.send("POST", filing.path(), editor, filing.validBody().get(), JSON, "Idempotency-Key", "k".repeat(256))
                .problem(400);
        assertThat(db.snapshot()).isEqualTo(before);
        api.send("GET", "/api/v1/cases", null, null, null, "Authorization", "Bearer " + "x".repeat(5000))
                .problem(401);
        api.send("GET", "/api/v1/cases", null, null, null, "Authorization", "Basic dXNlcjpwYXNz")
                .problem(401);
        api.send("GET", "/api/v1/cases", null, null, null, "Authorization", "Bearer")
                .problem(401);
    }

    // ---------------------------------------------------------------- helpers

    /** Sends a refused write: asserts the problem and that the database is exactly as before. */
    private static JsonNode rejected(int status, Supplier<Api.Resp> request, String what) {
        return refused(status, request, what).json();
    }

    /** Like {@link #rejected} but answers the whole response, headers included. */
    private static Api.Resp refused(int status, Supplier<Api.Resp> request, String what) {
        Map<String, Long> before = db.snapshot();
        Api.Resp r = request.get();
        try {
            r.problem(status);
        } catch (AssertionError e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
        }
        assertThat(db.snapshot()).as("database after " + what).isEqualTo(before);
        return r;
    }

    private static void assertFields(JsonNode problem, String... fields) {
        List<String> named = new ArrayList<>();
        problem.get("errors").forEach(e -> {
            named.add(e.get("field").asText());
            assertThat(e.get("message").asText()).isNotBlank();
        });
        assertThat(named).as(problem.toString()).contains(fields);
    }

    private static ObjectNode obj(String... pairs) {
        ObjectNode o = Api.obj();
        for (int i = 0; i < pairs.length; i += 2) {
            o.put(pairs[i], pairs[i + 1]);
        }
        return o;
    }

    private static ObjectNode with(ObjectNode base, String field, Object value) {
        ObjectNode copy = base.deepCopy();
        copy.set(field, value instanceof JsonNode n ? n : Api.JSON.valueToTree(value));
        return copy;
    }

    private static String filingsPath() {
        return "/api/v1/cases/" + caseId + "/filings";
    }

    /** A valid filing padded with spaces to exactly {@code size} bytes, inside the object or after it. */
    private static byte[] paddedFiling(int size, boolean trailing) {
        return padded(
                "{\"filed_on\": \"2025-01-03\", \"kind\": \"motion\", \"title\": \"Padded motion\"}", size, trailing);
    }

    private static byte[] padded(String json, int size, boolean trailing) {
        int pad = size - json.getBytes(StandardCharsets.UTF_8).length;
        String text = trailing ? json + " ".repeat(pad) : "{" + " ".repeat(pad) + json.substring(1);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).hasSize(size);
        return bytes;
    }

    /** No Content-Length: the JDK client sends the body with chunked transfer coding. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    private static Api.Resp raw(
            String method,
            String path,
            String key,
            String contentType,
            HttpRequest.BodyPublisher body,
            String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = HTTP1.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Resp(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "... (" + s.length() + " chars)";
    }
}
