package com.docketwatch.platform.request;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The closed vocabularies of the API are enums whose constants travel as their lower-case names
 * ({@code AMENDED_COMPLAINT} is {@code amended_complaint}), in JSON bodies and query parameters alike.
 */
public final class Wire {
    private Wire() {}

    public static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    public static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Wire::name).toList();
    }

    /** The constant whose wire name is exactly {@code raw} (case matters); null for null. */
    public static <E extends Enum<E>> E parse(E[] constants, String raw) {
        if (raw == null) {
            return null;
        }
        for (E constant : constants) {
            if (name(constant).equals(raw)) {
                return constant;
            }
        }
        throw new InvalidValue(raw, "must be one of " + String.join(", ", names(constants)));
    }
}
