package com.docketwatch.filings;

import com.docketwatch.platform.request.Wire;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** The kind of a docket entry. */
public enum FilingKind {
    COMPLAINT,
    AMENDED_COMPLAINT,
    ANSWER,
    MOTION,
    OPPOSITION,
    REPLY,
    ORDER,
    NOTICE,
    STIPULATION,
    JUDGMENT,
    TRANSCRIPT,
    OTHER;

    /** The wire names, in the order the contract lists them. */
    public static final List<String> ALL = Wire.names(values());

    @JsonValue
    public String wire() {
        return Wire.name(this);
    }

    @JsonCreator
    public static FilingKind of(String wire) {
        return Wire.parse(values(), wire);
    }
}
