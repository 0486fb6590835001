package com.docketwatch.ingest;

import com.docketwatch.ingest.ImportSummary.Skipped;
import com.docketwatch.platform.Text;
import com.docketwatch.platform.errors.ApiException;
import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.HttpUrl;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A docket checked and normalised, before anything touches the database: every malformed field is
 * found here (422 naming them all), so a rejected import writes nothing. Entries without a date are
 * skipped (listed with the reason), as are repeats of an entry earlier in the same docket.
 */
public record DocketPlan(CaseIn kase, List<PartyIn> parties, List<EntryIn> entries, List<Skipped> skipped) {
    public static final int MAX_TITLE = 240;
    // Limits of what is stored, as the API's own create endpoints accept them (CaseRequest, PartyRequest,
    // CounselRequest, FilingRequest), and for PACER's own fields short of what PostgreSQL refuses: the keys
    // are in B-tree indexes (at most 2,704 bytes a row) and the search vector of a filing holds at most 1 MB.
    static final int MAX_COURT = 64;
    static final int MAX_DOCKET_NUMBER = 100;
    public static final int MAX_CAPTION = 1000;
    static final int MAX_JUDGE = 300;
    static final int MAX_PACER_ID = 100;
    static final int MAX_NAME = 500;
    static final int MAX_PARTY_TYPE = 100;
    static final int MAX_NOTE = 5000;
    static final int MAX_ROLE = 200;
    static final int MAX_LIST = 100;
    public static final int MAX_DESCRIPTION = 100_000;
    public static final int MAX_SHORT_DESCRIPTION = 2000;
    static final int MAX_JSON = 1_000_000;
    /** A document link (a court feed's, or an import's own {@code document_url}). */
    public static final int MAX_URL = 2000;

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
        check.text("court_id", court, MAX_COURT).text("docket_number", docket, MAX_DOCKET_NUMBER);
        valid(check, "docket_number", docket);
        if (court != null && !court.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            check.fail("court_id", "must be a PACER court id such as cand or ca9 (lower-case letters and digits)");
        }
        ZoneId zone = court == null || !check.ok() ? ZoneId.of(FederalCourts.DEFAULT_ZONE) : zoneOf.apply(court);
        LocalDate filed = date(check, "date_filed", d.dateFiled(), zone);
        LocalDate terminated = date(check, "date_terminated", d.dateTerminated(), zone);
        String caption = Html.unescape(text(check, "case_name", d.caseName(), MAX_CAPTION));
        String judge = Html.unescape(text(check, "assigned_to_str", d.assignedToStr(), MAX_JUDGE));
        String natureOfSuit = Html.unescape(text(check, "nature_of_suit", d.natureOfSuit(), MAX_JUDGE));
        String cause = Html.unescape(text(check, "cause", d.cause(), MAX_JUDGE));
        String juryDemand = text(check, "jury_demand", d.juryDemand(), MAX_JUDGE);
        String pacerCaseId = text(check, "pacer_case_id", d.pacerCaseId(), MAX_PACER_ID);
        List<String> panel = texts(check, "panel", d.panel(), MAX_JUDGE);
        Docket.OriginatingCourt o = d.originatingCourtInformation();
        String originCourt = null;
        String originDocket = null;
        if (o != null) {
            String at = "originating_court_information.";
            originCourt = text(check, at + "court_id", o.courtId(), MAX_COURT);
            originDocket = text(check, at + "docket_number", o.docketNumber(), MAX_DOCKET_NUMBER);
            text(check, at + "assigned_to", o.assignedTo(), MAX_JUDGE);
            text(check, at + "date_filed", o.dateFiled(), MAX_PACER_ID);
            text(check, at + "date_judgment", o.dateJudgment(), MAX_PACER_ID);
            text(check, at + "date_filed_noa", o.dateFiledNoa(), MAX_PACER_ID);
        }

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

