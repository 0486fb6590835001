package com.docketwatch.platform.db;

import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** PostgreSQL error codes the service turns into client answers instead of 500s. */
public final class SqlStates {
    public static final String UNIQUE_VIOLATION = "23505";
    public static final String FOREIGN_KEY_VIOLATION = "23503";
    public static final String CHECK_VIOLATION = "23514";
    /** A date or timestamp outside PostgreSQL's range (e.g. the year 300000). */
    public static final String DATETIME_FIELD_OVERFLOW = "22008";
    /** A character the database cannot store, such as U+0000 in text. */
    public static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

    public static final String UNTRANSLATABLE_CHARACTER = "22P05";
    /** A statement cancelled: over its time limit ({@link StatementTimeouts}) or by an operator. */
    public static final String QUERY_CANCELED = "57014";
    /** serialization_failure: what a hot standby answers when it cancels a query for its recovery. */
    public static final String RECOVERY_CONFLICT = "40001";

    private SqlStates() {}

    /**
     * True when {@code e} means the database cannot be reached or cannot serve now, not that the request
     * was wrong: no connection (class 08, also the pool's own failure to get one), the server shutting
     * down or starting (57P01..57P03), out of connections or resources (class 53), or a read on the
     * replica cancelled by a conflict with the WAL it replays (40001; the service runs no serializable
     * transaction, so on the primary this state does not occur).
     */
    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.jdbi.v3.core.ConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("08")
                        || state.startsWith("53")
                        || state.startsWith("57P")
                        || state.equals(RECOVERY_CONFLICT);
            }
        }
        return false;
    }

    /** True when a statement of {@code e} ran over its time limit (or was cancelled). */
    public static boolean isTimeout(Throwable e) {
        return QUERY_CANCELED.equals(of(e));
    }

    public static String of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** True when {@code e} is a unique violation of the named constraint. */
    public static boolean isUniqueViolation(Throwable e, String constraint) {
        return UNIQUE_VIOLATION.equals(of(e))
                && constraint.equals(constraintOf(e).orElse(null));
    }

    private static Optional<String> constraintOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p) {
                ServerErrorMessage m = p.getServerErrorMessage();
                return Optional.ofNullable(m == null ? null : m.getConstraint());
            }
        }
        return Optional.empty();
    }
}
