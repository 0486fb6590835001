package com.docketwatch.cases;

import com.docketwatch.platform.request.Wire;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** The role of a party in a case. */
public enum PartyRole {
    PLAINTIFF,
    DEFENDANT,
    INTERVENOR,
    AMICUS,
    THIRD_PARTY;

    /** The wire names, in the order the contract lists them. */
    public static final List<String> ALL = Wire.names(values());

    @JsonValue
    public String wire() {
        return Wire.name(this);
    }

    @JsonCreator
    public static PartyRole of(String wire) {
        return Wire.parse(values(), wire);
    }
}
