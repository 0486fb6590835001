package com.docketwatch.ingest;

import com.docketwatch.ingest.ImportSummary.Skipped;
import com.docketwatch.platform.Text;
import com.docketwatch.platform.errors.ApiException;
import com.docketwatch.platform.request.Check;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A docket checked and normalised, before anything touches the database: every malformed field is
 * found here (422 naming them all), so a rejected import writes nothing. Entries without a date are
 * skipped (listed with the reason), as are repeats of an entry earlier in the same docket.
 */
public record DocketPlan(CaseIn kase, List<PartyIn> parties, List<EntryIn> entries, List<Skipped> skipped) {
    public static final int MAX_TITLE = 240;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The case as the docket describes it. */
    public record CaseIn(
            String court,
            String docketNumber,
            String caption,
            LocalDate filedOn,
            String judge,
            String cause,
            String natureOfSuit,
            String juryDemand,
            LocalDate terminatedOn,
            String pacerCaseId,
            String originatingCourt,
            List<String> panel,
            String originCourt,
            String originDocket) {}

    /** A party; {@code key} identifies it across imports (name, type and occurrence). */
    public record PartyIn(
            String key,
            String name,
            String role,
            String pacerType,
            String extraInfo,
            LocalDate terminatedOn,
            List<CounselIn> counsel) {}

    /** An attorney of a party; {@code key} is the lower-cased name and its occurrence within the party. */
    public record CounselIn(String key, String name, String firm, List<String> roles, String contact) {}

    /** An entry as a filing; {@code hash} digests every imported field, to see whether a known entry changed. */
    public record EntryIn(
            int index,
            String key,
            Integer entryNumber,
            LocalDate filedOn,
            LocalDate dateEntered,
            String kind,
            String title,
            String description,
            String pacerDocId,
            String pacerSeqNo,
            String attachments,
            String documentUrl,
            String hash) {}

    /** Checks and normalises {@code d}; dates with a time are read in {@code zoneOf(court)}. */
    public static DocketPlan of(Docket d, java.util.function.Function<String, ZoneId> zoneOf) {
        if (d == null) {
            throw ApiException.badRequest("A JSON body (one docket) is required");
        }
        Check check = new Check();
        String court = clean(d.courtId());
        String docket = clean(d.docketNumber());
        check.text("court_id", court, 64).text("docket_number", docket, 100);
        if (court != null && !court.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            check.fail("court_id", "must be a PACER court id such as cand or ca9 (lower-case letters and digits)");
        }
        ZoneId zone = court == null || !check.ok() ? ZoneId.of(FederalCourts.DEFAULT_ZONE) : zoneOf.apply(court);
        LocalDate filed = date(check, "date_filed", d.dateFiled(), zone);
        LocalDate terminated = date(check, "date_terminated", d.dateTerminated(), zone);
        String caption = clean(d.caseName());
        check.optionalText("case_name", caption, 1000)
                .optionalText("assigned_to_str", d.assignedToStr(), 300)
                .optionalText("nature_of_suit", d.natureOfSuit(), 300)
                .optionalText("cause", d.cause(), 300);

        List<Skipped> skipped = new ArrayList<>();
        List<EntryIn> entries = entries(d.docketEntries(), zone, check, skipped);
        List<PartyIn> parties = parties(d.parties(), zone, check);
        if (filed == null && check.ok()) {
            filed = entries.stream()
                    .map(EntryIn::filedOn)
                    .min(LocalDate::compareTo)
                    .orElse(null);
            if (filed == null) {
                check.fail("date_filed", "is required when no entry has a date");
            }
        }
        check.orThrow();

        Docket.OriginatingCourt o = d.originatingCourtInformation();
        String origin = o == null ? null : json(o);
        String originCourt = o == null ? null : clean(o.courtId());
        String originDocket = o == null ? null : clean(o.docketNumber());
        List<String> panel = d.panel() == null
                ? null
                : d.panel().stream()
                        .map(DocketPlan::clean)
                        .filter(Objects::nonNull)
                        .toList();
        CaseIn kase = new CaseIn(
                court,
                docket,
                caption == null ? docket : caption,
                filed,
                clean(d.assignedToStr()),
                clean(d.cause()),
                clean(d.natureOfSuit()),
                clean(d.juryDemand()),
                terminated,
                clean(d.pacerCaseId()),
                origin,
                panel == null || panel.isEmpty() ? null : panel,
                originCourt,
                originDocket);
        return new DocketPlan(kase, parties, entries, List.copyOf(skipped));
    }

