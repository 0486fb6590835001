package com.docketwatch.cases;

import com.docketwatch.platform.request.Wire;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The case statuses and the transition table of the API contract, enforced exactly. */
public enum CaseStatus {
    OPEN,
    STAYED,
    DISMISSED,
    VOLUNTARILY_DISMISSED,
    SETTLED,
    JUDGMENT_ENTERED,
    ON_APPEAL,
    TRANSFERRED,
    CLOSED;

    /** The wire names, in the order the contract lists them. */
    public static final List<String> ALL = Wire.names(values());

    private static final Set<String> OUTCOMES =
            Set.of("dismissed", "voluntarily_dismissed", "settled", "judgment_entered");
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "open",
                    Set.of(
                            "stayed",
                            "dismissed",
                            "voluntarily_dismissed",
                            "settled",
                            "judgment_entered",
                            "transferred",
                            "closed"),
            "stayed", Set.of("open", "dismissed", "voluntarily_dismissed", "settled", "closed"),
            "dismissed", Set.of("on_appeal", "closed", "open"),
            "voluntarily_dismissed", Set.of("on_appeal", "closed", "open"),
            "settled", Set.of("on_appeal", "closed", "open"),
            "judgment_entered", Set.of("on_appeal", "closed", "open"),
            "on_appeal", Set.of("open", "closed"),
            "transferred", Set.of("closed"),
            "closed", Set.of("open"));

    @JsonValue
    public String wire() {
        return Wire.name(this);
    }

    @JsonCreator
    public static CaseStatus of(String wire) {
        return Wire.parse(values(), wire);
    }

    public static boolean allowed(String from, String to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /**
     * Reopening a case that had ended (an outcome, on appeal, or closed) needs a reason; lifting a
     * stay does not, because a stayed case never ended.
     */
    public static boolean reopeningNeedsReason(String from, String to) {
        return "open".equals(to) && (OUTCOMES.contains(from) || "on_appeal".equals(from) || "closed".equals(from));
    }

    /** {@code with_prejudice} only describes a dismissal. */
    public static boolean isDismissal(String status) {
        return "dismissed".equals(status) || "voluntarily_dismissed".equals(status);
    }
}
