package com.docketwatch.platform.request;

import java.util.OptionalLong;

/** Ids are opaque strings on the wire and bigint identities inside. */
public final class Ids {
    /** What {@link #parse} accepts, for ids inside request bodies: 1 to 18 digits, not all zero. */
    public static final String PATTERN = "(?=[0-9]*[1-9])[0-9]{1,18}";

    private Ids() {}

    public static OptionalLong parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 18) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
                return OptionalLong.empty();
            }
        }
        long id = Long.parseLong(raw);
        return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    }

    public static String str(long id) {
        return Long.toString(id);
    }

    public static String str(Long id) {
        return id == null ? null : Long.toString(id);
    }
}
