package com.docketwatch.platform.request;

/** {@code ?limit=}: how many rows a page holds, 1 to {@value PageRequest#MAX_LIMIT}. */
public record Limit(int value) {
    private static final String MESSAGE = "must be an integer from 1 to " + PageRequest.MAX_LIMIT;

    public Limit {
        if (value < 1 || value > PageRequest.MAX_LIMIT) {
            throw new InvalidValue(Integer.toString(value), MESSAGE);
        }
    }

    public static Limit parse(String raw) {
        try {
            return new Limit(Integer.parseInt(raw));
        } catch (NumberFormatException e) {
            throw new InvalidValue(raw, MESSAGE);
        }
    }

    /** The page size a list answers with when the request names none. */
    public static int valueOr(Limit limit) {
        return limit == null ? PageRequest.DEFAULT_LIMIT : limit.value();
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
