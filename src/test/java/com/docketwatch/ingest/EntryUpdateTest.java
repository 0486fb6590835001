package com.docketwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.ingest.DocketPlan.EntryIn;
import com.docketwatch.ingest.ImportDao.StoredFiling;
import com.docketwatch.ingest.rss.RssParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** An entry brought again: what the filing becomes, and the changes a filing.updated reports. */
class EntryUpdateTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final LocalDate FILED = LocalDate.of(2024, 3, 14);

    /** Entry 63 as a docket import stored it: full text, no document link. */
    static StoredFiling docketEntry() {
        return new StoredFiling(
                7,
                3,
                63,
                FILED,
                FILED,
                "other",
                "ANSWER to 1 Complaint with crossclaim",
                "ANSWER to 1 Complaint with crossclaim against all defendants. (Entered: 03/14/2024)",
                null,
                "123",
                "200",
                null,
                "n:63",
                null,
                Instant.parse("2024-03-15T00:00:00Z"));
    }

    static EntryIn entry(String title, String description, String url, String attachments) {
        return new EntryIn(
                0, "n:63", 63, FILED, null, "other", title, description, null, null, attachments, url, "new-hash");
    }

    @Test
    void aFeedItemAddsItsDocumentLinkButNeverReplacesTheDocketsText() {
        StoredFiling old = docketEntry();
        EntryUpdate u = EntryUpdate.of(old, entry("Crossclaim", null, "https://ecf.example/doc1/63", null), NOW);
        assertThat(u.changes()).containsOnlyKeys("document_url");
        assertThat(u.changes().get("document_url").old()).isNull();
        assertThat(u.row().title()).isEqualTo(old.title());
        assertThat(u.row().description()).isEqualTo(old.description());
        assertThat(u.row().dateEntered()).as("kept: the item has none").isEqualTo(FILED);
        assertThat(u.row().pacerDocId()).isEqualTo("123");
        assertThat(u.row().importHash()).isEqualTo("new-hash");
        assertThat(u.filing().documentUrl()).isEqualTo("https://ecf.example/doc1/63");
    }

    @Test
    void theSameItemWithoutALinkChangesNothingShown() {
        StoredFiling old = docketEntry();
        EntryUpdate u = EntryUpdate.of(old, entry("Crossclaim", null, null, null), NOW);
        assertThat(u.changes()).isEmpty();
        assertThat(u.rewrites(old)).isFalse();
    }

    @Test
    void changedTextAndNewAttachmentsAreChangesWithOldAndNewValues() {
        StoredFiling old = docketEntry();
        EntryUpdate u = EntryUpdate.of(
                old,
                entry(
                        "AMENDED ANSWER to 1 Complaint",
                        "AMENDED ANSWER to 1 Complaint. (Entered: 03/14/2024)",
                        null,
                        "[{\"attachment_number\":1,\"description\":\"Exhibit A\"}]"),
                NOW);
        assertThat(u.changes()).containsOnlyKeys("title", "description", "attachments");
        assertThat(u.changes().get("title").old()).isEqualTo(old.title());
        assertThat(u.changes().get("title").now()).isEqualTo("AMENDED ANSWER to 1 Complaint");
        assertThat(u.changes().get("attachments").wire()).containsEntry("old", null);
    }

    @Test
    void attachmentsAreComparedAsJsonNotAsText() {
        StoredFiling stored = docketEntry();
        StoredFiling old = new StoredFiling(
                stored.id(),
                stored.caseId(),
                stored.entryNumber(),
                stored.filedOn(),
                stored.dateEntered(),
                stored.kind(),
                stored.title(),
                stored.description(),
                stored.documentUrl(),
                stored.pacerDocId(),
                stored.pacerSeqNo(),
                "[{\"description\": \"Exhibit A\", \"attachment_number\": 1}]", // as jsonb prints it
                stored.sourceKey(),
                stored.filedBy(),
                stored.createdAt());
        EntryUpdate u = EntryUpdate.of(
                old,
                entry(
                        old.title(),
                        old.description(),
                        null,
                        "[{\"attachment_number\":1,\"description\":\"Exhibit A\"}]"),
                NOW);
        assertThat(u.changes()).isEmpty();
    }

    @Test
    void aFeedItemsDocumentLinkBecomesTheEntrysDocumentUrlAndChangesItsDigestOnlyWhenPresent() throws Exception {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>t</title><link>https://ecf.example</link><description>d</description>
                <item><title>2:23-cv-01187-GRB Ferrante v. Suffolk</title>
                <pubDate>Thu, 14 Mar 2024 21:25:52 GMT</pubDate>
                <description><![CDATA[[Crossclaim] Ferrante v. Suffolk (<a href="https://ecf.example/cgi-bin/show_case_doc?41,487716,,,&amp;x=1">41</a>)]]></description>
                <link>https://ecf.example/cgi-bin/DktRpt.pl?487716</link></item>
                <item><title>2:23-cv-01188-GRB Other v. Suffolk</title>
                <pubDate>Thu, 14 Mar 2024 21:25:52 GMT</pubDate>
                <description><![CDATA[[Order] Other v. Suffolk (<a href="javascript:alert(1)">42</a>)]]></description>
                <link>https://ecf.example/cgi-bin/DktRpt.pl?487717</link></item>
                </channel></rss>
                """;
        var parsed = RssParser.parse(rss.getBytes(StandardCharsets.UTF_8), "nyed");
        ZoneId ny = ZoneId.of("America/New_York");
        EntryIn linked =
                DocketPlan.of(parsed.dockets().get(0), c -> ny).entries().get(0);
        assertThat(linked.entryNumber()).isEqualTo(41);
        assertThat(linked.documentUrl()).isEqualTo("https://ecf.example/cgi-bin/show_case_doc?41,487716,,,&x=1");
        EntryIn refused =
                DocketPlan.of(parsed.dockets().get(1), c -> ny).entries().get(0);
        assertThat(refused.entryNumber()).isEqualTo(42);
        assertThat(refused.documentUrl())
                .as("not an http(s) URL: left out, the item kept")
                .isNull();

        // The digest of an entry without a link is the one stored before links were read.
        var unlinked = parsed.dockets()
                .get(0)
                .withEntries(java.util.List.of(new Docket.Entry(
                        "41", "2024-03-14T21:25:52+00:00", null, null, "Crossclaim", null, null, null, null, null)));
        assertThat(DocketPlan.of(unlinked, c -> ny).entries().get(0).hash()).isNotEqualTo(linked.hash());
    }
}
