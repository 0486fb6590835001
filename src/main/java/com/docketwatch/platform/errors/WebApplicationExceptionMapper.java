package com.docketwatch.platform.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The framework's own errors (unknown path 404, wrong method 405, wrong content type 415, 406, ...)
 * as problem+json, keeping their headers (Allow, WWW-Authenticate). A response that already carries a
 * problem body (our 401) passes through unchanged.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity() && original.getEntity() instanceof Problem) {
            return original;
        }
        int status = original.getStatus();
        if (status >= 500) {
            LOG.error("Server error", e);
        }
        String detail = switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed here; allowed: " + original.getAllowedMethods();
            case 415 -> "Send the body as application/json";
            case 406 -> "This resource answers application/json";
            default -> status >= 500 ? "The server failed to answer" : e.getMessage();
        };
        return Response.fromResponse(original)
                .type(Problem.MEDIA)
                .entity(ProblemResponses.forStatus(status, detail))
                .build();
    }
}
