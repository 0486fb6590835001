package com.docketwatch.ingest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML character references in docket text: RECAP's archived dockets keep them as PACER's HTML had them
 * ({@code Clerk&#039;s Notice}, {@code Filing fee &#036; 350.00}, {@code AT&amp;T}). Decoded once, so
 * the text reads, and is searched, as printed.
 */
public final class Html {
    private static final Pattern REFERENCE =
            Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,6}));");
    private static final Map<String, String> NAMED =
            Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ", "sect", "§", "para", "¶");

    private Html() {}

    /** {@code s} with its numeric and common named character references decoded; others left as they are. */
    public static String unescape(String s) {
        if (s == null || s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = REFERENCE.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String replacement = decode(m);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(Matcher m) {
        if (m.group(3) != null) {
            return NAMED.get(m.group(3));
        }
        int c = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
        boolean text = c == '\t'
                || c == '\n'
                || c == '\r'
                || (c >= 0x20 && c != 0x7f && c < 0xD800)
                || (c > 0xDFFF && c <= 0x10FFFF);
        return text ? new String(Character.toChars(c)) : null; // &#0; and the like stay as written
    }
}
