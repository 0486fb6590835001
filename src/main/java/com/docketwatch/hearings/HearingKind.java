package com.docketwatch.hearings;

import com.docketwatch.platform.request.Wire;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** The kind of a hearing or deadline. */
public enum HearingKind {
    HEARING,
    MOTION_HEARING,
    CASE_MANAGEMENT_CONFERENCE,
    STATUS_CONFERENCE,
    PRETRIAL_CONFERENCE,
    TRIAL,
    SENTENCING,
    DEADLINE,
    OTHER;

    /** The wire names, in the order the contract lists them. */
    public static final List<String> ALL = Wire.names(values());

    @JsonValue
    public String wire() {
        return Wire.name(this);
    }

    @JsonCreator
    public static HearingKind of(String wire) {
        return Wire.parse(values(), wire);
    }
}
