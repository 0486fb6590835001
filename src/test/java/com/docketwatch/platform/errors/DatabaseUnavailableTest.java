package com.docketwatch.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/** Which database failures are the service's outage (503 with Retry-After) and which are not. */
class DatabaseUnavailableTest {
    private final DatabaseExceptionMapper database = new DatabaseExceptionMapper();
    private final UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();

    @Test
    void aStatementOverItsTimeLimitIs503DatabaseTimeout() {
        Response r = database.toResponse(statement("57014"));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(((Problem) r.getEntity()).type()).endsWith("/database-timeout");
        assertThat(r.getMediaType().toString()).isEqualTo("application/problem+json");
    }

    @Test
    void noConnectionAShutdownOrNoConnectionsLeftAre503DatabaseUnavailable() {
        for (String state : new String[] {"08001", "08006", "08003", "57P01", "57P03", "53300"}) {
            Response r = database.toResponse(statement(state));
            assertThat(r.getStatus()).as(state).isEqualTo(503);
            assertThat(r.getHeaderString("Retry-After")).isEqualTo("5");
            assertThat(((Problem) r.getEntity()).type()).endsWith("/database-unavailable");
        }
        // The pool's own failure to hand out a connection (its exception carries no SQLState).
        Response pool = database.toResponse(
                new ConnectionException(new SQLException("Timeout: Pool empty. Unable to fetch a connection")));
        assertThat(pool.getStatus()).isEqualTo(503);
    }

    @Test
    void aReadTheReplicaCancelledForItsRecoveryIs503() {
        Response r = database.toResponse(statement("40001"));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("5");
    }

    @Test
    void anOutageWrappedInAnotherExceptionIsStill503() {
        Response r = unexpected.toResponse(new IllegalStateException("while reading", statement("08006")));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("5");
    }

    @Test
    void otherFailuresAreNot503() {
        assertThat(database.toResponse(statement("23505")).getStatus()).isEqualTo(409);
        assertThat(database.toResponse(statement("42P01")).getStatus()).isEqualTo(500);
        assertThat(unexpected.toResponse(new IllegalStateException("a bug")).getStatus())
                .isEqualTo(500);
    }

    private static UnableToExecuteStatementException statement(String state) {
        return new UnableToExecuteStatementException(new SQLException("failed", state), null);
    }
}
