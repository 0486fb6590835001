package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lists whose ids cross 9 → 10 (and 99 → 100) page in id order and visit every row once: ids travel as
 * text, and a list ordered by that text ("10" before "9") disagreed with its numeric cursor.
 */
@DocketWatchIT
class ListOrderIT {
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create();

    @Client
    static Api api;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    @Court
    static String court;

    @Test
    void statusHistoryPagesOldestFirstAcrossTheNineToTenBoundary() {
        String caseId = api.newCase(editor, court);
        for (int i = 0; i < 14; i++) {
            api.post(
                            "/api/v1/cases/" + caseId + "/status-changes",
                            editor,
                            Map.of("status", i % 2 == 0 ? "stayed" : "open", "effective_on", "2026-01-" + (10 + i)))
                    .expect(201);
        }
        assertVisitsEveryIdOnceInOrder("/api/v1/cases/" + caseId + "/status-changes", reporter, 14);
    }

    @Test
    void keysPageInIdOrderAcrossTheNineToTenBoundary() {
        for (int i = 0; i < 12; i++) {
            api.key("reporter");
        }
        assertVisitsEveryIdOnceInOrder("/api/v1/keys", com.docketwatch.support.TestApp.ADMIN_KEY, 12);
    }

    @Test
    void feedTokensPageInIdOrderAcrossTheNineToTenBoundary() {
        String owner = api.key("reporter");
        for (int i = 0; i < 12; i++) {
            api.post("/api/v1/feed-tokens", owner, Map.of("name", "token " + i)).expect(201);
        }
        assertVisitsEveryIdOnceInOrder("/api/v1/feed-tokens", owner, 12);
    }

    private static void assertVisitsEveryIdOnceInOrder(String path, String key, int atLeast) {
        List<Long> all = ids(api.get(path + "?limit=500", key).expect(200).json());
        assertThat(all).hasSizeGreaterThanOrEqualTo(atLeast).isSorted().doesNotHaveDuplicates();
        assertThat(all.get(0)).isLessThan(10);
        assertThat(all.get(all.size() - 1)).isGreaterThanOrEqualTo(10);
        List<Long> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(path + "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), key)
                    .expect(200)
                    .json();
            paged.addAll(ids(page));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asText();
        } while (cursor != null);
        assertThat(paged).isEqualTo(all);
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("data").forEach(row -> ids.add(Long.parseLong(row.get("id").asText())));
        return ids;
    }
}
