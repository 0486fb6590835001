package com.docketwatch.courts;

/** A court. */
public record CourtView(String id, String name, String jurisdiction, String timezone, java.time.Instant createdAt) {}
