package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.Db;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.MutableClock;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A full-text search chooses how to find its newest matches from PostgreSQL's statistics of the newest
 * partitions ({@code WordShares}), through the API on a database of its own: a word the statistics do not
 * know yet is searched through the full-text index at once (the cursor's "g"), even when reading entries
 * in date order would have found it soon; once ANALYZE has counted it as common, in date order ("r"). Both
 * ways give the same newest two hundred matches.
 */
@DocketWatchIT
class SearchStatisticsIT {
    static final MutableClock CLOCK = new MutableClock(Instant.now());
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.withClock(CLOCK);
    /** Longer than the statistics and the partition list are kept. */
    static final Duration PAST_KEPT = Duration.ofMinutes(11);

    @Client
    static Api api;

    @Client
    static Db db;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    @Court
    static String court;

    @Test
    void aWordTheStatisticsDoNotKnowGoesThroughTheIndexAndACommonOneIsReadInDateOrder() {
        LocalDate today = LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
        String month = String.format("filings_%d_%02d", today.getYear(), today.getMonthValue());
        // Only the test's ANALYZE counts this month's entries.
        db.update("alter table " + month + " set (autovacuum_enabled = off)");
        String caseId = api.newCase(editor, court);
        // 500 entries of today, each with a word of its own, so the statistics list rare lexemes too.
        db.update("""
                with k as (
                    insert into filing_keys (case_id, filed_on, kind)
                    select ?, ?, 'notice' from generate_series(1, 500)
                    returning id)
                insert into filings (id, case_id, filed_on, kind, title)
                select id, ?, ?, 'notice', 'Notice of appearance, exhibit x' || id from k
                """, Long.parseLong(caseId), today, Long.parseLong(caseId), today);
        db.update("analyze " + month);
        CLOCK.advance(PAST_KEPT);

        List<String> ids = new ArrayList<>(); // oldest first
        for (int i = 0; i < 205; i++) {
            ids.add(api.post(
                            "/api/v1/cases/" + caseId + "/filings",
                            editor,
                            Map.of("filed_on", today.toString(), "kind", "order", "title", "Order on quokkafication"))
                    .expect(201)
                    .json()
                    .get("id")
                    .asText());
        }
        List<String> newest = ids.subList(5, 205);

        Search unknown = search("quokkafication");
        assertThat(unknown.how()).as("not in the statistics: the index").isEqualTo("g");
        assertThat(unknown.ids()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(newest);

        db.update("analyze " + month);
        CLOCK.advance(PAST_KEPT);
        Search common = search("quokkafication");
        assertThat(common.how()).as("two entries in seven: date order").isEqualTo("r");
        assertThat(common.ids()).containsExactlyElementsOf(unknown.ids());

        Search rare = search("x" + (Long.parseLong(ids.get(0)) - 7));
        assertThat(rare.ids()).as("a word of one entry").hasSize(1);
    }

    /** All pages of a search: the ids in order, and how the first page found its window. */
    record Search(List<String> ids, String how) {}

    static Search search(String q) {
        List<String> ids = new ArrayList<>();
        String how = null;
        String cursor = null;
        do {
            JsonNode page = api.get(
                            "/api/v1/filings?limit=100&q=" + q + (cursor == null ? "" : "&cursor=" + cursor), reporter)
                    .expect(200)
                    .json();
            ids.addAll(Api.texts(page.get("data"), "id"));
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asText();
            if (how == null && cursor != null) {
                how = how(cursor);
            }
        } while (cursor != null);
        return new Search(ids, how);
    }

    /** The third key of a search cursor: how its window was found. */
    static String how(String cursor) {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        return text.split("\u001f", -1)[3];
    }
}
