package com.docketwatch.ingest.rss;

import com.docketwatch.platform.net.AddressPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Fetches a feed with a conditional GET (If-None-Match / If-Modified-Since). Each URL, and each
 * redirect (at most three), is checked against the SSRF policy first: https to public addresses, plain
 * http or private addresses only for allow-listed hosts. Bodies over 16 MiB are refused.
 */
public final class RssFetcher {
    static final int MAX_BYTES = 16 << 20;
    private static final int MAX_REDIRECTS = 3;

    /** An answer: its status, body (empty for 304), and validators for the next conditional GET. */
    public record Fetched(int status, byte[] body, String etag, String lastModified) {}

    /** The fetch failed before an HTTP answer (refused address, timeout, connection, size). */
    public static final class FetchFailed extends Exception {
        FetchFailed(String message) {
            super(message);
        }
    }

    private final HttpClient client;
    private final AddressPolicy policy;
    private final Duration timeout;

    public RssFetcher(AddressPolicy policy, Duration timeout) {
        this.policy = policy;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Fetched fetch(String url, String etag, String lastModified) throws FetchFailed {
        String target = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Optional<String> refused = policy.refuse(target);
            if (refused.isPresent()) {
                throw new FetchFailed("refused " + target + ": " + refused.get());
            }
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(target))
                    .timeout(timeout)
                    .GET()
                    .header("User-Agent", "DocketWatch feed follower")
                    .header("Accept", "application/rss+xml, application/xml, text/xml;q=0.9, */*;q=0.5");
            if (etag != null) {
                req.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                req.header("If-Modified-Since", lastModified);
            }
            HttpResponse<InputStream> r;
            try {
                r = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new FetchFailed(
                        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchFailed("interrupted");
            }
            int status = r.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                close(r);
                String location = r.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new FetchFailed("HTTP " + status + " without a Location");
                }
                target = URI.create(target).resolve(location).toString();
                continue;
            }
            byte[] body = status == 200 ? read(r) : new byte[0];
            if (status != 200) {
                close(r);
            }
            return new Fetched(
                    status,
                    body,
                    r.headers().firstValue("ETag").orElse(null),
                    r.headers().firstValue("Last-Modified").orElse(null));
        }
        throw new FetchFailed("more than " + MAX_REDIRECTS + " redirects");
    }

    private static byte[] read(HttpResponse<InputStream> r) throws FetchFailed {
        try (InputStream in = r.body()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw new FetchFailed("the feed is larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            return body;
        } catch (IOException e) {
            throw new FetchFailed("reading the feed failed: " + e.getMessage());
        }
    }

    private static void close(HttpResponse<InputStream> r) {
        try {
            r.body().close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
