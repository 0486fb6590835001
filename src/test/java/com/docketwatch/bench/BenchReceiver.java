package com.docketwatch.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook receiver of {@code bench/run}: answers every POST with 204 and counts it by the first
 * path segment. {@code /fan/...} is the fan-out test (first and last arrival times kept, wall clock
 * in ms), {@code /hook/...} the corpus subscriptions (alerts from the filing benchmark), {@code /raw/...}
 * wrk's own POSTs (the receiver's raw rate). {@code GET /stats} prints the counters, {@code POST /reset}
 * zeroes them.
 *
 * <pre>java -Xmx256m -cp target/test-classes com.docketwatch.bench.BenchReceiver PORT [THREADS]</pre>
 */
public final class BenchReceiver {
    private static final AtomicLong FAN = new AtomicLong();
    private static final AtomicLong FAN_FIRST = new AtomicLong();
    private static final AtomicLong FAN_LAST = new AtomicLong();
    private static final AtomicLong HOOK = new AtomicLong();
    private static final AtomicLong RAW = new AtomicLong();
    private static final AtomicLong OTHER = new AtomicLong();
    private static final AtomicLong BAD_SIGNATURE_HEADERS = new AtomicLong();

    private BenchReceiver() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        // The wildcard address: "localhost" may resolve to ::1 as well as 127.0.0.1 for the service.
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.createContext("/", BenchReceiver::handle);
        server.start();
        System.out.println("bench receiver listening on port " + port);
    }

    private static void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if ("GET".equals(ex.getRequestMethod()) && path.equals("/stats")) {
                byte[] body = String.format(
                                Locale.ROOT,
                                "fan=%d fan_first_ms=%d fan_last_ms=%d hook=%d raw=%d other=%d unsigned=%d%n",
                                FAN.get(),
                                FAN_FIRST.get(),
                                FAN_LAST.get(),
                                HOOK.get(),
                                RAW.get(),
                                OTHER.get(),
                                BAD_SIGNATURE_HEADERS.get())
                        .getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
                return;
            }
            if ("POST".equals(ex.getRequestMethod()) && path.equals("/reset")) {
                for (AtomicLong c :
                        new AtomicLong[] {FAN, FAN_FIRST, FAN_LAST, HOOK, RAW, OTHER, BAD_SIGNATURE_HEADERS}) {
                    c.set(0);
                }
                ex.sendResponseHeaders(204, -1);
                return;
            }
            try (InputStream in = ex.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (path.startsWith("/fan/")) {
                long now = System.currentTimeMillis();
                FAN_FIRST.compareAndSet(0, now);
                FAN_LAST.accumulateAndGet(now, Math::max);
                FAN.incrementAndGet();
                if (ex.getRequestHeaders().getFirst("webhook-signature") == null) {
                    BAD_SIGNATURE_HEADERS.incrementAndGet();
                }
            } else if (path.startsWith("/hook/")) {
                HOOK.incrementAndGet();
            } else if (path.startsWith("/raw/")) {
                RAW.incrementAndGet();
            } else {
                OTHER.incrementAndGet();
            }
            ex.sendResponseHeaders(204, -1);
        }
    }
}
