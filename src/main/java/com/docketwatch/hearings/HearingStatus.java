package com.docketwatch.hearings;

import com.docketwatch.platform.request.Wire;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** Where a hearing stands: scheduled or rescheduled, then vacated or held. */
public enum HearingStatus {
    SCHEDULED,
    RESCHEDULED,
    VACATED,
    HELD;

    /** The wire names, in the order the contract lists them. */
    public static final List<String> ALL = Wire.names(values());

    @JsonValue
    public String wire() {
        return Wire.name(this);
    }

    @JsonCreator
    public static HearingStatus of(String wire) {
        return Wire.parse(values(), wire);
    }
}
