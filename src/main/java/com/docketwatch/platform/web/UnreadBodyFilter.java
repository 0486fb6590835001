package com.docketwatch.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An error answered before the request's body was read whole (a key without the role, refused before the body
 * is looked at; a parser stopped at its error, 300 KB of nesting in) reads and discards the rest of it first,
 * within the body limit ({@link BodyLimitFilter}), as Tomcat's {@code maxSwallowSize} does. Left unread,
 * Jetty would close the connection after the answer: the client, still sending, gets a reset that can destroy
 * the answer, and a client reusing the connection loses its next request. Where the rest cannot be read (past
 * the limit, broken, or the stream already closed by the reader that stopped at its error), the answer says
 * {@code Connection: close}.
 */
public final class UnreadBodyFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || !declaresBody(request)) {
            return;
        }
        if (request.getLength() > BodyLimitFilter.limitFor(request)) {
            // Refused by its declared length (413): never read past what the limit filter swallowed.
            response.getHeaders().putSingle("Connection", "close");
            return;
        }
        try {
            InputStream rest = request.getEntityStream();
            if (rest != null) {
                rest.transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException | RuntimeException e) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }

    private static boolean declaresBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }
}
