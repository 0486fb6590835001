package com.docketwatch.platform.web;

import com.docketwatch.platform.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset cursor: the sort key of the last row a page returned, so the next page starts
 * strictly after it. Rows inserted meanwhile never shift a page (no OFFSET).
 */
public record Cursor(List<String> keys) {
    private static final String SEP = "\u001f";

    public Cursor {
        keys = List.copyOf(keys);
    }

    public static Cursor of(Object... keys) {
        return new Cursor(java.util.Arrays.stream(keys).map(String::valueOf).toList());
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1" + SEP + String.join(SEP, keys)).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor with exactly {@code parts} keys; anything else is a 400. */
    public static Cursor decode(String raw, int parts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
            List<String> all = List.of(text.split(SEP, -1));
            if (all.size() == parts + 1 && all.get(0).equals("v1") && text.indexOf('\u0000') < 0) {
                return new Cursor(all.subList(1, all.size()));
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw ApiException.badParameter("cursor", "is not a cursor this list returned");
    }

    public String get(int i) {
        return keys.get(i);
    }

    public long getLong(int i) {
        try {
            return Long.parseLong(keys.get(i));
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("cursor", "is not a cursor this list returned");
        }
    }
}
