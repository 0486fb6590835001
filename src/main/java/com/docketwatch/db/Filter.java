package com.docketwatch.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * A WHERE clause assembled from the filters a request actually sent, so each query names only the
 * conditions it needs and PostgreSQL can pick the index behind each one. Values are always bound.
 */
public final class Filter {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> binds = new LinkedHashMap<>();

    /** Adds {@code condition} (using {@code :name}) when {@code value} is not null. */
    public Filter when(Object value, String name, String condition) {
        if (value != null) {
            conditions.add(condition);
            binds.put(name, value);
        }
        return this;
    }

    /** Adds {@code condition} when {@code present}, binding the name/value pairs it uses. */
    public Filter when(boolean present, String condition, Object... namesAndValues) {
        if (present) {
            conditions.add(condition);
            for (int i = 0; i < namesAndValues.length; i += 2) {
                binds.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return this;
    }

    public Filter always(String condition) {
        conditions.add(condition);
        return this;
    }

    public Filter bind(String name, Object value) {
        binds.put(name, value);
        return this;
    }

    public String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public Query query(Handle handle, String sql) {
        Query q = handle.createQuery(sql);
        binds.forEach(q::bind);
        return q;
    }

    /** A LIKE pattern matching {@code text} anywhere, with the pattern's own wildcards escaped. */
    public static String contains(String text) {
        return text == null ? null
                : "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
