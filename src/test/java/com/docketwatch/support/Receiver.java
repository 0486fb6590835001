package com.docketwatch.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/** A real HTTP webhook receiver on localhost that records every request and answers as scripted. */
public final class Receiver implements AutoCloseable {
    /** One received POST. */
    public record Hit(String path, Map<String, String> headers, String body) {
        public String id() {
            return headers.get("webhook-id");
        }
    }

    private final HttpServer server;
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final Deque<Reply> scripted = new ConcurrentLinkedDeque<>();
    private volatile Reply otherwise = new Reply(204, null);
    private volatile long delayMillis;

    /** An answer: a status and, unless null, a body (text/plain, UTF-8). */
    private record Reply(int status, String body) {}

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            hits.add(new Hit(exchange.getRequestURI().getPath(), headers, body));
            Reply reply = scripted.poll();
            if (reply == null) {
                reply = otherwise;
            }
            if (reply.body() == null) {
                exchange.sendResponseHeaders(reply.status(), -1);
            } else {
                byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(reply.status(), bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    /** The next answers, in order; afterwards 204 (or what {@link #answerAlways} set). */
    public void answer(Integer... statuses) {
        for (Integer s : statuses) {
            scripted.add(new Reply(s, null));
        }
    }

    /** The next answer: this status with this body. */
    public void answer(int status, String body) {
        scripted.add(new Reply(status, body));
    }

    /** Every answer from now on, once the scripted ones are used: this status, with this body unless null. */
    public void answerAlways(int status, String body) {
        otherwise = new Reply(status, body);
    }

    public void delay(Duration d) {
        delayMillis = d.toMillis();
    }

    public List<Hit> hits() {
        return new ArrayList<>(hits);
    }

    public List<Hit> hits(Predicate<Hit> filter) {
        return hits.stream().filter(filter).toList();
    }

    /** Waits until at least {@code n} hits match, or fails after {@code timeout}. */
    public List<Hit> await(Predicate<Hit> filter, int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Hit> found = hits(filter);
            if (found.size() >= n) {
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Expected " + n + " matching webhook(s) within " + timeout + "; got "
                + hits(filter).size() + " of " + hits.size() + " in all");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
