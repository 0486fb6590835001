package com.docketwatch.platform.request;

import jakarta.ws.rs.QueryParam;

/**
 * {@code ?limit=} (1..500, default 50) and {@code ?cursor=} of every list: a resource method takes it
 * as a {@code @BeanParam}, and Jersey fills it with the converted parameters.
 */
public final class PageRequest {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    @QueryParam("limit")
    private Limit limit;

    @QueryParam("cursor")
    private Cursor cursor;

    /** For Jersey, which sets the fields. */
    public PageRequest() {}

    public PageRequest(Limit limit, Cursor cursor) {
        this.limit = limit;
        this.cursor = cursor;
    }

    public int limit() {
        return Limit.valueOr(limit);
    }

    public Cursor cursor() {
        return cursor;
    }

    /** The cursor, which must have the {@code parts} keys of the list it pages; null on the first page. */
    public Cursor decode(int parts) {
        return cursor == null ? null : cursor.expect(parts);
    }

    /** One more row than the page holds tells whether there is a next page. */
    public int fetchSize() {
        return limit() + 1;
    }
}
