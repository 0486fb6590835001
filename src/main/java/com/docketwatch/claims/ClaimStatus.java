package com.docketwatch.claims;

import com.docketwatch.platform.request.Wire;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** Where a claim (cause of action) stands. */
public enum ClaimStatus {
    PENDING,
    DISMISSED,
    DISMISSED_WITH_PREJUDICE,
    WITHDRAWN,
    SURVIVED,
    SETTLED,
    JUDGMENT_FOR_PLAINTIFF,
    JUDGMENT_FOR_DEFENDANT;

    /** The wire names, in the order the contract lists them. */
    public static final List<String> ALL = Wire.names(values());

    @JsonValue
    public String wire() {
        return Wire.name(this);
    }

    @JsonCreator
    public static ClaimStatus of(String wire) {
        return Wire.parse(values(), wire);
    }
}
