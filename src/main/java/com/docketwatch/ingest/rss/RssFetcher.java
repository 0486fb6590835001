package com.docketwatch.ingest.rss;

import com.docketwatch.platform.net.AddressPolicy;
import io.dropwizard.lifecycle.Managed;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Fetches a feed with a conditional GET (If-None-Match / If-Modified-Since), with Jetty's client as
 * webhooks do. Each URL, and each redirect (at most three), is checked against the SSRF policy first,
 * and every connection is resolved through the policy again (its resolver), so a host that resolves to
 * a private address at connect time (DNS rebinding) is refused. A fetch has one total deadline
 * (connecting, redirects and the whole body: a server that trickles its answer is cut off) and a size
 * cap (Content-Length or the bytes actually read, after decompression).
 */
public final class RssFetcher implements Managed {
    private static final int MAX_REDIRECTS = 3;
    /** How long past the deadline the caller waits for the client to report it, before aborting itself. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** An answer: its status, body (empty unless 200), and validators for the next conditional GET. */
    public record Fetched(int status, byte[] body, String etag, String lastModified) {}

    /** The fetch failed before a whole HTTP answer (refused address, deadline, connection, size). */
    public static final class FetchFailed extends Exception {
        FetchFailed(String message) {
            super(message);
        }
    }

    private final HttpClient client = new HttpClient();
    private final ExecutorService resolverPool = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "court-feed-dns");
        t.setDaemon(true);
        return t;
    });
    private final AddressPolicy policy;
    private final Duration deadline;
    private final int maxBytes;

    /** {@code deadline}: the whole fetch, redirects included; {@code maxBytes}: the largest body accepted. */
    public RssFetcher(AddressPolicy policy, Duration deadline, long maxBytes) {
        this.policy = policy;
        this.deadline = deadline;
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 16, maxBytes);
        client.setFollowRedirects(false);
        client.setConnectTimeout(deadline.toMillis());
        client.setIdleTimeout(deadline.toMillis());
        client.setMaxConnectionsPerDestination(64); // at most one per worker: never a queue
        client.setSocketAddressResolver(policy.resolver(resolverPool));
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "DocketWatch feed follower"));
    }

    @Override
    public void start() throws Exception {
        client.start();
    }

    @Override
    public void stop() throws Exception {
        client.stop();
        resolverPool.shutdownNow();
    }

    public Fetched fetch(String url, String etag, String lastModified) throws FetchFailed {
        long end = System.nanoTime() + deadline.toNanos();
        String target = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Optional<String> refused = policy.refuse(target);
            if (refused.isPresent()) {
                throw new FetchFailed("refused " + target + ": " + refused.get());
            }
            Answer a = get(target, etag, lastModified, end);
            int status = a.status();
            if (status >= 300 && status < 400 && status != 304) {
                String location = a.headers().get(HttpHeader.LOCATION);
                if (location == null) {
                    throw new FetchFailed("HTTP " + status + " without a Location");
                }
                try {
                    target = URI.create(target).resolve(location.strip()).toString();
                } catch (IllegalArgumentException e) {
                    throw new FetchFailed("HTTP " + status + " to a Location that is not a URL");
                }
                continue;
            }
            return new Fetched(
                    status,
                    a.body(),
                    a.headers().get(HttpHeader.ETAG),
                    a.headers().get(HttpHeader.LAST_MODIFIED));
        }
        throw new FetchFailed("more than " + MAX_REDIRECTS + " redirects");
    }

    private Answer get(String target, String etag, String lastModified, long end) throws FetchFailed {
        long left = end - System.nanoTime();
        if (left < TimeUnit.MILLISECONDS.toNanos(1)) { // Jetty counts in milliseconds, and 0 means none
            throw overDeadline();
        }
        Request request;
        try {
            request = client.newRequest(URI.create(target))
                    .method(HttpMethod.GET)
                    .timeout(left, TimeUnit.NANOSECONDS)
                    .headers(h -> {
                        h.put(HttpHeader.ACCEPT, "application/rss+xml, application/xml, text/xml;q=0.9, */*;q=0.5");
                        if (etag != null) {
                            h.put(HttpHeader.IF_NONE_MATCH, etag);
                        }
                        if (lastModified != null) {
                            h.put(HttpHeader.IF_MODIFIED_SINCE, lastModified);
                        }
                    });
        } catch (IllegalArgumentException e) {
            throw new FetchFailed("refused " + target + ": is not a URL");
        }
        Collector answer = new Collector(maxBytes);
        request.send(answer);
        try {
            return answer.result.get(left + GRACE_NANOS, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            request.abort(e);
            throw overDeadline();
        } catch (InterruptedException e) {
            request.abort(e);
            Thread.currentThread().interrupt();
            throw new FetchFailed("interrupted");
        } catch (ExecutionException e) {
            throw failure(target, e.getCause());
        }
    }

    private FetchFailed overDeadline() {
        return new FetchFailed("no complete answer within " + deadline + " (the fetch deadline)");
    }

    private FetchFailed failure(String target, Throwable t) {
        Throwable root = t;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TooLarge) {
                return new FetchFailed("the feed is larger than " + maxBytes + " bytes");
            }
            if (c instanceof TimeoutException) {
                return overDeadline();
            }
            root = c;
        }
        if (root instanceof UnknownHostException
                && String.valueOf(root.getMessage()).startsWith("Refused")) {
            // Not which address: the feed's last_error is readable by every reporter.
            return new FetchFailed("refused " + target + ": resolves to a private, loopback or link-local address");
        }
        String msg = root.getMessage();
        return new FetchFailed(root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg));
    }

    /** The body exceeds the cap. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("the body exceeds the size cap", null, false, false);
        }
    }

    /** A response as it arrived: the status, the headers, and the body of a 200 (at most {@code max} bytes). */
    private record Answer(int status, HttpFields headers, byte[] body) {}

    /** Collects the body of a 200 up to the cap (aborting the exchange past it); completes once the exchange ends. */
    private static final class Collector implements Response.Listener {
        final CompletableFuture<Answer> result = new CompletableFuture<>();
        private final int max;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Collector(int max) {
            this.max = max;
        }

        @Override
        public void onHeaders(Response response) {
            if (response.getStatus() != 200) {
                return;
            }
            String length = response.getHeaders().get(HttpHeader.CONTENT_LENGTH);
            try {
                if (length != null && Long.parseLong(length.strip()) > max) {
                    response.abort(new TooLarge());
                }
            } catch (NumberFormatException e) {
                // the parser decides what a bad Content-Length means
            }
        }

        @Override
        public void onContent(Response response, ByteBuffer content) {
            if (response.getStatus() != 200) {
                return; // an error page or a redirect: only its status is used
            }
            if ((long) body.size() + content.remaining() > max) {
                response.abort(new TooLarge());
                return;
            }
            byte[] chunk = new byte[content.remaining()];
            content.get(chunk);
            body.write(chunk, 0, chunk.length);
        }

        @Override
        public void onComplete(Result r) {
            if (r.isFailed()) {
                result.completeExceptionally(r.getFailure());
            } else {
                Response response = r.getResponse();
                result.complete(new Answer(response.getStatus(), response.getHeaders(), body.toByteArray()));
            }
        }
    }
}
