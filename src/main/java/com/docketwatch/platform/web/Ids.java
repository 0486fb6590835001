package com.docketwatch.platform.web;

import com.docketwatch.platform.errors.ApiException;
import java.util.OptionalLong;

/** Ids are opaque strings on the wire and bigint identities inside. */
public final class Ids {
    private Ids() {}

    public static OptionalLong parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 18) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < raw.length(); i++) {
            if (!Character.isDigit(raw.charAt(i))) {
                return OptionalLong.empty();
            }
        }
        long id = Long.parseLong(raw);
        return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    }

    /** A path id: anything that cannot name a row is simply not found. */
    public static long path(String raw, String what) {
        return parse(raw).orElseThrow(() -> ApiException.notFound("No " + what + " with id " + raw));
    }

    public static String str(long id) {
        return Long.toString(id);
    }

    public static String str(Long id) {
        return id == null ? null : Long.toString(id);
    }
}