        String origin = o == null ? null : json(o);
        CaseIn kase = new CaseIn(
                court,
                docket,
                caption == null ? docket : caption,
                filed,
                judge,
                cause,
                natureOfSuit,
                juryDemand,
                terminated,
                pacerCaseId,
                origin,
                panel.isEmpty() ? null : panel,
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
            String rawDescription = text(check, at + ".description", e.description(), MAX_DESCRIPTION);
            String rawShort = text(check, at + ".short_description", e.shortDescription(), MAX_SHORT_DESCRIPTION);
            String seq = text(check, at + ".pacer_seq_no", e.pacerSeqNo(), MAX_PACER_ID);
            String docId = text(check, at + ".pacer_doc_id", e.pacerDocId(), MAX_PACER_ID);
            String url = text(check, at + ".document_url", e.documentUrl(), MAX_URL);
            if (url != null && url.length() <= MAX_URL && !new HttpUrl.Validator().isValid(url, null)) {
                check.fail(at + ".document_url", "must be an absolute http or https URL");
            }
            String attachments = e.attachments() == null || e.attachments().isEmpty() ? null : json(e.attachments());
            if (attachments != null) {
                checkJson(check, at + ".attachments", e.attachments(), attachments);
            }
            String description = Html.unescape(rawDescription);
            String shortDescription = Html.unescape(rawShort);
            String kind = KindRules.kindOf(shortDescription, description);
            String title = title(shortDescription, description, number);
            // The key reads the text as given (before entities are decoded): keys stay what earlier imports stored.
            String key = number != null
                    ? "n:" + number
                    : seq != null
                            ? "s:" + seq
                            : docId != null
                                    ? "d:" + docId
                                    : "h:"
                                            + digest(clean(e.dateFiled()) + "|" + Objects.toString(rawShort, "")
                                                    + "|"
                                                    + Objects.toString(
                                                            rawDescription,
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
                            Objects.toString(attachments, ""))
                    // Only when there is one, so that the digests of entries without a link stay as stored.
                    + (url == null ? "" : "\u0001" + url));
            out.add(new EntryIn(
                    i, key, number, filed, entered, kind, title, description, docId, seq, attachments, url, hash));
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
            String rawName = text(check, at + ".name", p.name(), MAX_NAME);
            String name = Html.unescape(rawName);
            if (name == null) {
                check.fail(at + ".name", "is required");
            }
            String type = text(check, at + ".type", p.type(), MAX_PARTY_TYPE);
            String extraInfo = Html.unescape(text(check, at + ".extra_info", p.extraInfo(), MAX_NOTE));
            LocalDate terminated = date(check, at + ".date_terminated", p.dateTerminated(), zone);
            List<CounselIn> counsel = new ArrayList<>();
            Map<String, Integer> seenCounsel = new HashMap<>();
            List<Docket.Attorney> attorneys = p.attorneys() == null ? List.of() : p.attorneys();
            for (int j = 0; j < attorneys.size(); j++) {
                String to = at + ".attorneys[" + j + "]";
                Docket.Attorney a = attorneys.get(j);
                if (a == null) {
                    check.fail(to, "must be an object");
                    continue;
                }
                String aname = Html.unescape(text(check, to + ".name", a.name(), MAX_NAME));
                if (aname == null) {
                    check.fail(to + ".name", "is required");
                }
                List<String> roles = texts(check, to + ".roles", a.roles(), MAX_ROLE);
                String contact = Html.unescape(block(check, to + ".contact", a.contact(), MAX_NOTE));
                if (aname == null) {
                    continue;
                }
                int m = seenCounsel.merge(normal(aname), 1, Integer::sum);
                counsel.add(new CounselIn(normal(aname) + "#" + m, aname, firm(contact), roles, contact));
            }
            if (name == null) {
                continue;
            }
            // The key reads the name as given, so parties keep the keys earlier imports stored.
            String base = normal(rawName) + "|" + normal(Objects.toString(type, ""));
            int n = occurrences.merge(base, 1, Integer::sum);
            out.add(new PartyIn(base + "#" + n, name, PartyRoles.of(type), type, extraInfo, terminated, counsel));
        }
        return out;
    }

    /** The title of an entry: its first sentence (up to 240 characters), else its event name. */
    public static String title(String shortDescription, String description, Integer number) {
        if (description != null) {
            String t = description;
            int cut = t.length();
            int sentence = sentenceEnd(t);
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

    /** Words a period follows without ending the sentence ("Elon R. Musk", "Acme Corp.", "No. 12"); "et al." may end one. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "v", "vs", "no", "nos", "inc", "corp", "co", "ltd", "mr", "mrs", "ms", "dr", "jr", "sr", "st", "hon", "dkt",
            "ex", "u.s", "e.g", "i.e");

    /** Where the first sentence of {@code t} ends (the index of its ". "), or -1. */
    static int sentenceEnd(String t) {
        for (int dot = t.indexOf(". "); dot >= 0; dot = t.indexOf(". ", dot + 1)) {
            int start = dot;
            while (start > 0 && !Character.isWhitespace(t.charAt(start - 1)) && t.charAt(start - 1) != '(') {
                start--;
            }
            String word = t.substring(start, dot);
            boolean initial = word.length() == 1 && Character.isUpperCase(word.charAt(0));
            if (!initial && !ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT))) {
                return dot;
            }
        }
        return -1;
    }

    /** Lines of a contact block that are not the firm: phone, fax, email, and their labels ("Direct: 512-936-1700"). */
    private static final Pattern CONTACT_LINE = Pattern.compile(
            "(?i)(direct(\\s+dial)?|phone|telephone|tel|fax|facsimile|mobile|cell|email|e-mail)\\s*(:|\\.?\\s*[+(]?\\d).*"
                    + "|.*@.*|[+(]?\\d{3}\\)?[-. ]?\\d{3}[-. ]\\d{4}.*");

    /**
     * The firm: the first line of the contact block after its phone, fax and email lines, unless that line is
     * already an address ("100 Main Street", "P.O. Box 12", "Suite 4").
     */
    public static String firm(String contact) {
        if (contact == null) {
            return null;
        }
        String first = contact.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .filter(l -> !CONTACT_LINE.matcher(l).matches())
                .findFirst()
                .orElse(null);
        if (first == null
                || first.matches("^[0-9#(].*")
                || first.matches("(?i)^(p\\.? ?o\\.? box|suite|fax|email|phone|tel|firm:).*")) {
            return null;
        }
        return first.length() > MAX_NAME ? first.substring(0, MAX_NAME) : first;
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

    /** Trimmed (no-break spaces as spaces), and null when blank: PACER pads with spaces. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace('\u00a0', ' ').strip();
        return t.isEmpty() ? null : t;
    }

    /**
     * The cleaned value of a text field, checked: at most {@code max} characters, no NUL (PostgreSQL text
     * cannot hold it), no unpaired surrogate (not text at all); each failure named in {@code check}.
     */
    static String text(Check check, String field, String raw, int max) {
        String s = clean(raw);
        check.optionalText(field, s, max);
        if (s != null && s.length() <= max && s.indexOf('\u0000') < 0) {
            valid(check, field, s); // one error a field: the NUL, else the surrogate
        }
        return s;
    }

    /** A multi-line block (an attorney's contact): only its ends trimmed, checked like {@link #text}. */
    private static String block(Check check, String field, String raw, int max) {
        String s = raw == null || raw.strip().isEmpty() ? null : raw.strip();
        check.optionalText(field, s, max);
        if (s != null && s.length() <= max && s.indexOf('\u0000') < 0) {
            valid(check, field, s); // one error a field: the NUL, else the surrogate
        }
        return s;
    }

    /** A list of short texts (blank ones dropped): at most {@link #MAX_LIST}, each checked like {@link #text}. */
    private static List<String> texts(Check check, String field, List<String> raw, int max) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX_LIST) {
            check.fail(field, "must have at most " + MAX_LIST + " items");
            return List.of();
        }
        List<String> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String s = Html.unescape(text(check, field + "[" + i + "]", raw.get(i), max));
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Fails {@code field} when {@code s} holds an unpaired surrogate (JSON's "\ud800" is not text). */
    private static void valid(Check check, String field, String s) {
        if (s != null && !wellFormed(s)) {
            check.fail(field, "must be valid Unicode text (it holds an unpaired surrogate)");
        }
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Stored as jsonb: at most {@link #MAX_JSON} characters, and no NUL (jsonb refuses it) or unpaired surrogate. */
    private static void checkJson(Check check, String field, List<ObjectNode> nodes, String json) {
        if (json.length() > MAX_JSON) {
            check.fail(field, "must be at most " + MAX_JSON + " characters as JSON");
            return;
        }
        List<JsonNode> todo = new ArrayList<>(nodes);
        while (!todo.isEmpty()) {
            JsonNode n = todo.remove(todo.size() - 1);
            if (n == null) {
                continue;
            }
            if (n.isTextual() && (n.textValue().indexOf('\u0000') >= 0 || !wellFormed(n.textValue()))) {
                check.fail(field, "must not contain NUL characters or unpaired surrogates");
                return;
            }
            n.fieldNames().forEachRemaining(name -> todo.add(TextNode.valueOf(name)));
            n.elements().forEachRemaining(todo::add);
        }
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
