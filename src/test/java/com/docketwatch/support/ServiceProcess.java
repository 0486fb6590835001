package com.docketwatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shaded jar run as its own OS process, exactly as a reporter runs it, so tests can
 * {@code kill -9} it. Its output goes to a log file kept next to the data directory.
 */
public final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final int adminPort;
    private final Path log;

    private ServiceProcess(Process process, int port, int adminPort, Path log) {
        this.process = process;
        this.port = port;
        this.adminPort = adminPort;
        this.log = log;
    }

    /** The jar built by {@code mvn package}; null when the tests run without it (e.g. from an IDE). */
    public static Path jar() {
        String p = System.getProperty("docketwatch.jar");
        return p == null || !Files.exists(Path.of(p)) ? null : Path.of(p);
    }

    /** Starts {@code java -jar docketwatch.jar <command> config.yml} and waits until it is healthy. */
    public static ServiceProcess start(String command, Path dataDir, Map<String, String> env) {
        int port = freePort();
        int adminPort = freePort();
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + System.nanoTime() + ".log");
        List<String> cmd = new ArrayList<>(
                List.of(javaBin(), "-Xmx512m", "-jar", jar().toString(), command, TestApp.projectFile("config.yml")));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("DOCKETWATCH_"));
        e.put("DOCKETWATCH_DATA_DIR", dataDir.toString());
        e.put("DOCKETWATCH_HTTP_PORT", Integer.toString(port));
        e.put("DOCKETWATCH_ADMIN_PORT", Integer.toString(adminPort));
        e.put("DOCKETWATCH_BOOTSTRAP_ADMIN_KEY", TestApp.ADMIN_KEY);
        e.putAll(env);
        try {
            ServiceProcess s = new ServiceProcess(pb.start(), port, adminPort, log);
            s.awaitHealthy(Duration.ofMinutes(3));
            return s;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public Api api() {
        return new Api("http://localhost:" + port);
    }

    /** The admin port's base URL (health checks, probes, metrics). */
    public String admin() {
        return "http://localhost:" + adminPort;
    }

    /** SIGKILL: no shutdown hook runs, the embedded postmaster is orphaned. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Service exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + adminPort + "/healthcheck"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("Service not healthy within " + timeout + ":\n" + log());
    }

    /** A graceful stop (SIGTERM): Dropwizard shuts down and stops its embedded PostgreSQL. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
