package com.docketwatch.timeline;

import com.docketwatch.platform.request.InvalidValue;
import java.util.LinkedHashSet;
import java.util.Set;

/** {@code ?type=}: one timeline entry type or a comma-separated list of them. */
public record TimelineTypes(Set<String> values) {
    public TimelineTypes {
        values = Set.copyOf(values);
    }

    public static TimelineTypes parse(String raw) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : raw.split(",")) {
            String type = t.trim();
            if (!TimelineService.TYPES.contains(type)) {
                throw new InvalidValue(
                        raw, "must be one or more (comma-separated) of " + String.join(", ", TimelineService.TYPES));
            }
            out.add(type);
        }
        return new TimelineTypes(out);
    }

    /** The types asked for; empty for every type. */
    public static Set<String> setOf(TimelineTypes types) {
        return types == null ? Set.of() : types.values();
    }

    @Override
    public String toString() {
        return String.join(",", values);
    }
}
