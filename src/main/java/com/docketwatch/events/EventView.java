package com.docketwatch.events;

/** One entry of the change feed. */
public record EventView(
        String id,
        String type,
        java.time.Instant occurredAt,
        String caseId,
        com.fasterxml.jackson.databind.JsonNode data) {}
