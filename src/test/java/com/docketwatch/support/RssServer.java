package com.docketwatch.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A court's RSS server on localhost: serves a document per path with an ETag and Last-Modified, and
 * answers 304 to a conditional GET whose If-None-Match or If-Modified-Since still matches. Counts
 * requests and 304s per path. A document may also be sent without a Content-Length (chunked), or
 * trickled: the start at once, then a byte at a time, never ending, until the client gives up
 * ({@link #trickles} tells how long each such answer lasted).
 */
public final class RssServer implements AutoCloseable {
    private record Doc(byte[] body, String contentType, String etag, String lastModified, boolean chunked) {}

    private record Trickle(byte[] head, Duration every) {}

    /** A trickled answer: when it started and, once the client went away, how long it lasted. */
    public record Trickled(long startedNanos, Duration lasted) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "rss-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Doc> docs = new ConcurrentHashMap<>();
    private final Map<String, Trickle> trickled = new ConcurrentHashMap<>();
    private final Map<String, List<Trickled>> trickles = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostInFlight = new ConcurrentHashMap<>();
    private final AtomicInteger version = new AtomicInteger();
    private volatile boolean closed;

    public RssServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            AtomicInteger now = inFlight.computeIfAbsent(path, p -> new AtomicInteger());
            mostInFlight
                    .computeIfAbsent(path, p -> new AtomicInteger())
                    .accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                answer(exchange, path);
            } finally {
                now.decrementAndGet();
            }
        });
        server.start();
    }

    private void answer(HttpExchange exchange, String path) throws IOException {
        Duration delay = delays.get(path);
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Trickle trickle = trickled.get(path);
        if (trickle != null) {
            trickle(exchange, path, trickle);
            return;
        }
        Doc doc = docs.get(path);
        if (doc == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        String inm = exchange.getRequestHeaders().getFirst("If-None-Match");
        String ims = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        exchange.getResponseHeaders().set("ETag", doc.etag());
        exchange.getResponseHeaders().set("Last-Modified", doc.lastModified());
        if ((inm != null && inm.equals(doc.etag())) || (inm == null && ims != null && ims.equals(doc.lastModified()))) {
            notModified.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", doc.contentType());
        exchange.sendResponseHeaders(200, doc.chunked() ? 0 : doc.body().length);
        exchange.getResponseBody().write(doc.body());
        exchange.close();
    }

    private void trickle(HttpExchange exchange, String path, Trickle t) throws IOException {
        long started = System.nanoTime();
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(t.head());
            out.flush();
            while (!closed) {
                Thread.sleep(t.every().toMillis());
                out.write(' ');
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        } finally {
            trickles.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                    .add(new Trickled(started, Duration.ofNanos(System.nanoTime() - started)));
        }
    }

    /** Serves {@code body} at {@code path} from now on, with a new ETag and Last-Modified. */
    public void serve(String path, byte[] body, String contentType) {
        serve(path, body, contentType, false);
    }

    /** Serves {@code body} at {@code path} without a Content-Length (chunked). */
    public void serveChunked(String path, byte[] body, String contentType) {
        serve(path, body, contentType, true);
    }

    private void serve(String path, byte[] body, String contentType, boolean chunked) {
        int v = version.incrementAndGet();
        docs.put(
                path,
                new Doc(
                        body,
                        contentType,
                        "\"v" + v + "\"",
                        "Tue, 22 May 2018 22:" + String.format("%02d", v % 60) + ":02 GMT",
                        chunked));
    }

    /** Answers 200 at {@code path} with {@code head} at once, then one more space every {@code every}, forever. */
    public void trickle(String path, String head, Duration every) {
        trickled.put(path, new Trickle(head.getBytes(StandardCharsets.UTF_8), every));
    }

    /** Answers at {@code path} only after {@code delay} (a slow but finishing server). */
    public void delay(String path, Duration delay) {
        delays.put(path, delay);
    }

    /** The most requests for {@code path} that were being answered at the same time. */
    public int mostInFlight(String path) {
        return mostInFlight.getOrDefault(path, new AtomicInteger()).get();
    }

    /** The trickled answers at {@code path} that ended (the client closed the connection), oldest first. */
    public List<Trickled> trickles(String path) {
        return List.copyOf(trickles.getOrDefault(path, List.of()));
    }

    public void serve(String path, String body) {
        serve(path, body.getBytes(StandardCharsets.ISO_8859_1), "application/rss+xml");
    }

    public String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    public int requests(String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    public int notModified(String path) {
        return notModified.getOrDefault(path, new AtomicInteger()).get();
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        threads.shutdownNow();
    }
}
