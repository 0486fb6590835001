package com.docketwatch.operations;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every API request an id: the load balancer's {@code X-Request-Id} when it sends a plain one
 * (letters, digits, {@code . _ -}, at most 64), otherwise a new UUID. The id is answered in the
 * {@code X-Request-Id} header (the request log reads it from there) and is in the logging context
 * ({@code requestId}) of every line logged while the request is handled on its thread.
 */
final class RequestIds implements Filter {
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = idOf(((HttpServletRequest) request).getHeader(HEADER));
        ((HttpServletResponse) response).setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The caller's id when plain (nothing that could forge a log line), else a fresh one. */
    static String idOf(String given) {
        return given != null && PLAIN.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
    }
}
