package com.docketwatch.alerts;

import com.docketwatch.platform.request.Wire;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** When alerts go: as each event happens, or gathered into one daily or weekly digest. */
public enum Delivery {
    IMMEDIATE,
    DAILY_DIGEST,
    WEEKLY_DIGEST;

    /** The wire names, in the order the contract lists them. */
    public static final List<String> ALL = Wire.names(values());

    @JsonValue
    public String wire() {
        return Wire.name(this);
    }

    @JsonCreator
    public static Delivery of(String wire) {
        return Wire.parse(values(), wire);
    }
}
