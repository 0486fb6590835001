package com.docketwatch.filings;

/** Body of {@code POST /cases/{id}/filings}. */
public record FilingRequest(Integer entryNumber, java.time.LocalDate filedOn, String kind, String title, String description, String filedBy, String documentUrl) {
}
