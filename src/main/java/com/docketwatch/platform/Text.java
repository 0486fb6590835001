package com.docketwatch.platform;

/** The one definition of "blank" the service uses, for request fields, configuration and docket text alike. */
public final class Text {
    private Text() {}

    /** Null, empty, or nothing but white space and control characters (what {@code trim()} removes). */
    public static boolean isBlank(String value) {
        return value == null || value.isBlank() || value.trim().isEmpty();
    }

    /** The trimmed value, or null when it is blank. */
    public static String blankToNull(String value) {
        return isBlank(value) ? null : value.trim();
    }
}