    private static List<EntryIn> entries(List<Docket.Entry> raw, ZoneId zone, Check check, List<Skipped> skipped) {
        List<EntryIn> out = new ArrayList<>(raw == null ? 0 : raw.size());
        if (raw == null) {
            return out;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String at = "docket_entries[" + i + "]";
            Docket.Entry e = raw.get(i);
            if (e == null) {
                check.fail(at, "must be an object");
                continue;
            }
            Integer number = entryNumber(check, at + ".document_number", e.documentNumber());
            LocalDate filed = date(check, at + ".date_filed", e.dateFiled(), zone);
            LocalDate entered = date(check, at + ".date_entered", e.dateEntered(), zone);
            if (filed == null) {
                if (Text.isBlank(e.dateFiled())) {
                    skipped.add(new Skipped(at, "no date_filed"));
                }
                continue;
            }
            String description = clean(e.description());
            String shortDescription = clean(e.shortDescription());
            String seq = clean(e.pacerSeqNo());
            String docId = clean(e.pacerDocId());
            String attachments = e.attachments() == null || e.attachments().isEmpty() ? null : json(e.attachments());
            String kind = KindRules.kindOf(shortDescription, description);
            String title = title(shortDescription, description, number);
            String key = number != null
                    ? "n:" + number
                    : seq != null
                            ? "s:" + seq
                            : docId != null
                                    ? "d:" + docId
                                    : "h:"
                                            + digest(clean(e.dateFiled()) + "|" + Objects.toString(shortDescription, "")
                                                    + "|"
                                                    + Objects.toString(
                                                            description,
                                                            "")); // the raw date: an RSS item's has its time
            Integer earlier = seen.putIfAbsent(key, i);
            if (earlier != null) {
                skipped.add(new Skipped(at, "repeats docket_entries[" + earlier + "] (" + key + ")"));
                continue;
            }
            String hash = digest(String.join(
                    "\u0001",
                    Objects.toString(number, ""),
                    filed.toString(),
                    Objects.toString(entered, ""),
                    kind,
                    title,
                    Objects.toString(description, ""),
                    Objects.toString(docId, ""),
                    Objects.toString(seq, ""),
                    Objects.toString(attachments, "")));
            out.add(new EntryIn(
                    i, key, number, filed, entered, kind, title, description, docId, seq, attachments, null, hash));
        }
        return out;
    }

