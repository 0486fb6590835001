package com.docketwatch.ingest;

import com.docketwatch.events.Events.Change;
import com.docketwatch.filings.FilingView;
import com.docketwatch.ingest.DocketPlan.EntryIn;
import com.docketwatch.ingest.ImportDao.FilingRow;
import com.docketwatch.ingest.ImportDao.StoredFiling;
import com.docketwatch.platform.request.Ids;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An entry already on the docket, brought again with a different digest: what the filing becomes and
 * what changed in it that a reader sees ({@code changes}, field to old and new value; empty when only
 * bookkeeping changed, such as the date entered or a PACER id).
 *
 * <p>An entry says only what its source knows: a field it leaves out keeps the filing's value (a court
 * feed's item has no description, no attachments, no entry date). An entry without text (a feed item)
 * never replaces the text of a filing that has some (a docket's full description): it only adds what
 * the filing lacks, such as its document link or entry number.
 */
record EntryUpdate(FilingRow row, FilingView filing, Map<String, Change> changes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static EntryUpdate of(StoredFiling old, EntryIn in, Instant now) {
        boolean textless = in.description() == null && old.description() != null;
        Integer number = in.entryNumber() == null ? old.entryNumber() : in.entryNumber();
        LocalDate filedOn = textless ? old.filedOn() : in.filedOn();
        String kind = textless ? old.kind() : in.kind();
        String title = textless ? old.title() : in.title();
        String description = textless ? old.description() : in.description();
        String url = in.documentUrl() == null ? old.documentUrl() : in.documentUrl();
        String attachments = in.attachments() == null ? old.attachments() : in.attachments();
        FilingRow row = new FilingRow(
                old.id(),
                old.caseId(),
                number,
                filedOn,
                in.dateEntered() == null ? old.dateEntered() : in.dateEntered(),
                kind,
                title,
                description,
                url,
                in.pacerDocId() == null ? old.pacerDocId() : in.pacerDocId(),
                in.pacerSeqNo() == null ? old.pacerSeqNo() : in.pacerSeqNo(),
                attachments,
                old.sourceKey(),
                in.hash(),
                now);
        Map<String, Change> changes = new LinkedHashMap<>();
        change(changes, "entry_number", old.entryNumber(), number);
        change(changes, "filed_on", old.filedOn(), filedOn);
        change(changes, "kind", old.kind(), kind);
        change(changes, "title", old.title(), title);
        change(changes, "description", old.description(), description);
        change(changes, "document_url", old.documentUrl(), url);
        JsonNode before = tree(old.attachments());
        JsonNode after = tree(attachments);
        change(changes, "attachments", before, after);
        FilingView view = new FilingView(
                Ids.str(old.id()),
                Ids.str(old.caseId()),
                number,
                filedOn,
                kind,
                title,
                description,
                Ids.str(old.filedBy()),
                url,
                old.createdAt());
        return new EntryUpdate(row, view, changes);
    }

    /** Whether the filing's row changes at all, shown or not (its digest aside). */
    boolean rewrites(StoredFiling old) {
        return !changes.isEmpty()
                || !Objects.equals(row.dateEntered(), old.dateEntered())
                || !Objects.equals(row.pacerDocId(), old.pacerDocId())
                || !Objects.equals(row.pacerSeqNo(), old.pacerSeqNo());
    }

    private static void change(Map<String, Change> changes, String field, Object old, Object now) {
        if (!Objects.equals(old, now)) {
            changes.put(field, new Change(old, now));
        }
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored attachments are not JSON", e);
        }
    }
}
