package com.docketwatch.cases;

/** Body of {@code POST /cases/{id}/related}. */
public record RelationRequest(String caseId, String relation) {
}
