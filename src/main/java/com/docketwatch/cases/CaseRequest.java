package com.docketwatch.cases;

/** Body of {@code POST /cases}. */
public record CaseRequest(String court, String docketNumber, String caption, java.time.LocalDate filedOn, String judge, String natureOfSuit, String status) {
}
