package com.docketwatch.platform.web;

import com.docketwatch.platform.errors.ApiException;

/** {@code ?limit=} (1..500, default 50) and {@code ?cursor=} of every list. */
public record PageRequest(int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static PageRequest of(String limit, String cursor) {
        int n = DEFAULT_LIMIT;
        if (limit != null && !limit.isEmpty()) {
            try {
                n = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                throw ApiException.badParameter("limit", "must be an integer from 1 to " + MAX_LIMIT);
            }
            if (n < 1 || n > MAX_LIMIT) {
                throw ApiException.badParameter("limit", "must be an integer from 1 to " + MAX_LIMIT);
            }
        }
        return new PageRequest(n, cursor == null || cursor.isEmpty() ? null : cursor);
    }

    public Cursor decode(int parts) {
        return cursor == null ? null : Cursor.decode(cursor, parts);
    }

    /** One more row than the page holds tells whether there is a next page. */
    public int fetchSize() {
        return limit + 1;
    }
}
