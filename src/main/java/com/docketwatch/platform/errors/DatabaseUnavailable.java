package com.docketwatch.platform.errors;

import com.docketwatch.platform.db.SqlStates;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database that cannot answer now is the service's outage, not a bug and not the client's mistake:
 * 503 problem+json with {@code Retry-After}, whether a statement ran over its time limit (SQLState
 * 57014) or the database is unreachable (no connection, shutting down, out of connections). Logged as
 * one line, without a stack trace: during an outage every request fails the same way.
 */
public final class DatabaseUnavailable {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);
    /** Seconds a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {}

    /** The 503 for {@code e}, when it is a database timeout or outage. */
    public static Optional<Response> response(Throwable e) {
        if (SqlStates.isTimeout(e)) {
            LOG.warn("A statement ran over its time limit: {}", sqlMessage(e));
            return Optional.of(of(
                    "database-timeout", "The database did not answer within the time a request may take; retry later"));
        }
        if (SqlStates.isUnavailable(e)) {
            LOG.warn("The database is unavailable: {}", sqlMessage(e));
            return Optional.of(of("database-unavailable", "The database cannot be reached right now; retry later"));
        }
        return Optional.empty();
    }

    private static Response of(String slug, String detail) {
        return Response.fromResponse(ProblemResponses.of(Problem.of(503, slug, "Service Unavailable", detail)))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    private static String sqlMessage(Throwable e) {
        String message = e.getClass().getSimpleName();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState() + " " + sql.getMessage();
            }
            message = t.getClass().getSimpleName() + ": " + t.getMessage();
        }
        return message;
    }
}
