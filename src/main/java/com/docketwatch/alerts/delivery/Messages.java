package com.docketwatch.alerts.delivery;

import com.docketwatch.alerts.delivery.DeliveryDao.Due;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What an alert says: the webhook JSON envelope and the email subject and plain-text body. */
public final class Messages {
    private final ObjectMapper json;
    private final String baseUrl;

    public Messages(ObjectMapper json, String baseUrl) {
        this.json = json;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** {@code {"id", "type", "occurred_at", "case": {...}, "data": {...}}}, as the contract defines it. */
    public String webhookBody(Due d) {
        ObjectNode root = json.createObjectNode();
        root.put("id", Long.toString(d.eventId()));
        root.put("type", d.type());
        root.put("occurred_at", d.occurredAt().toString());
        ObjectNode c = root.putObject("case");
        c.put("id", Long.toString(d.caseId()));
        c.put("caption", d.caption());
        c.put("docket_number", d.docketNumber());
        c.put("court", d.courtId());
        root.set("data", data(d));
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A digest webhook: {@code {"id", "type": "digest", "date", "subscription_id", "events": [envelopes]}}. */
    public String digestBody(String id, long subscriptionId, java.time.LocalDate day, java.util.List<Due> events) {
        ObjectNode root = json.createObjectNode();
        root.put("id", id);
        root.put("type", "digest");
        root.put("date", day.toString());
        root.put("subscription_id", Long.toString(subscriptionId));
        var list = root.putArray("events");
        try {
            for (Due d : events) {
                list.add(json.readTree(webhookBody(d)));
            }
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String digestSubject(java.time.LocalDate day, java.util.List<Due> events) {
        return "[DocketWatch] Digest for " + day + ": " + events.size() + " event" + (events.size() == 1 ? "" : "s");
    }

    public String digestText(java.util.List<Due> events) {
        StringBuilder b = new StringBuilder("What happened on the dockets you follow:\n\n");
        for (Due d : events) {
            String what = headline(d.type(), data(d));
            b.append("- ")
                    .append(d.caption())
                    .append(" (")
                    .append(d.docketNumber())
                    .append("): ")
                    .append(d.type())
                    .append(what.isEmpty() ? "" : " - " + what)
                    .append('\n')
                    .append("  ")
                    .append(baseUrl)
                    .append("/api/v1/cases/")
                    .append(d.caseId())
                    .append('\n');
        }
        return b.toString();
    }

    public String subject(Due d) {
        String what = headline(d.type(), data(d));
        return "[DocketWatch] " + d.caption() + " (" + d.docketNumber() + "): " + d.type()
                + (what.isEmpty() ? "" : " - " + what);
    }

    public String emailBody(Due d) {
        JsonNode data = data(d);
        StringBuilder b = new StringBuilder();
        b.append(d.caption())
                .append('\n')
                .append("Docket ")
                .append(d.docketNumber())
                .append(", court ")
                .append(d.courtId())
                .append("\n\n")
                .append(d.type())
                .append(" at ")
                .append(d.occurredAt())
                .append('\n');
        String what = headline(d.type(), data);
        if (!what.isEmpty()) {
            b.append(what).append('\n');
        }
        data.fields().forEachRemaining(f -> {
            JsonNode v = f.getValue();
            if (v.isValueNode()
                    && !v.isNull()
                    && !f.getKey().endsWith("_at")
                    && !f.getKey().equals("id")) {
                b.append("  ")
                        .append(f.getKey().replace('_', ' '))
                        .append(": ")
                        .append(v.asText())
                        .append('\n');
            }
        });
        b.append("\nCase: ")
                .append(baseUrl)
                .append("/api/v1/cases/")
                .append(d.caseId())
                .append('\n')
                .append("Event ")
                .append(d.eventId())
                .append(" - you receive this because of DocketWatch subscription ")
                .append(d.subscriptionId())
                .append(".\n");
        return b.toString();
    }

    private static String headline(String type, JsonNode data) {
        return switch (type) {
            case "filing.created" -> data.path("title").asText("");
            case "filing.updated" -> {
                java.util.List<String> fields = new java.util.ArrayList<>();
                data.path("changes").fieldNames().forEachRemaining(fields::add);
                yield data.path("filing").path("title").asText("") + " (changed: " + String.join(", ", fields) + ")";
            }
            case "case.created" -> "new case in " + data.path("court").asText("");
            case "case.status_changed" ->
                data.path("from_status").asText("") + " -> "
                        + data.path("status").asText("");
            case "claim.updated" ->
                data.path("title").asText("") + ": " + data.path("status").asText("");
            default ->
                data.has("kind")
                        ? data.path("kind").asText("") + " "
                                + data.path("scheduled_at").asText("")
                        : "";
        };
    }

    private JsonNode data(Due d) {
        try {
            return json.readTree(d.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + d.eventId() + " holds invalid JSON", e);
        }
    }
}
