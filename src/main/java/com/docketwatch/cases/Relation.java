package com.docketwatch.cases;

import com.docketwatch.platform.request.Wire;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;

/** How one case relates to another, as the linking case states it. */
public enum Relation {
    REFILED_AS,
    REFILED_FROM,
    REMOVED_TO,
    REMANDED_FROM,
    APPEAL_OF,
    CONSOLIDATED_WITH;

    /** The wire names, in the order the contract lists them. */
    public static final List<String> ALL = Wire.names(values());

    /** How a relation reads from the other case's side. */
    public static final Map<String, String> INVERSE = Map.of(
            "refiled_as", "refiled_from",
            "refiled_from", "refiled_as",
            "removed_to", "removed_from",
            "remanded_from", "remanded_to",
            "appeal_of", "appealed_in",
            "consolidated_with", "consolidated_with");

    @JsonValue
    public String wire() {
        return Wire.name(this);
    }

    @JsonCreator
    public static Relation of(String wire) {
        return Wire.parse(values(), wire);
    }
}
