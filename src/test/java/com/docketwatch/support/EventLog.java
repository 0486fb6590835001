package com.docketwatch.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the change feed the way a client follows it. The feed shows an event only once every older
 * transaction has finished (so it never skips one); right after a write it may lag by the length of
 * a concurrent transaction. Tests wait until the feed holds every committed event before asserting.
 */
public final class EventLog {
    private final Api api;
    private final String key;
    private final String databaseUrl;

    public EventLog(Api api, String key, String databaseUrl) {
        this.api = api;
        this.key = key;
        this.databaseUrl = databaseUrl;
    }

    /** The feed of the app under test, read with {@code key}. */
    public static EventLog of(
            io.dropwizard.testing.junit5.DropwizardAppExtension<com.docketwatch.DocketWatchConfiguration> app,
            Api api,
            String key) {
        return new EventLog(api, key, app.getConfiguration().getDatabase().getUrl());
    }

    /** The id of the newest event, or "0" when there is none. */
    public String lastId() {
        List<JsonNode> all = caughtUp();
        return all.isEmpty() ? "0" : all.get(all.size() - 1).get("id").asText();
    }

    /** The case's events that follow {@code marker} in the feed. */
    public List<JsonNode> ofCase(String marker, String caseId) {
        List<JsonNode> all = caughtUp();
        int from = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).get("id").asText().equals(marker)) {
                from = i + 1;
            }
        }
        return all.subList(from, all.size()).stream()
                .filter(e -> e.get("case_id").asText().equals(caseId))
                .toList();
    }

    /** The whole feed, once it shows every event committed so far. */
    public List<JsonNode> caughtUp() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            Set<String> committed = committedIds();
            List<JsonNode> feed = read();
            Set<String> shown = new HashSet<>();
            feed.forEach(e -> shown.add(e.get("id").asText()));
            if (shown.containsAll(committed)) {
                return feed;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The change feed did not show all " + committed.size() + " committed events");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private List<JsonNode> read() {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(
                            "/api/v1/events?limit=500&after=0" + (cursor == null ? "" : "&cursor=" + cursor), key)
                    .expect(200)
                    .json();
            page.get("data").forEach(out::add);
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asText();
        } while (cursor != null);
        return out;
    }

    private Set<String> committedIds() {
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(databaseUrl);
                ResultSet rs = c.createStatement().executeQuery("select id::text from events")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return ids;
    }
}
