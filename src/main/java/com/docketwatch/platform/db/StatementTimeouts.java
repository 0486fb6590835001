package com.docketwatch.platform.db;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.jdbc.PgStatement;

/**
 * How long one SQL statement may run, by who runs it: {@code database.statementTimeout} (5 s) for the
 * API's requests, {@code database.backgroundStatementTimeout} (10 min) for the rest (docket imports, over
 * HTTP or from the command line, the scheduled jobs, the delivery workers). A statement over its limit is
 * cancelled by the driver (PostgreSQL answers SQLState 57014), its transaction rolls back, and a request
 * answers 503 with Retry-After. Without a limit one expensive query could hold a connection and a CPU for
 * as long as it liked, and a handful of them every connection of the pool.
 *
 * <p>The limit is set on each statement JDBI runs ({@link #beforeExecution}); which one applies is the
 * current thread's: {@link #requestFilter} marks the threads serving {@code /api/*}, and work done for a
 * request elsewhere (a long poll's look at the feed) runs inside {@link #asRequest}.
 */
public final class StatementTimeouts implements StatementCustomizer {
    private static final ThreadLocal<Duration> CURRENT = new ThreadLocal<>();
    private static final String IMPORTS = "/api/v1/imports";

    private final Duration request;
    private final Duration background;

    public StatementTimeouts(Duration request, Duration background) {
        this.request = request;
        this.background = background;
    }

    @Override
    public void beforeExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
        Duration limit = CURRENT.get();
        long ms = (limit == null ? background : limit).toMillis();
        if (ms <= 0) {
            return;
        }
        if (stmt.isWrapperFor(PgStatement.class)) {
            stmt.unwrap(PgStatement.class).setQueryTimeoutMs(ms);
        } else {
            stmt.setQueryTimeout((int) Math.max(1, (ms + 999) / 1000));
        }
    }

    /** Runs {@code work} under the API requests' limit, whatever thread it is on. */
    public <T> T asRequest(Supplier<T> work) {
        Duration before = CURRENT.get();
        CURRENT.set(request);
        try {
            return work.get();
        } finally {
            restore(before);
        }
    }

    /**
     * Marks the threads serving API requests. A docket import ({@code POST /api/v1/imports}, up to 64 MiB
     * of entries) is bulk work and keeps the background limit.
     */
    public Filter requestFilter() {
        return new Filter() {
            @Override
            public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                    throws IOException, ServletException {
                Duration before = CURRENT.get();
                CURRENT.set(isImport(req) ? background : request);
                try {
                    chain.doFilter(req, res);
                } finally {
                    restore(before);
                }
            }
        };
    }

    private static boolean isImport(ServletRequest req) {
        return req instanceof HttpServletRequest http
                && "POST".equals(http.getMethod())
                && IMPORTS.equals(http.getRequestURI());
    }

    private static void restore(Duration before) {
        if (before == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(before);
        }
    }
}
