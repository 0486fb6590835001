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
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The role matrix: who may call what, for every endpoint of the authentication, cases, filings,
 * claims, status, hearings and events sections of API.md; and how keys are issued, shown and stored.
 */
@DocketWatchIT
class RolesIT {
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create();

    @Client
    static Api api;

    @Client
    static Db db;

    @Key("admin")
    static String admin;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    @Court
    static String court;

    static String caseId;
    static String partyId;
    static String filingId;
    static String claimId;
    static String hearingId;
    static String statusChangeId;

    enum Need {
        REPORTER,
        EDITOR,
        ADMIN
    }

    /** An endpoint, the least role that may call it, and what it answers then; path and body are made fresh per call. */
    record Endpoint(
            String method, String template, Need need, int success, Supplier<String> path, Supplier<Object> body) {
        Call prepare() {
            return new Call(this, path.get(), body == null ? null : body.get());
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    record Call(Endpoint endpoint, String path, Object body) {
        Api.Resp as(String key, String... headers) {
            return api.send(endpoint.method(), path, key, body, body == null ? null : "application/json", headers);
        }

        Api.Resp at(String pathSuffix) {
            return api.send(endpoint.method(), path + pathSuffix, null, body, body == null ? null : "application/json");
        }
    }

    @BeforeAll
    static void setUp() {
        caseId = api.newCase(editor, court);
        partyId = api.post(c() + "/parties", editor, Map.of("name", "OpenAI, Inc.", "role", "defendant"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        filingId = api.post(
                        c() + "/filings",
                        editor,
                        Map.of("entry_number", 1, "filed_on", "2024-08-05", "kind", "complaint", "title", "Complaint"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        claimId = newClaim();
        hearingId = newHearing();
        statusChangeId = api.post(
                        c() + "/status-changes", editor, Map.of("status", "stayed", "effective_on", "2025-01-01"))
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    static String c() {
        return "/api/v1/cases/" + caseId;
    }

    static String newClaim() {
        return api.post(
                        c() + "/claims",
                        editor,
                        Map.of("title", "Breach of charitable trust", "against", List.of(partyId)))
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    static String newHearing() {
        return api.post(
                        c() + "/hearings",
                        editor,
                        Map.of("kind", "status_conference", "scheduled_at", "2026-06-01T09:00:00-07:00"))
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    static String newKeyId() {
        return api.post(
                        "/api/v1/keys",
                        TestApp.ADMIN_KEY,
                        Map.of("name", "to revoke " + UUID.randomUUID(), "role", "reporter"))
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static Endpoint get(String template, Supplier<String> path) {
        return new Endpoint("GET", template, Need.REPORTER, 200, path, null);
    }

    /** Every endpoint of the sections under test, each able to succeed again and again. */
    static List<Endpoint> endpoints() {
        return List.of(
                // Authentication
                new Endpoint(
                        "POST",
                        "/keys",
                        Need.ADMIN,
                        201,
                        () -> "/api/v1/keys",
                        () -> Map.of("name", "key " + unique(), "role", "reporter")),
                new Endpoint("GET", "/keys", Need.ADMIN, 200, () -> "/api/v1/keys", null),
                new Endpoint("DELETE", "/keys/{id}", Need.ADMIN, 204, () -> "/api/v1/keys/" + newKeyId(), null),
                // Courts, cases, parties
                new Endpoint(
                        "POST",
                        "/courts",
                        Need.EDITOR,
                        201,
                        () -> "/api/v1/courts",
                        () -> Map.of(
                                "id",
                                "c" + unique(),
                                "name",
                                "Court",
                                "jurisdiction",
                                "state",
                                "timezone",
                                "America/Chicago")),
                get("/courts", () -> "/api/v1/courts"),
                new Endpoint(
                        "POST",
                        "/cases",
                        Need.EDITOR,
                        201,
                        () -> "/api/v1/cases",
                        () -> Map.of(
                                "court",
                                court,
                                "docket_number",
                                "24-cv-" + unique(),
                                "caption",
                                "Musk v. Altman",
                                "filed_on",
                                "2024-08-05")),
                get("/cases", () -> "/api/v1/cases"),
                get("/cases/{id}", RolesIT::c),
                new Endpoint(
                        "PATCH",
                        "/cases/{id}",
                        Need.EDITOR,
                        200,
                        RolesIT::c,
                        () -> Map.of("judge", "Judge " + unique())),
                new Endpoint(
                        "POST",
                        "/cases/{id}/related",
                        Need.EDITOR,
                        201,
                        () -> "/api/v1/cases/" + api.newCase(editor, court) + "/related",
                        () -> Map.of("case_id", caseId, "relation", "refiled_as")),
                new Endpoint(
                        "POST",
                        "/cases/{id}/parties",
                        Need.EDITOR,
                        201,
                        () -> c() + "/parties",
                        () -> Map.of("name", "Party " + unique(), "role", "intervenor")),
                get("/cases/{id}/parties", () -> c() + "/parties"),
                get("/cases/{id}/parties/{party_id}", () -> c() + "/parties/" + partyId),
                // Filings
                new Endpoint(
                        "POST",
                        "/cases/{id}/filings",
                        Need.EDITOR,
                        201,
                        () -> c() + "/filings",
                        () -> Map.of("filed_on", "2024-09-01", "kind", "motion", "title", "Motion " + unique())),
                get("/cases/{id}/filings", () -> c() + "/filings"),
                get("/cases/{id}/filings/{filing_id}", () -> c() + "/filings/" + filingId),
                get("/filings", () -> "/api/v1/filings?q=complaint"),
                // Claims
                new Endpoint(
                        "POST",
                        "/cases/{id}/claims",
                        Need.EDITOR,
                        201,
                        () -> c() + "/claims",
                        () -> Map.of("title", "Claim " + unique(), "against", List.of(partyId))),
                new Endpoint(
                        "PATCH",
                        "/cases/{id}/claims/{claim_id}",
                        Need.EDITOR,
                        200,
                        () -> c() + "/claims/" + newClaim(),
                        () -> Map.of("status", "dismissed", "reason", "Order of dismissal")),
                get("/cases/{id}/claims", () -> c() + "/claims"),
                get("/cases/{id}/claims/{claim_id}", () -> c() + "/claims/" + claimId),
                // Case status
                new Endpoint(
                        "POST",
                        "/cases/{id}/status-changes",
                        Need.EDITOR,
                        201,
                        () -> "/api/v1/cases/" + api.newCase(editor, court) + "/status-changes",
                        () -> Map.of("status", "settled", "effective_on", "2026-02-01")),
                get("/cases/{id}/status-changes", () -> c() + "/status-changes"),
                get("/cases/{id}/status-changes/{change_id}", () -> c() + "/status-changes/" + statusChangeId),
                // Hearings
                new Endpoint(
                        "POST",
                        "/cases/{id}/hearings",
                        Need.EDITOR,
                        201,
                        () -> c() + "/hearings",
                        () -> Map.of("kind", "motion_hearing", "scheduled_at", "2026-07-01T10:00:00-07:00")),
                new Endpoint(
                        "PATCH",
                        "/cases/{id}/hearings/{hearing_id}",
                        Need.EDITOR,
                        200,
                        () -> c() + "/hearings/" + newHearing(),
                        () -> Map.of("scheduled_at", "2026-07-02T10:00:00-07:00")),
                get("/hearings", () -> "/api/v1/hearings"),
                get("/cases/{id}/hearings", () -> c() + "/hearings"),
                get("/cases/{id}/hearings/{hearing_id}", () -> c() + "/hearings/" + hearingId),
                // The change feed
                get("/events", () -> "/api/v1/events"));
    }

    // ---------------------------------------------------------------- 401

    @Test
    void everyEndpointWithoutAnAuthorizationHeaderIs401WithAChallenge() {
        for (Endpoint e : endpoints()) {
            Call call = e.prepare();
            unauthorized(call, () -> call.as(null), "no Authorization header");
        }
    }

    @Test
    void everyEndpointWithAnUnknownOrMalformedKeyIs401() {
        for (Endpoint e : endpoints()) {
            Call call = e.prepare();
            unauthorized(call, () -> call.as("dw_" + unique() + unique()), "unknown key");
            unauthorized(call, () -> call.as(null, "Authorization", "Token " + admin), "another scheme");
            unauthorized(call, () -> call.as(null, "Authorization", "Bearer"), "an empty bearer");
            unauthorized(call, () -> call.as(null, "Authorization", admin), "a key without a scheme");
        }
    }

    @Test
    void aRevokedKeyIsRefusedImmediatelyOnEveryEndpoint() {
        JsonNode issued = api.post("/api/v1/keys", TestApp.ADMIN_KEY, Map.of("name", "soon revoked", "role", "admin"))
                .expect(201)
                .json();
        String key = issued.get("key").asText();
        api.get("/api/v1/keys", key).expect(200);
        api.delete("/api/v1/keys/" + issued.get("id").asText(), TestApp.ADMIN_KEY)
                .expect(204);
        api.get("/api/v1/keys", key).problem(401);
        for (Endpoint e : endpoints()) {
            Call call = e.prepare();
            unauthorized(call, () -> call.as(key), "revoked admin key");
        }
        JsonNode listed = findKey(issued.get("id").asText());
        assertThat(listed.hasNonNull("revoked_at")).isTrue();
    }

    @Test
    void aKeyInTheQueryStringIsNeverAccepted() {
        for (Endpoint e : endpoints()) {
            Call call = e.prepare();
            String sep = call.path().contains("?") ? "&" : "?";
            for (String param : List.of("access_token", "token", "api_key", "key")) {
                unauthorized(call, () -> call.at(sep + param + "=" + admin), "?" + param + "=<admin key>");
            }
        }
    }

    /**
     * The key itself is compared exactly, also right after the genuine key on the same keep-alive
     * connection (the client reuses it), where a header cache that ignores case would hand the
     * service the earlier value.
     */
    @Test
    void theBearerSchemeIsCaseInsensitiveButTheKeyIsExact() {
        String swapped = swapCase(reporter);
        for (int i = 0; i < 3; i++) {
            api.send("GET", "/api/v1/cases", null, null, null, "Authorization", "bearer " + reporter)
                    .expect(200);
            api.send("GET", "/api/v1/cases", null, null, null, "Authorization", "BEARER " + reporter)
                    .expect(200);
            api.get("/api/v1/cases", reporter).expect(200);
            api.get("/api/v1/cases", reporter.toUpperCase()).problem(401);
            api.get("/api/v1/cases", reporter).expect(200);
            api.get("/api/v1/cases", swapped).problem(401);
            api.get("/api/v1/cases", reporter.substring(0, reporter.length() - 1))
                    .problem(401);
            api.get("/api/v1/cases", reporter + "x").problem(401);
        }
        Map<String, Long> before = db.snapshot();
        api.post("/api/v1/keys", admin, Map.of("name", "n", "role", "reporter")).expect(201);
        api.post("/api/v1/keys", swapCase(admin), Map.of("name", "n", "role", "reporter"))
                .problem(401);
        assertThat(db.snapshot().get("api_keys")).isEqualTo(before.get("api_keys") + 1);
    }

    private static String swapCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.chars()
                .forEach(ch -> b.append(
                        (char) (Character.isUpperCase(ch) ? Character.toLowerCase(ch) : Character.toUpperCase(ch))));
        return b.toString();
    }

    // ---------------------------------------------------------------- 403 and 2xx by role

    @Test
    void reporterReadsEverythingButIsForbiddenEveryWriteAndKeyManagement() {
        for (Endpoint e : endpoints()) {
            Call call = e.prepare();
            if (e.need() == Need.REPORTER) {
                succeeds(call, reporter);
            } else {
                forbidden(call, reporter);
            }
        }
    }

    @Test
    void editorWritesButIsForbiddenKeyManagement() {
        for (Endpoint e : endpoints()) {
            Call call = e.prepare();
            if (e.need() == Need.ADMIN) {
                forbidden(call, editor);
            } else {
                succeeds(call, editor);
            }
        }
    }

    @Test
    void adminMayCallEveryEndpoint() {
        for (Endpoint e : endpoints()) {
            succeeds(e.prepare(), admin);
        }
    }

    @Test
    void theBootstrapAdminKeyWorksAsAdminAndIsStoredHashed() {
        for (Endpoint e : endpoints()) {
            succeeds(e.prepare(), TestApp.ADMIN_KEY);
        }
        List<Map<String, Object>> rows =
                db.rows("select role, revoked_at from api_keys where key_hash = ?", sha256(TestApp.ADMIN_KEY));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("role")).isEqualTo("admin");
        assertThat(rows.get(0).get("revoked_at")).isNull();
        assertKeyAppearsInNoColumn(TestApp.ADMIN_KEY);
    }

    // ---------------------------------------------------------------- keys

    @Test
    void aNewKeyIsShownOnceInTheCreateAnswerAndStoredOnlyAsItsSha256() {
        Api.Resp r = api.post("/api/v1/keys", admin, Map.of("name", "Newsroom bot", "role", "editor"))
                .expect(201);
        JsonNode k = r.json();
        String id = k.get("id").asText();
        String key = k.get("key").asText();
        assertThat(k.get("name").asText()).isEqualTo("Newsroom bot");
        assertThat(k.get("role").asText()).isEqualTo("editor");
        assertThat(key).hasSizeGreaterThanOrEqualTo(32);
        assertThat(r.header("Location")).endsWith("/api/v1/keys/" + id);

        // It works, with the role it was given.
        api.post(
                        "/api/v1/courts",
                        key,
                        Map.of("id", "k" + unique(), "name", "N", "jurisdiction", "state", "timezone", "UTC"))
                .expect(201);
        api.get("/api/v1/keys", key).problem(403);

        // The list never shows a key, neither this one nor any other.
        List<JsonNode> all = allKeys();
        assertThat(all).extracting(n -> n.get("id").asText()).contains(id);
        for (JsonNode listed : all) {
            assertThat(listed.has("key")).as(listed.toString()).isFalse();
            assertThat(listed.hasNonNull("name")).isTrue();
            assertThat(listed.hasNonNull("role")).isTrue();
        }
        assertThat(api.get("/api/v1/keys?limit=500", admin).body())
                .doesNotContain(key)
                .doesNotContain(admin)
                .doesNotContain(TestApp.ADMIN_KEY);

        List<Map<String, Object>> rows = db.rows("select id, name, role from api_keys where key_hash = ?", sha256(key));
        assertThat(rows).hasSize(1);
        assertThat(String.valueOf(rows.get(0).get("id"))).isEqualTo(id);
        assertThat(rows.get(0).get("role")).isEqualTo("editor");
        assertKeyAppearsInNoColumn(key);
    }

    @Test
    void everyRoleCanBeIssuedAndAnUnknownRoleIs422() {
        for (String role : List.of("admin", "editor", "reporter")) {
            JsonNode k = api.post("/api/v1/keys", admin, Map.of("name", role + " " + unique(), "role", role))
                    .expect(201)
                    .json();
            assertThat(k.get("role").asText()).isEqualTo(role);
        }
        for (String role : List.of("superuser", "Admin", "", "owner")) {
            Map<String, Long> before = db.snapshot();
            JsonNode p = api.post("/api/v1/keys", admin, Map.of("name", "bad role", "role", role))
                    .problem(422);
            assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("role");
            assertThat(db.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void revokingAnUnknownKeyIs404() {
        Map<String, Long> before = db.snapshot();
        api.delete("/api/v1/keys/999999999", admin).problem(404);
        api.delete("/api/v1/keys/abc", admin).problem(404);
        api.delete("/api/v1/keys/0", admin).problem(404);
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void revokingAKeyStopsItAtOnceAndLeavesOthersWorking() {
        JsonNode one = api.post("/api/v1/keys", admin, Map.of("name", "one", "role", "editor"))
                .expect(201)
                .json();
        JsonNode two = api.post("/api/v1/keys", admin, Map.of("name", "two", "role", "editor"))
                .expect(201)
                .json();
        String k1 = one.get("key").asText();
        String k2 = two.get("key").asText();
        api.patch(c(), k1, Map.of("judge", "Before revocation")).expect(200);
        api.delete("/api/v1/keys/" + one.get("id").asText(), admin).expect(204);
        Map<String, Long> before = db.snapshot();
        api.patch(c(), k1, Map.of("judge", "After revocation")).problem(401);
        api.get(c(), k1).problem(401);
        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(api.get(c(), k2).expect(200).json().get("judge").asText()).isEqualTo("Before revocation");
        assertThat(db.count(
                        "select count(*) from api_keys where id = ? and revoked_at is not null",
                        Long.parseLong(one.get("id").asText())))
                .isEqualTo(1);
    }

    /**
     * The timeline and the two feeds of the Hearings section, the only ones where {@code ?token=} may
     * carry the key (calendar and feed readers cannot send headers).
     */
    @Test
    void timelineAndFeedsFollowTheMatrixAndOnlyFeedsTakeATokenInTheQuery() {
        api.get(c() + "/timeline", reporter).expect(200);
        api.get(c() + "/timeline", null).problem(401);
        api.get(c() + "/timeline?token=" + reporter, null).problem(401);
        String feedToken = api.post("/api/v1/feed-tokens", reporter, Map.of("name", "calendar"))
                .expect(201)
                .json()
                .get("token")
                .asText();
        api.get(c() + "/timeline?token=" + feedToken, null).problem(401); // feed tokens open only .ics and .atom
        JsonNode revoked = api.post("/api/v1/keys", admin, Map.of("name", "feed reader", "role", "reporter"))
                .expect(201)
                .json();
        String revokedKey = revoked.get("key").asText();
        api.delete("/api/v1/keys/" + revoked.get("id").asText(), admin).expect(204);
        for (String feed : List.of("/hearings.ics", "/filings.atom")) {
            assertThat(api.get(c() + feed, reporter).expect(200).header("Content-Type"))
                    .startsWith(feed.endsWith(".ics") ? "text/calendar" : "application/atom+xml");
            api.get(c() + feed + "?token=" + feedToken, null).expect(200);
            api.get(c() + feed + "?token=" + reporter, null).expect(401); // an API key is never accepted in a URL
            api.get(c() + feed, null).expect(401);
            api.get(c() + feed + "?token=dw_unknown", null).expect(401);
            api.get(c() + feed + "?token=" + revokedKey, null).expect(401);
            api.get(c() + feed + "?access_token=" + reporter, null).expect(401);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void unauthorized(Call call, Supplier<Api.Resp> request, String how) {
        Map<String, Long> before = db.snapshot();
        Api.Resp r = request.get();
        String what = call.endpoint() + " with " + how;
        try {
            r.problem(401);
        } catch (AssertionError e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
        }
        assertThat(r.header("WWW-Authenticate")).as(what).startsWith("Bearer");
        assertThat(db.snapshot()).as("database after " + what).isEqualTo(before);
    }

    private static void forbidden(Call call, String key) {
        Map<String, Long> before = db.snapshot();
        try {
            call.as(key).problem(403);
        } catch (AssertionError e) {
            throw new AssertionError(call.endpoint() + ": " + e.getMessage(), e);
        }
        assertThat(db.snapshot())
                .as("database after a forbidden " + call.endpoint())
                .isEqualTo(before);
    }

    private static void succeeds(Call call, String key) {
        Api.Resp r = call.as(key);
        if (r.status() != call.endpoint().success()) {
            throw new AssertionError(call.endpoint() + " (" + call.path() + ") expected "
                    + call.endpoint().success() + " but got " + r.status() + ": " + r.body());
        }
        if (r.status() == 200 && call.endpoint().method().equals("GET")) {
            JsonNode body = r.json();
            assertThat(body.isObject()).as(call.endpoint().toString()).isTrue();
        }
    }

    private static List<JsonNode> allKeys() {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/keys?limit=50" + (cursor == null ? "" : "&cursor=" + cursor), admin)
                    .expect(200)
                    .json();
            page.get("data").forEach(out::add);
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asText();
        } while (cursor != null);
        return out;
    }

    private static JsonNode findKey(String id) {
        return allKeys().stream()
                .filter(k -> k.get("id").asText().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("key " + id + " not listed"));
    }

    /** No column of any row of api_keys holds the key, in plain text or as hex. */
    private static void assertKeyAppearsInNoColumn(String key) {
        List<Map<String, Object>> columns = db.rows("select column_name from information_schema.columns "
                + "where table_schema = current_schema() and table_name = 'api_keys'");
        assertThat(columns).hasSizeGreaterThanOrEqualTo(4);
        String hex = HexFormat.of().formatHex(key.getBytes(StandardCharsets.UTF_8));
        for (Map<String, Object> column : columns) {
            String name = (String) column.get("column_name");
            long hits = db.count(
                    "select count(*) from api_keys where position(? in coalesce(\"" + name + "\"::text, '')) > 0 "
                            + "or position(? in coalesce(\"" + name + "\"::text, '')) > 0",
                    key,
                    hex);
            assertThat(hits)
                    .as("rows of api_keys whose " + name + " holds the key")
                    .isZero();
        }
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
