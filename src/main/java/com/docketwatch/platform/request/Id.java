package com.docketwatch.platform.request;

import java.util.OptionalLong;

/** A row id from a path or query parameter: opaque digits on the wire, a positive bigint inside. */
public record Id(long value) {
    public Id {
        if (value <= 0) {
            throw new InvalidValue(Long.toString(value), "is not an id");
        }
    }

    public static Id parse(String raw) {
        OptionalLong id = Ids.parse(raw);
        if (id.isEmpty()) {
            throw new InvalidValue(raw, "is not an id");
        }
        return new Id(id.getAsLong());
    }

    /** The value of an optional id parameter, or null. */
    public static Long valueOf(Id id) {
        return id == null ? null : id.value();
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
