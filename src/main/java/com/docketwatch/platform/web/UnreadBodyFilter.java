package com.docketwatch.platform.web;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import java.io.IOException;

/**
 * A request answered before its body was read whole (a key without the role, refused before the body is looked
 * at; a parser stopped at its error, 300 KB of nesting in) has the rest of its body read and discarded before the
 * answer, within the body limit ({@link BodyLimitFilter}), as Tomcat's {@code maxSwallowSize} does. Left unread,
 * Jetty closes the connection after the answer: the client, still sending, gets a reset that can destroy the
 * answer before it is read, and a client reusing the connection loses its next request. Where the rest cannot be
 * read (past the limit, or broken), the answer says {@code Connection: close}.
 *
 * <p>The rest is read from the servlet's stream, not from Jersey's entity stream: Jersey closes that one once a
 * body reader has used it, and refuses to hand it out again even when the reader stopped at its first error.
 */
public final class UnreadBodyFilter implements ContainerResponseFilter {
    @Context
    private HttpServletRequest servlet;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!declaresBody(request)) {
            return;
        }
        long limit = BodyLimitFilter.limitFor(request);
        if (request.getLength() > limit) {
            // Refused by its declared length (413): never read past what the limit filter swallowed.
            response.getHeaders().putSingle("Connection", "close");
            return;
        }
        if (!drained(limit)) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }

    /** Whether the body has been read to its end, reading at most {@code limit} bytes more to get there. */
    private boolean drained(long limit) {
        try {
            ServletInputStream in = servlet.getInputStream();
            if (in.isFinished()) {
                return true;
            }
            byte[] buf = new byte[16 * 1024];
            long left = limit;
            int n;
            while ((n = in.read(buf, 0, (int) Math.min(buf.length, left + 1))) >= 0) {
                left -= n;
                if (left < 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean declaresBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }
}
