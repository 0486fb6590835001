package com.docketwatch.cases;

/** Another case linked to this one, read from this case's side. */
public record RelatedCaseView(String caseId, String relation, String court, String docketNumber, String caption) {}
