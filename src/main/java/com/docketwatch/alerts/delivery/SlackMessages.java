package com.docketwatch.alerts.delivery;

import com.docketwatch.alerts.delivery.DeliveryDao.Due;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Alerts as Slack messages, for incoming webhooks: a {@code text} fallback (notifications, screen
 * readers) and Block Kit {@code blocks}: the case caption and docket number as a link to the case, what
 * happened in words ("New filing: …", "Hearing moved to Tue 4 Feb 2025, 10:00 PST", "Reminder: status
 * conference tomorrow 14:00 PST"), and a context line (court, event type, event id). A digest is one
 * message listing its events. Times are given in the hearing's (else the court's) time zone.
 */
public final class SlackMessages {
    /** Slack's limits: 50 blocks a message, 3000 characters a section, 150 a header. */
    static final int MAX_BLOCKS = 50;

    static final int MAX_SECTION = 3000;
    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH);

    private final ObjectMapper json;
    private final String baseUrl;

    public SlackMessages(ObjectMapper json, String baseUrl) {
        this.json = json;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** One event: {@code {"text", "blocks": [section (case link), section (what happened), context]}}. */
    public String event(Due d) {
        JsonNode data = data(d);
        String what = whatHappened(d, data);
        ObjectNode root = json.createObjectNode();
        root.put("text", escape(d.caption() + " (" + d.docketNumber() + "): " + what));
        ArrayNode blocks = root.putArray("blocks");
        section(blocks, "*" + caseLink(d) + "*");
        section(blocks, escape(what) + details(d, data));
        context(blocks, escape(d.courtId()) + " · `" + escape(d.type()) + "` · event " + d.eventId());
        return write(root);
    }

    /**
     * One message for a digest: a header, then each event as its case link and what happened (as many as
     * Slack's 50 blocks allow; a last line counts the others).
     */
    public String digest(String title, List<Due> events) {
        ObjectNode root = json.createObjectNode();
        String heading = title + ": " + events.size() + " event" + (events.size() == 1 ? "" : "s");
        root.put("text", escape("DocketWatch " + Character.toLowerCase(heading.charAt(0)) + heading.substring(1)));
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject();
        header.put("type", "header");
        ObjectNode text = header.putObject("text");
        text.put("type", "plain_text");
        text.put("text", clip(heading, 150));
        int room = MAX_BLOCKS - 2; // the header, and the line counting what did not fit
        int shown = Math.min(events.size(), room);
        for (Due d : events.subList(0, shown)) {
            section(blocks, "*" + caseLink(d) + "*\n" + escape(whatHappened(d, data(d))));
        }
        if (events.size() > shown) {
            context(blocks, "… and " + (events.size() - shown) + " more: see the subscription's delivery log");
        }
        return write(root);
    }

    /** A test message for {@code POST /subscriptions/{id}/test}. */
    public String ping(long subscriptionId) {
        ObjectNode root = json.createObjectNode();
        String text = "This is a test alert from DocketWatch: subscription " + subscriptionId + " will post here.";
        root.put("text", text);
        section(root.putArray("blocks"), escape(text));
        return write(root);
    }

    /** What happened, in words. */
    String whatHappened(Due d, JsonNode data) {
        ZoneId zone = zone(d, data);
        return switch (d.type()) {
            case "filing.created" -> "New filing: " + orElse(text(data, "title"), "docket entry");
            case "filing.updated" -> "Filing updated: " + orElse(filingTitle(data), "docket entry");
            case "case.created" -> "New case: " + d.caption();
            case "case.status_changed" -> {
                String from = text(data, "from_status");
                String to = orElse(text(data, "status"), "?");
                yield "Status changed" + (from == null ? " to " + words(to) : ": " + words(from) + " → " + words(to));
            }
            case "claim.updated" ->
                "Claim " + orElse(text(data, "title"), "updated") + ": " + words(orElse(text(data, "status"), "?"));
            case "hearing.scheduled" -> capitalized(kind(data)) + " scheduled for " + when(data, zone);
            case "hearing.rescheduled" -> "Hearing moved to " + when(data, zone);
            case "hearing.vacated" -> capitalized(kind(data)) + " of " + when(data, zone) + " vacated";
            case "hearing.reminder" -> "Reminder: " + kind(data) + " " + reminderWhen(d, data, zone);
            default -> d.type();
        };
    }

    /** A second line with what a reader wants next: the hearing's kind and place, a filing's number. */
    private String details(Due d, JsonNode data) {
        StringBuilder b = new StringBuilder();
        if (d.type().startsWith("hearing.")) {
            if (d.type().equals("hearing.rescheduled")) {
                b.append(capitalized(kind(data)));
            }
            String location = text(data, "location");
            if (location != null) {
                b.append(b.isEmpty() ? "" : ", ").append(location);
            }
            if (data.path("late").asBoolean(false)) {
                b.append(b.isEmpty() ? "" : " ").append("(sent late, after downtime)");
            }
        } else if (d.type().startsWith("filing.") && data.hasNonNull("entry_number")) {
            b.append("Docket entry ").append(data.get("entry_number").asText());
        }
        return b.isEmpty() ? "" : "\n" + escape(b.toString());
    }

    private static String when(JsonNode data, ZoneId zone) {
        ZonedDateTime at = scheduledAt(data, zone);
        if (at == null) {
            return "a date to be announced";
        }
        return data.path("time_known").asBoolean(true) ? DAY_AND_TIME.format(at) : DAY.format(at);
    }

    /** "today 14:00 PST", "tomorrow 14:00 PST", else "on Tue 4 Feb 2025, 14:00 PST": from when it was sent. */
    private static String reminderWhen(Due d, JsonNode data, ZoneId zone) {
        ZonedDateTime at = scheduledAt(data, zone);
        if (at == null) {
            return "soon";
        }
        Instant sent = d.occurredAt() == null ? Instant.now() : d.occurredAt();
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(sent, zone), at.toLocalDate());
        return days == 0
                ? "today " + TIME.format(at)
                : days == 1 ? "tomorrow " + TIME.format(at) : "on " + DAY_AND_TIME.format(at);
    }

    private static ZonedDateTime scheduledAt(JsonNode data, ZoneId zone) {
        String at = text(data, "scheduled_at");
        if (at == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(at).atZoneSameInstant(zone);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneId zone(Due d, JsonNode data) {
        for (String id : new String[] {text(data, "timezone"), d.timezone()}) {
            if (id != null) {
                try {
                    return ZoneId.of(id);
                } catch (DateTimeException e) {
                    // the next one
                }
            }
        }
        return ZoneId.of("UTC");
    }

    private static String kind(JsonNode data) {
        return words(orElse(text(data, "kind"), "hearing"));
    }

    private static String filingTitle(JsonNode data) {
        String title = text(data, "title");
        return title != null ? title : text(data.path("filing"), "title");
    }

    private String caseLink(Due d) {
        return "<" + baseUrl + "/#case=" + d.caseId() + "|" + escape(d.caption()) + " · " + escape(d.docketNumber())
                + ">";
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        ObjectNode section = blocks.addObject();
        section.put("type", "section");
        ObjectNode text = section.putObject("text");
        text.put("type", "mrkdwn");
        text.put("text", clip(mrkdwn, MAX_SECTION));
    }

    private static void context(ArrayNode blocks, String mrkdwn) {
        ObjectNode context = blocks.addObject();
        context.put("type", "context");
        ObjectNode element = context.putArray("elements").addObject();
        element.put("type", "mrkdwn");
        element.put("text", clip(mrkdwn, MAX_SECTION));
    }

    /** Slack's three escapes for text it would otherwise read as markup. */
    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String words(String wire) {
        return wire.replace('_', ' ');
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static String orElse(String s, String otherwise) {
        return s == null ? otherwise : s;
    }

    private JsonNode data(Due d) {
        try {
            return json.readTree(d.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + d.eventId() + " holds invalid JSON", e);
        }
    }

    private String write(ObjectNode root) {
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
