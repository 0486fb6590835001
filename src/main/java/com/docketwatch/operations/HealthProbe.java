package com.docketwatch.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container image's health check, where there is no curl: {@code java -cp /app/classes
 * com.docketwatch.operations.HealthProbe [path]} exits 0 when the admin port answers 200 on {@code path}
 * ({@code /health/live} by default), 1 otherwise. The JDK alone: it starts in a fraction of a second.
 */
public final class HealthProbe {
    private HealthProbe() {}

    public static void main(String[] args) {
        String path = args.length > 0 ? args[0] : "/health/live";
        String port = System.getenv().getOrDefault("DOCKETWATCH_ADMIN_PORT", "8081");
        System.exit(healthy(URI.create("http://127.0.0.1:" + port + path)) ? 0 : 1);
    }

    static boolean healthy(URI uri) {
        try {
            HttpResponse<Void> r = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build()
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(4))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
