package com.docketwatch.platform.errors;

import com.docketwatch.platform.db.SqlStates;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jdbi.v3.core.JdbiException;

/**
 * Constraint violations that reach the edge: a unique key (23505) is a 409 conflict, a missing
 * referenced row (23503) or a failed check (23514) a 422, and so is a value the database cannot hold
 * (a date out of range, a NUL character); a statement over its time limit or a database that cannot be
 * reached is a 503 with Retry-After ({@link DatabaseUnavailable}); anything else is unexpected.
 */
@Provider
public class DatabaseExceptionMapper implements ExceptionMapper<JdbiException> {
    private final UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();

    @Override
    public Response toResponse(JdbiException e) {
        String state = SqlStates.of(e);
        if (SqlStates.UNIQUE_VIOLATION.equals(state)) {
            return ProblemResponses.of(
                    ApiException.conflict("This resource already exists").toProblem());
        }
        if (SqlStates.FOREIGN_KEY_VIOLATION.equals(state) || SqlStates.CHECK_VIOLATION.equals(state)) {
            return ProblemResponses.of(Problem.of(
                    422,
                    "validation",
                    "Invalid request",
                    "The request refers to something that does not exist or breaks a rule of the data"));
        }
        if (SqlStates.DATETIME_FIELD_OVERFLOW.equals(state)
                || SqlStates.CHARACTER_NOT_IN_REPERTOIRE.equals(state)
                || SqlStates.UNTRANSLATABLE_CHARACTER.equals(state)) {
            return ProblemResponses.of(Problem.of(
                    422,
                    "validation",
                    "Invalid request",
                    "A value is out of range or holds a character that cannot be stored (such as U+0000)"));
        }
        return DatabaseUnavailable.response(e).orElseGet(() -> unexpected.toResponse(e));
    }
}
