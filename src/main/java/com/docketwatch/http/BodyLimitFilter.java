package com.docketwatch.http;

import com.docketwatch.errors.ApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Request bodies over 1 MiB (64 MiB for docket imports) are refused with 413: at once when
 * Content-Length says so, otherwise as soon as the stream passes the limit.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodyLimitFilter implements ContainerRequestFilter {
    public static final long DEFAULT_LIMIT = 1L << 20;
    public static final long IMPORT_LIMIT = 64L << 20;

    @Override
    public void filter(ContainerRequestContext ctx) {
        long limit = ctx.getUriInfo().getPath().startsWith("api/v1/imports") ? IMPORT_LIMIT : DEFAULT_LIMIT;
        if (ctx.getLength() > limit) {
            throw tooLarge(limit);
        }
        if (ctx.hasEntity()) {
            ctx.setEntityStream(new Limited(ctx.getEntityStream(), limit));
        }
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(413, "payload-too-large", "Payload Too Large",
                "The body is larger than " + (limit >> 20) + " MiB", null);
    }

    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
