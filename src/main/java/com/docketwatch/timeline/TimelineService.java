package com.docketwatch.timeline;

import com.docketwatch.cases.CaseDao;
import com.docketwatch.cases.CaseService;
import com.docketwatch.cases.StatusChangeView;
import com.docketwatch.filings.FilingView;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.errors.ApiException;
import com.docketwatch.platform.request.Cursor;
import com.docketwatch.platform.request.Page;
import com.docketwatch.platform.request.PageRequest;
import com.docketwatch.timeline.TimelineDao.TimelineRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * What happened in a case, in time order: filings, status changes, claim changes and hearing events,
 * merged by one query and paged by an (at, kind, id) keyset cursor.
 */
public final class TimelineService {
    public static final List<String> TYPES = List.of(
            "filing",
            "status_change",
            "claim_change",
            "hearing_scheduled",
            "hearing_rescheduled",
            "hearing_vacated",
            "hearing_held");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE, MMM d, uuuu, h:mm a zzz", Locale.US);

    private final Jdbi jdbi;
    private final ObjectMapper json;

    public TimelineService(Jdbi jdbi, ObjectMapper json) {
        this.jdbi = jdbi;
        this.json = json;
    }

    public Page<TimelineEntry> timeline(long caseId, Set<String> types, PageRequest page) {
        Cursor c = page.decode(3);
        Instant afterAt = c == null ? null : instant(c.get(0));
        int afterKind = c == null ? 0 : (int) c.getLong(1);
        Long afterId = c == null ? null : c.getLong(2);
        return jdbi.withHandle(h -> {
            CaseDao.CaseRef ref = Daos.on(h, CaseDao.class).ref(caseId).orElseThrow(() -> CaseService.notFound(caseId));
            ZoneId zone = ZoneId.of(ref.timezone());
            List<TimelineRow> rows = Daos.on(h, TimelineDao.class)
                    .page(caseId, ref.timezone(), types, afterAt, afterKind, afterId, page.fetchSize());
            return Page.of(rows, page, r -> Cursor.of(r.at(), r.kind(), r.id()), r -> entry(r, zone));
        });
    }

    private TimelineEntry entry(TimelineRow r, ZoneId zone) {
        OffsetDateTime at = r.at().atZone(zone).toOffsetDateTime();
        String id = r.type() + "-" + r.id();
        try {
            return switch (r.type()) {
                case "filing" -> {
                    FilingView f = json.readValue(r.data(), FilingView.class);
                    yield new TimelineEntry(r.type(), at, id, filing(f), f);
                }
                case "status_change" -> {
                    StatusChangeView s = json.readValue(r.data(), StatusChangeView.class);
                    yield new TimelineEntry(r.type(), at, id, statusChange(s), s);
                }
                case "claim_change" -> {
                    TimelineClaimChange cc = json.readValue(r.data(), TimelineClaimChange.class);
                    yield new TimelineEntry(r.type(), at, id, claimChange(cc), cc);
                }
                default -> {
                    TimelineHearingEvent e =
                            json.readValue(r.data(), TimelineHearingEvent.class).in(zone);
                    yield new TimelineEntry(r.type(), at, id, hearing(e, zone), e);
                }
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Timeline row " + id + " could not be read", e);
        }
    }

    static String filing(FilingView f) {
        return (f.entryNumber() == null ? "" : "Dkt. " + f.entryNumber() + ": ") + f.title() + " (" + label(f.kind())
                + ")";
    }

    static String statusChange(StatusChangeView s) {
        String text = "Case status: " + label(s.fromStatus()) + " \u2192 " + label(s.status());
        if (Boolean.TRUE.equals(s.withPrejudice())) {
            text += " (with prejudice)";
        }
        return s.reason() == null ? text : text + " \u2014 " + s.reason();
    }

    static String claimChange(TimelineClaimChange c) {
        String text = c.fromStatus() == null
                ? "Claim added: " + c.title() + " (" + label(c.status()) + ")"
                : "Claim \u201c" + c.title() + "\u201d: " + label(c.fromStatus()) + " \u2192 " + label(c.status());
        return c.reason() == null ? text : text + " \u2014 " + c.reason();
    }

    static String hearing(TimelineHearingEvent e, ZoneId zone) {
        String kind = label(e.kind());
        String when = when(e.scheduledAt(), zone);
        String text = switch (e.action()) {
            case "scheduled" -> kind + " scheduled for " + when;
            case "rescheduled" -> kind + " moved from " + when(e.previousScheduledAt(), zone) + " to " + when;
            case "vacated" -> kind + " of " + when + " vacated";
            default -> kind + " held" + (e.outcome() == null ? "" : ": " + e.outcome());
        };
        boolean upcoming = e.action().equals("scheduled") || e.action().equals("rescheduled");
        return upcoming && e.location() != null ? text + ", " + e.location() : text;
    }

    /** {@code Tue, Feb 4, 2025, 10:00 AM PST}: a hearing time as the court's clock shows it. */
    public static String when(OffsetDateTime t, ZoneId zone) {
        return t == null ? "?" : WHEN.format(t.atZoneSameInstant(zone));
    }

    /** {@code motion_hearing} reads "Motion hearing". */
    public static String label(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String words = code.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (RuntimeException e) {
            throw ApiException.badParameter("cursor", "is not a cursor this list returned");
        }
    }
}
