package com.docketwatch.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A court's RSS server on localhost: serves a document per path with an ETag and Last-Modified, and
 * answers 304 to a conditional GET whose If-None-Match or If-Modified-Since still matches. Counts
 * requests and 304s per path.
 */
public final class RssServer implements AutoCloseable {
    private record Doc(byte[] body, String contentType, String etag, String lastModified) {}

    private final HttpServer server;
    private final Map<String, Doc> docs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();
    private final AtomicInteger version = new AtomicInteger();

    public RssServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
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
            if ((inm != null && inm.equals(doc.etag()))
                    || (inm == null && ims != null && ims.equals(doc.lastModified()))) {
                notModified.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", doc.contentType());
            exchange.sendResponseHeaders(200, doc.body().length);
            exchange.getResponseBody().write(doc.body());
            exchange.close();
        });
        server.start();
    }

    /** Serves {@code body} at {@code path} from now on, with a new ETag and Last-Modified. */
    public void serve(String path, byte[] body, String contentType) {
        int v = version.incrementAndGet();
        docs.put(
                path,
                new Doc(
                        body,
                        contentType,
                        "\"v" + v + "\"",
                        "Tue, 22 May 2018 22:" + String.format("%02d", v % 60) + ":02 GMT"));
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
        server.stop(0);
    }
}
