package com.docketwatch.platform.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bug or an outage, never a client's mistake: logged with an id the problem document repeats. A
 * database outage or timeout wrapped in another exception is still the 503 of {@link DatabaseUnavailable}.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        var unavailable = DatabaseUnavailable.response(e);
        if (unavailable.isPresent()) {
            return unavailable.get();
        }
        String id = Long.toHexString(ThreadLocalRandom.current().nextLong());
        LOG.error("Unexpected failure, error id {}", id, e);
        return ProblemResponses.of(Problem.of(
                500,
                "internal",
                "Internal Server Error",
                "The server failed to handle the request (error id " + id + ")"));
    }
}
