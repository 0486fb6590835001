package com.docketwatch.platform.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/**
 * A WHERE clause assembled from the filters a request actually sent, so each query names only the
 * conditions it needs and PostgreSQL can pick the index behind each one. Values are always bound.
 */
public final class Filter {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> binds = new LinkedHashMap<>();
    private boolean planPerValue;
    private boolean prepareAtOnce;

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

    /**
     * Plans the statement for the values bound each time. pgJDBC turns a statement into a named
     * server-side one after a few executions, and PostgreSQL then settles on a generic plan that
     * cannot see the value: for a LIKE pattern or a text query, one that walks a whole index in id
     * order instead of using the trigram or GIN index the value makes cheap (docs/benchmarks.md has the
     * figures). An unnamed statement is planned with its values every time.
     */
    public Filter planPerValue() {
        planPerValue = true;
        return this;
    }

    /**
     * Prepares the statement on the server at its first execution (pgJDBC waits for the fifth): for a
     * statement whose plan is made once and reused, under a forced generic plan.
     */
    public Filter prepareAtOnce() {
        prepareAtOnce = true;
        return this;
    }

    /**
     * The query {@code sql}, its {@code <where>} (JDBI's defined-attribute syntax) replaced by this filter's
     * WHERE clause, or by nothing when no condition applies; the conditions' values are bound.
     */
    public Query query(Handle handle, String sql) {
        Query q = handle.createQuery(sql).define("where", where());
        binds.forEach(q::bind);
        if (planPerValue) {
            q.addCustomizer(UNNAMED_STATEMENT);
        } else if (prepareAtOnce) {
            q.addCustomizer(NAMED_STATEMENT);
        }
        return q;
    }

    String where() {
        return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
    }

    private static final StatementCustomizer UNNAMED_STATEMENT = new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext ctx) throws SQLException {
            if (statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
        }
    };

    private static final StatementCustomizer NAMED_STATEMENT = new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext ctx) throws SQLException {
            if (statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(1);
            }
        }
    };

    /** A LIKE pattern matching {@code text} anywhere, with the pattern's own wildcards escaped. */
    public static String contains(String text) {
        return text == null
                ? null
                : "%"
                        + text.toLowerCase(java.util.Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%";
    }
}
