package com.docketwatch.platform.request;

import java.util.List;
import java.util.function.Function;

/** A list response: {@code {"data": [...], "next_cursor": "..." | null}}. */
public record Page<T>(List<T> data, String nextCursor) {
    public Page {
        data = List.copyOf(data);
    }

    /** Cuts the {@code limit + 1} fetched rows to a page, with a cursor after its last row when more exist. */
    public static <R, T> Page<T> of(List<R> rows, PageRequest page, Function<R, Cursor> cursorOf, Function<R, T> view) {
        boolean more = rows.size() > page.limit();
        List<R> shown = more ? rows.subList(0, page.limit()) : rows;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
