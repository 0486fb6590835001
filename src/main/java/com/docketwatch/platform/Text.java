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

    /**
     * The text with every character XML 1.0 cannot carry (control characters other than tab and line
     * breaks, unpaired surrogates, U+FFFE/U+FFFF) replaced by a space: real docket text has form feeds.
     */
    public static String xmlSafe(String value) {
        if (value == null || value.codePoints().allMatch(Text::isXmlChar)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> out.appendCodePoint(isXmlChar(c) ? c : ' '));
        return out.toString();
    }

    private static boolean isXmlChar(int c) {
        return c == '\t'
                || c == '\n'
                || c == '\r'
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
