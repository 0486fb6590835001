package com.docketwatch.platform.request;

/**
 * A request value that cannot be read: thrown by the parameter converters and the enums' JSON creators,
 * and named by the mapper that catches it (the query parameter, or the JSON field). Not an
 * IllegalArgumentException on purpose: Jersey turns that one, thrown by a converter, into the
 * parameter's default value instead of an error.
 */
public final class InvalidValue extends RuntimeException {
    private final String raw;

    public InvalidValue(String raw, String message) {
        super(message, null, false, false);
        this.raw = raw;
    }

    /** The value as sent. */
    public String raw() {
        return raw;
    }
}
