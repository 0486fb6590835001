package com.docketwatch.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A plain HTTP client for the service under test: real requests, raw status codes and bodies. */
public final class Api {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public Api(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    public Resp get(String path, String key) {
        return send("GET", path, key, null, "application/json");
    }

    public Resp post(String path, String key, Object body) {
        return send("POST", path, key, body, "application/json");
    }

    public Resp patch(String path, String key, Object body) {
        return send("PATCH", path, key, body, "application/json");
    }

    public Resp delete(String path, String key) {
        return send("DELETE", path, key, null, null);
    }

    /** Sends {@code body} (a JSON string as is, anything else serialised) with extra header pairs. */
    public Resp send(String method, String path, String key, Object body, String contentType, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (contentType != null && body != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text(body)));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Resp(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new key with the given role, issued by the bootstrap admin. */
    public String key(String role) {
        Resp r = post("/api/v1/keys", TestApp.ADMIN_KEY, Map.of("name", role + "-" + UUID.randomUUID(), "role", role));
        r.expect(201);
        return r.json().get("key").asText();
    }

    /** A court with a unique id (America/Los_Angeles). */
    public String court(String editorKey) {
        String id = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        post(
                        "/api/v1/courts",
                        editorKey,
                        Map.of(
                                "id",
                                id,
                                "name",
                                "Court " + id,
                                "jurisdiction",
                                "federal",
                                "timezone",
                                "America/Los_Angeles"))
                .expect(201);
        return id;
    }

    /** A new open case in {@code court}; returns its id. */
    public String newCase(String editorKey, String court) {
        return post(
                        "/api/v1/cases",
                        editorKey,
                        Map.of(
                                "court",
                                court,
                                "docket_number",
                                "1:26-cv-" + UUID.randomUUID().toString().substring(0, 8),
                                "caption",
                                "Doe v. Roe",
                                "filed_on",
                                "2026-01-05"))
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    /** The path of a Location header (which Jersey makes absolute), to request it again. */
    public static String pathOf(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }

    /** The {@code field} of every object in a JSON array. */
    public static java.util.List<String> texts(JsonNode array, String field) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    public static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    /** An HTTP answer. */
    public record Resp(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** Fails with the body in the message unless the status is {@code expected}. */
        public Resp expect(int expected) {
            if (status != expected) {
                throw new AssertionError("Expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }

        /** Asserts a problem+json answer with {@code expected} status; returns its body. */
        public JsonNode problem(int expected) {
            expect(expected);
            String type = header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                throw new AssertionError("Expected application/problem+json but got " + type + ": " + body);
            }
            JsonNode p = json();
            if (p.get("status").asInt() != expected
                    || !p.hasNonNull("type")
                    || !p.hasNonNull("title")
                    || !p.hasNonNull("detail")) {
                throw new AssertionError("Incomplete problem document: " + body);
            }
            return p;
        }
    }
}
