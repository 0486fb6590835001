package com.docketwatch.platform.request;

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
    private static final String FOREIGN = "is not a cursor this list returned";

    public Cursor {
        keys = List.copyOf(keys);
    }

    public static Cursor of(Object... keys) {
        return new Cursor(java.util.Arrays.stream(keys).map(String::valueOf).toList());
    }

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("v1" + SEP + String.join(SEP, keys)).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads {@code ?cursor=}: anything this service did not encode is an {@link InvalidValue}. */
    public static Cursor parse(String raw) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
            List<String> all = List.of(text.split(SEP, -1));
            if (all.get(0).equals("v1") && text.indexOf('\u0000') < 0) {
                return new Cursor(all.subList(1, all.size()));
            }
        } catch (IllegalArgumentException e) {
            // not base64: fall through
        }
        throw new InvalidValue(raw, FOREIGN);
    }

    /** This cursor, if it has the {@code parts} keys of the list it is used on; otherwise a 400. */
    public Cursor expect(int parts) {
        if (keys.size() != parts) {
            throw foreign();
        }
        return this;
    }

    public String get(int i) {
        return keys.get(i);
    }

    public long getLong(int i) {
        try {
            return Long.parseLong(keys.get(i));
        } catch (NumberFormatException e) {
            throw foreign();
        }
    }

    /** A well-formed cursor whose keys do not fit the list: the 400 a malformed {@code ?cursor=} gets. */
    public static ApiException foreign() {
        return ApiException.badParameter("cursor", FOREIGN);
    }

    @Override
    public String toString() {
        return encode();
    }
}
