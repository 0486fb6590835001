package com.docketwatch.cases;

/** Body of {@code POST /cases/{id}/parties}. */
public record PartyRequest(String name, String role, java.util.List<CounselRequest> counsel) {
}