    private static List<PartyIn> parties(List<Docket.Party> raw, ZoneId zone, Check check) {
        List<PartyIn> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        Map<String, Integer> occurrences = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String at = "parties[" + i + "]";
            Docket.Party p = raw.get(i);
            if (p == null) {
                check.fail(at, "must be an object");
                continue;
            }
            String name = clean(p.name());
            check.text(at + ".name", name, 500);
            LocalDate terminated = date(check, at + ".date_terminated", p.dateTerminated(), zone);
            if (name == null) {
                continue;
            }
            String type = clean(p.type());
            String base = normal(name) + "|" + normal(Objects.toString(type, ""));
            int n = occurrences.merge(base, 1, Integer::sum);
            List<CounselIn> counsel = new ArrayList<>();
            Map<String, Integer> seenCounsel = new HashMap<>();
            List<Docket.Attorney> attorneys = p.attorneys() == null ? List.of() : p.attorneys();
            for (int j = 0; j < attorneys.size(); j++) {
                Docket.Attorney a = attorneys.get(j);
                String aname = a == null ? null : clean(a.name());
                check.text(at + ".attorneys[" + j + "].name", aname, 500);
                if (aname == null) {
                    continue;
                }
                int m = seenCounsel.merge(normal(aname), 1, Integer::sum);
                List<String> roles = a.roles() == null
                        ? List.of()
                        : a.roles().stream()
                                .map(DocketPlan::clean)
                                .filter(Objects::nonNull)
                                .toList();
                String contact = cleanBlock(a.contact());
                counsel.add(new CounselIn(normal(aname) + "#" + m, aname, firm(contact), roles, contact));
            }
            out.add(new PartyIn(
                    base + "#" + n, name, PartyRoles.of(type), type, clean(p.extraInfo()), terminated, counsel));
        }
        return out;
    }

    /** The title of an entry: its first sentence (up to 240 characters), else its event name. */
    public static String title(String shortDescription, String description, Integer number) {
        if (description != null) {
            String t = description;
            int cut = t.length();
            int sentence = t.indexOf(". ");
            if (sentence >= 8) {
                cut = Math.min(cut, sentence);
            }
            int paren = t.indexOf(" (");
            if (paren >= 8) {
                cut = Math.min(cut, paren);
            }
            t = t.substring(0, cut).strip();
            if (t.endsWith(".")) {
                t = t.substring(0, t.length() - 1);
            }
            if (t.length() > MAX_TITLE) {
                int space = t.lastIndexOf(' ', MAX_TITLE - 1);
                t = t.substring(0, space > MAX_TITLE / 2 ? space : MAX_TITLE - 1) + "…";
            }
            if (!t.isBlank()) {
                return t;
            }
        }
        if (shortDescription != null) {
            return shortDescription.length() > MAX_TITLE
                    ? shortDescription.substring(0, MAX_TITLE - 1) + "…"
                    : shortDescription;
        }
        return number == null ? "Docket entry (unnumbered)" : "Docket entry " + number;
    }

    /** The firm: the first line of the contact block, unless that line is already an address, phone or email. */
    public static String firm(String contact) {
        if (contact == null) {
            return null;
        }
        String first = contact.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse(null);
        if (first == null
                || first.matches("^[0-9#(].*")
                || first.contains("@")
                || first.matches("(?i)^(p\\.? ?o\\.? box|suite|fax|email|phone|tel|firm:).*")) {
            return null;
        }
        return first.length() > 500 ? first.substring(0, 500) : first;
    }

    private static Integer entryNumber(Check check, String field, String raw) {
        String s = clean(raw);
        if (s == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(s);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        check.fail(field, "must be a positive whole number or null (an unnumbered entry)");
        return null;
    }

    /** A date, or an instant with an offset (RSS items) read as a date in the court's zone. */
    static LocalDate date(Check check, String field, String raw, ZoneId zone) {
        String s = clean(raw);
        if (s == null) {
            return null;
        }
        try {
            LocalDate d = s.length() == 10
                    ? LocalDate.parse(s)
                    : OffsetDateTime.parse(s).atZoneSameInstant(zone).toLocalDate();
            if (d.getYear() < 1700 || d.getYear() > 9999) {
                check.fail(field, "is out of range");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            check.fail(field, "must be a date such as 2024-08-05 (or an instant with an offset)");
            return null;
        }
    }

    /** Trimmed, NUL-free, and null when blank: PostgreSQL text cannot hold NUL, and PACER pads with spaces. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace("\u0000", "").replace('\u00a0', ' ').strip();
        return t.isEmpty() ? null : t;
    }

    private static String cleanBlock(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace("\u0000", "").strip();
        return t.isEmpty() ? null : t;
    }

    static String normal(String s) {
        return s.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static String json(Object o) {
        try {
            if (o instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof ObjectNode) {
                return JSON.writeValueAsString(list);
            }
            return JSON.copy()
                    .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                    .writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
