package com.docketwatch.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A Slack incoming webhook on localhost that checks each message against the shape Slack documents
 * (https://api.slack.com/messaging/webhooks, https://api.slack.com/reference/block-kit/blocks): a JSON
 * object with a non-empty {@code text} fallback and at most 50 {@code blocks}, each a {@code section}
 * (a text object of at most 3000 characters), a {@code context} (1 to 10 text or image elements), a
 * {@code header} (plain text, at most 150) or a {@code divider}; a text object is {@code {"type":
 * "mrkdwn"|"plain_text", "text"}}. A valid message is answered {@code 200 ok}, as Slack does; anything
 * else {@code 400} with Slack's error name ({@code invalid_payload}, {@code no_text}, {@code
 * invalid_blocks}) and is recorded with what was wrong.
 */
public final class SlackReceiver implements AutoCloseable {
    /** One message, and what was wrong with it (empty when Slack would have accepted it). */
    public record Message(String path, JsonNode json, List<String> problems) {
        public String text() {
            return json == null ? null : json.path("text").asText(null);
        }

        /** Every text of its blocks, in order (section texts, header texts, context elements' texts). */
        public List<String> blockTexts() {
            List<String> out = new ArrayList<>();
            for (JsonNode b : json.path("blocks")) {
                if (b.has("text")) {
                    out.add(b.path("text").path("text").asText());
                }
                for (JsonNode e : b.path("elements")) {
                    out.add(e.path("text").asText());
                }
            }
            return out;
        }
    }

    private static final Set<String> TEXT_TYPES = Set.of("mrkdwn", "plain_text");

    private final HttpServer server;
    private final List<Message> messages = new CopyOnWriteArrayList<>();

    public SlackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            List<String> problems = new ArrayList<>();
            JsonNode json = null;
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.startsWith("application/json")) {
                problems.add("Content-Type " + contentType);
            }
            try {
                json = Api.JSON.readTree(body);
            } catch (IOException e) {
                problems.add("invalid_payload: not JSON");
            }
            String error = problems.isEmpty() ? check(json, problems) : "invalid_payload";
            messages.add(new Message(exchange.getRequestURI().getPath(), json, List.copyOf(problems)));
            byte[] answer = (error == null ? "ok" : error).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(error == null ? 200 : 400, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** Slack's error name for what is wrong, or null when the message is valid. */
    private static String check(JsonNode json, List<String> problems) {
        if (json == null || !json.isObject()) {
            problems.add("not a JSON object");
            return "invalid_payload";
        }
        if (!json.path("text").isTextual() || json.path("text").asText().isBlank()) {
            problems.add("no text fallback");
            return "no_text";
        }
        JsonNode blocks = json.get("blocks");
        if (blocks == null || !blocks.isArray() || blocks.isEmpty() || blocks.size() > 50) {
            problems.add("blocks: not an array of 1 to 50");
            return "invalid_blocks";
        }
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode b = blocks.get(i);
            String at = "blocks[" + i + "]";
            switch (b.path("type").asText()) {
                case "section" -> textObject(b.get("text"), 3000, at + ".text", problems);
                case "header" -> {
                    textObject(b.get("text"), 150, at + ".text", problems);
                    if (!"plain_text".equals(b.path("text").path("type").asText())) {
                        problems.add(at + ".text: a header is plain_text");
                    }
                }
                case "context" -> {
                    JsonNode elements = b.get("elements");
                    if (elements == null || !elements.isArray() || elements.isEmpty() || elements.size() > 10) {
                        problems.add(at + ".elements: not an array of 1 to 10");
                    } else {
                        for (int j = 0; j < elements.size(); j++) {
                            textObject(elements.get(j), 3000, at + ".elements[" + j + "]", problems);
                        }
                    }
                }
                case "divider" -> {}
                default -> problems.add(at + ": unknown block type " + b.path("type"));
            }
        }
        return problems.isEmpty() ? null : "invalid_blocks";
    }

    private static void textObject(JsonNode t, int max, String at, List<String> problems) {
        if (t == null || !t.isObject() || !TEXT_TYPES.contains(t.path("type").asText())) {
            problems.add(at + ": not a text object");
        } else if (!t.path("text").isTextual()
                || t.path("text").asText().isEmpty()
                || t.path("text").asText().length() > max) {
            problems.add(at + ".text: not 1 to " + max + " characters");
        }
    }

    public String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    public List<Message> messages() {
        return new ArrayList<>(messages);
    }

    /** Waits until at least {@code n} messages arrived on {@code path}, or fails after {@code timeout}. */
    public List<Message> await(String path, int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Message> found =
                    messages.stream().filter(m -> m.path().equals(path)).toList();
            if (found.size() >= n) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + n + " Slack message(s) on " + path + " within " + timeout
                        + "; got " + found.size());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
