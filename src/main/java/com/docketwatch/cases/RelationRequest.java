package com.docketwatch.cases;

import com.docketwatch.platform.request.Ids;
import com.docketwatch.platform.request.Required;
import jakarta.validation.constraints.Pattern;

/** Body of {@code POST /cases/{id}/related}. */
public record RelationRequest(
        @Required @Pattern(regexp = Ids.PATTERN, message = "is not a case id")
        String caseId,

        @Required Relation relation) {}
