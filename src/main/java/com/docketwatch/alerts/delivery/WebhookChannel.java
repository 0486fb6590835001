package com.docketwatch.alerts.delivery;

import com.docketwatch.platform.net.AddressPolicy;
import io.dropwizard.lifecycle.Managed;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Sends Standard Webhooks POSTs with Jetty's asynchronous client: signed, 10 s timeout, redirects not
 * followed (a 3xx is a failure), every connection resolved through the {@link AddressPolicy}.
 */
public final class WebhookChannel implements Managed {
    private final HttpClient client = new HttpClient();
    private final ExecutorService resolverPool = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "webhook-dns");
        t.setDaemon(true);
        return t;
    });
    private final Duration timeout;
    /** The wall clock, always: receivers check webhook-timestamp against their own clocks. */
    private final Clock wallClock = Clock.systemUTC();

    /**
     * {@code connections} keep-alive HTTP/1.1 connections at most to one receiver (scheme, host and port),
     * with up to {@code queued} more sends waiting for one of them: the worker keeps more sends under way to
     * a receiver than it has connections ({@code alerts.maxPerReceiver}), so that each connection has its
     * next request ready while outcomes are recorded and more are claimed. A send's timeout counts from
     * when it is queued, so a queued send ends within {@link #worstCase} all the same.
     */
    public WebhookChannel(AddressPolicy policy, Duration timeout, int connections, int queued) {
        this.timeout = timeout;
        client.setFollowRedirects(false);
        client.setConnectTimeout(timeout.toMillis());
        client.setIdleTimeout(60_000);
        client.setMaxConnectionsPerDestination(connections);
        client.setMaxRequestsQueuedPerDestination(queued);
        client.setSocketAddressResolver(policy.resolver(resolverPool));
        client.setUserAgentField(
                new org.eclipse.jetty.http.HttpField(HttpHeader.USER_AGENT, "DocketWatch-Webhooks/1.0"));
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

    /**
     * The longest one webhook can take: the request's timeout covers it all (resolving, connecting,
     * waiting for a connection, sending and the answer).
     */
    public Duration worstCase() {
        return timeout;
    }

    /** POSTs {@code body} with {@code webhook-id: messageId}; completes with the outcome, never exceptionally. */
    public CompletableFuture<Outcome> send(String url, String messageId, String secret, String body) {
        long timestamp = wallClock.instant().getEpochSecond();
        String signature = WebhookSigner.sign(secret, messageId, timestamp, body);
        return post(
                url,
                body,
                h -> h.put("webhook-id", messageId)
                        .put("webhook-timestamp", Long.toString(timestamp))
                        .put("webhook-signature", signature));
    }

    /**
     * POSTs {@code body} unsigned (a Slack incoming webhook: its URL is its secret), with {@code
     * webhook-id: messageId} all the same; the same limits, address policy and outcome as {@link #send}.
     */
    public CompletableFuture<Outcome> sendUnsigned(String url, String messageId, String body) {
        return post(url, body, h -> h.put("webhook-id", messageId));
    }

    private CompletableFuture<Outcome> post(
            String url, String body, java.util.function.Consumer<org.eclipse.jetty.http.HttpFields.Mutable> headers) {
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        long started = System.nanoTime();
        ResponseExcerpt excerpt = new ResponseExcerpt();
        try {
            client.newRequest(url)
                    .method(HttpMethod.POST)
                    .headers(headers)
                    .body(new StringRequestContent("application/json", body, StandardCharsets.UTF_8))
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .send(new Response.Listener() {
                        @Override
                        public void onContent(Response response, ByteBuffer content) {
                            excerpt.add(content);
                        }

                        @Override
                        public void onComplete(Result r) {
                            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                            if (r.isFailed()) {
                                Throwable cause = r.getFailure();
                                result.complete(Outcome.failed(
                                        r.getResponse() == null
                                                        || r.getResponse().getStatus() == 0
                                                ? null
                                                : r.getResponse().getStatus(),
                                        describe(cause),
                                        ms,
                                        excerpt.text()));
                            } else {
                                int status = r.getResponse().getStatus();
                                result.complete(
                                        status >= 200 && status < 300
                                                ? Outcome.ok(status, ms, excerpt.text())
                                                : Outcome.failed(status, "HTTP " + status, ms, excerpt.text()));
                            }
                        }
                    });
        } catch (RuntimeException e) {
            result.complete(Outcome.failed(null, describe(e), 0));
        }
        return result;
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }
}
