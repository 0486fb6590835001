package com.docketwatch.platform.web;

import com.docketwatch.platform.errors.ApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * Request bodies over 1 MiB (64 MiB for docket imports) are refused with 413: at once when
 * Content-Length says so, otherwise as soon as the stream passes the limit. Up to {@link #SWALLOW}
 * bytes past the limit are read and discarded first (as Tomcat's maxSwallowSize does): a client still
 * uploading when the server closes the connection gets a reset instead of the 413.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodyLimitFilter implements ContainerRequestFilter {
    public static final long DEFAULT_LIMIT = 1L << 20;
    public static final long IMPORT_LIMIT = 64L << 20;
    public static final long SWALLOW = 16L << 20;

    @Override
    public void filter(ContainerRequestContext ctx) {
        long limit = limitFor(ctx);
        if (ctx.getLength() > limit) {
            if (ctx.getLength() <= limit + SWALLOW) {
                swallow(ctx.getEntityStream(), ctx.getLength());
            }
            throw tooLarge(limit);
        }
        if (hasEntity(ctx)) {
            ctx.setEntityStream(new Limited(ctx.getEntityStream(), limit));
        }
    }

    /** The largest body the request's path may send. */
    static long limitFor(ContainerRequestContext ctx) {
        return ctx.getUriInfo().getPath().startsWith("api/v1/imports") ? IMPORT_LIMIT : DEFAULT_LIMIT;
    }

    private static boolean hasEntity(ContainerRequestContext ctx) {
        try {
            return ctx.hasEntity();
        } catch (RuntimeException e) {
            throw notGzip(e) ? badGzip() : e;
        }
    }

    /** A body sent as {@code Content-Encoding: gzip} that does not inflate is the client's mistake (400). */
    static boolean notGzip(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ZipException) {
                return true;
            }
        }
        return false;
    }

    static ApiException badGzip() {
        return ApiException.badRequest("The body is not valid gzip (Content-Encoding: gzip)");
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(
                413,
                "payload-too-large",
                "Payload Too Large",
                "The body is larger than " + (limit >> 20) + " MiB",
                null);
    }

    /** Reads and discards up to {@code max} bytes of what the client is still sending. */
    static void swallow(InputStream in, long max) {
        byte[] buf = new byte[64 * 1024];
        long left = max;
        try {
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or sent what does not decode: nothing left to read
        }
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
            int b;
            try {
                b = super.read();
            } catch (RuntimeException | IOException e) {
                if (notGzip(e)) {
                    throw badGzip();
                }
                throw e;
            }
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(buf, off, len);
            } catch (RuntimeException | IOException e) {
                if (notGzip(e)) {
                    throw badGzip();
                }
                throw e;
            }
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            try {
                return super.available();
            } catch (RuntimeException | IOException e) {
                if (notGzip(e)) {
                    throw badGzip();
                }
                throw e;
            }
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                swallow(in, SWALLOW);
                throw tooLarge(limit);
            }
        }
    }
}
