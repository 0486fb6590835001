package com.docketwatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One scrape of a service's Prometheus endpoint ({@code /metrics/prometheus} on its admin port), read
 * as samples keyed by name and labels exactly as exposed: {@code x_total{result="ok"}}.
 */
public record Scrape(String text, Map<String, Double> samples) {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static Scrape of(String adminBase) {
        try {
            HttpResponse<String> r = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(adminBase + "/metrics/prometheus"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("metrics answered " + r.statusCode() + ": " + r.body());
            }
            return parse(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Scrape parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return new Scrape(text, samples);
    }

    /** The sample's value; fails naming what was exposed when it is missing. */
    public double value(String sample) {
        Double v = samples.get(sample);
        if (v == null) {
            throw new AssertionError("no sample " + sample + " in:\n" + text);
        }
        return v;
    }

    public boolean has(String sample) {
        return samples.containsKey(sample);
    }

    /** Scrapes until {@code condition} holds (domain figures are cached a few seconds), or fails. */
    public static Scrape until(String adminBase, Predicate<Scrape> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Scrape s = of(adminBase);
        while (!condition.test(s)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("metrics never met the condition within " + timeout + ":\n" + s.text());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            s = of(adminBase);
        }
        return s;
    }
}
