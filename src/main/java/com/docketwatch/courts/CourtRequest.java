package com.docketwatch.courts;

/** Body of {@code POST /courts}. */
public record CourtRequest(String id, String name, String jurisdiction, String timezone) {
}
