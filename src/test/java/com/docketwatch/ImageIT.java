package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.docketwatch.support.Api;
import com.docketwatch.support.Scrape;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image {@code mvn -Pimage package} writes to {@code target/docketwatch-image.tar} (CI
 * builds it; other runs skip this class): its configuration runs a non-root user with the API and admin
 * ports exposed, {@code /data} as a volume and a health check; its layers hold {@code config.yml} and,
 * on the self-contained {@code scratch} base, a Java runtime and the user's {@code /etc/passwd} entry.
 * As root on Linux the image is also run without a container engine, the way one would run it: its
 * layers unpacked in order, its entrypoint and command under its user in a chroot with its environment;
 * it must start (embedded PostgreSQL on /data), answer, and pass its own health check.
 */
class ImageIT {
    static final Path TAR = Path.of(TestApp.projectFile("target/docketwatch-image.tar"));
    static JsonNode config;
    static List<String> layers;
    static Map<String, TarArchiveEntry> files = new HashMap<>();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void read() throws IOException {
        assumeTrue(Files.exists(TAR), "no image: build it with mvn -Pimage package");
        Map<String, byte[]> top = new HashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(TAR))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().endsWith(".json")) {
                    top.put(e.getName(), in.readAllBytes());
                }
            }
        }
        JsonNode manifest = Api.JSON.readTree(top.get("manifest.json"));
        assertThat(manifest).hasSize(1);
        config = Api.JSON.readTree(top.get(manifest.get(0).get("Config").asText()));
        layers = new ArrayList<>();
        manifest.get(0).get("Layers").forEach(l -> layers.add(l.asText()));
        for (String layer : layers) {
            try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(layerStream(layer)))) {
                for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                    files.put("/" + e.getName().replaceFirst("^\\./", "").replaceFirst("/$", ""), e);
                }
            }
        }
    }

    private static InputStream layerStream(String name) throws IOException {
        TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(TAR));
        for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
            if (e.getName().equals(name)) {
                return in;
            }
        }
        in.close();
        throw new AssertionError("layer " + name + " missing from the tar");
    }

    @Test
    void runsAsANonRootUserWithItsPortsVolumeAndHealthCheck() {
        JsonNode c = config.get("config");
        String user = c.path("User").asText();
        assertThat(user).as("the image's user").isNotBlank().doesNotStartWith("root");
        assertThat(user.split(":")[0]).isNotEqualTo("0");
        assertThat(c.get("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(c.get("ExposedPorts").has("8081/tcp")).isTrue();
        assertThat(c.get("Volumes").has("/data")).isTrue();
        assertThat(env(c)).containsEntry("DOCKETWATCH_DATA_DIR", "/data");
        // A container's loopback is its own: the image's API listens on every address of the container.
        assertThat(env(c)).containsEntry("DOCKETWATCH_HOST", "0.0.0.0");
        assertThat(c.get("Healthcheck").get("Test").toString()).contains("HealthProbe", "/health/live");
        assertThat(c.get("Cmd").toString()).contains("server", "/etc/docketwatch/config.yml");
        assertThat(files).containsKey("/etc/docketwatch/config.yml");
    }

    @Test
    void selfContainedImageBringsJavaAndItsUser() throws IOException {
        assumeTrue(selfContained(), "a registry base brings Java and its users");
        TarArchiveEntry java = files.get("/opt/java/openjdk/bin/java");
        assertThat(java).as("the runtime's java").isNotNull();
        assertThat(java.getMode() & 0777).isEqualTo(0755);
        assertThat(files.get("/opt/java/openjdk/lib/jspawnhelper").getMode() & 0111)
                .isNotZero();
        assertThat(files.get("/data").getMode() & 0777).isEqualTo(0777);
        assertThat(files).containsKeys("/bin/sh", "/lib64/ld-linux-x86-64.so.2", "/etc/passwd");
        assertThat(passwd())
                .contains(":" + config.get("config").get("User").asText().split(":")[0] + ":");
    }

    @Test
    void theImageStartsAnswersAndPassesItsHealthCheck() throws Exception {
        assumeTrue(selfContained(), "only the scratch-based image is run here");
        assumeTrue(
                "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare")),
                "running the image without an engine needs root (chroot, mount namespaces)");
        Path root = Files.createDirectories(tmp.resolve("root"));
        for (String layer : layers) {
            Path file = tmp.resolve("layer.tar.gz");
            try (InputStream in = layerStream(layer)) {
                Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            run(List.of("tar", "--warning=no-unknown-keyword", "-xzpf", file.toString(), "-C", root.toString()));
        }
        // What a container engine lays out: the host names, /proc and /dev (the latter in the script below).
        Files.writeString(
                root.resolve("etc/hosts"),
                "127.0.0.1\tlocalhost\n::1\tlocalhost\n127.0.1.1\t"
                        + java.net.InetAddress.getLocalHost().getHostName() + "\n");
        int port = freePort();
        int adminPort = freePort();
        JsonNode c = config.get("config");
        Map<String, String> env = env(c);
        env.put("DOCKETWATCH_HTTP_PORT", Integer.toString(port));
        env.put("DOCKETWATCH_ADMIN_PORT", Integer.toString(adminPort));
        env.put("DOCKETWATCH_BOOTSTRAP_ADMIN_KEY", TestApp.ADMIN_KEY);
        List<String> command = new ArrayList<>();
        c.get("Entrypoint").forEach(a -> command.add(a.asText()));
        c.get("Cmd").forEach(a -> command.add(a.asText()));
        Process service = inChroot(root, env, command, tmp.resolve("image.log"));
        try {
            awaitReady(service, adminPort, tmp.resolve("image.log"));
            Api api = new Api("http://localhost:" + port);
            api.get("/api/v1/cases", TestApp.ADMIN_KEY).expect(200);
            Scrape metrics = Scrape.of("http://localhost:" + adminPort);
            assertThat(metrics.value("docketwatch_domain_metrics_up")).isEqualTo(1);
            List<String> probe = new ArrayList<>();
            c.get("Healthcheck").get("Test").forEach(a -> probe.add(a.asText()));
            Process check = inChroot(root, env, probe.subList(1, probe.size()), tmp.resolve("probe.log"));
            assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue())
                    .as(Files.readString(tmp.resolve("probe.log")))
                    .isZero();
        } finally {
            service.destroy();
            assertThat(service.waitFor(90, TimeUnit.SECONDS))
                    .as("stops on SIGTERM")
                    .isTrue();
        }
        assertThat(Files.getAttribute(root.resolve("data/postgres"), "unix:uid"))
                .as("the embedded database on /data belongs to the image's user")
                .isEqualTo(Integer.parseInt(c.get("User").asText().split(":")[0]));
    }

    private static Process inChroot(Path root, Map<String, String> env, List<String> command, Path log)
            throws IOException {
        String user = config.get("config").get("User").asText();
        String spec = user.contains(":") ? user : user + ":" + groupOf(user);
        List<String> cmd = new ArrayList<>(List.of(
                "unshare",
                "-m",
                "--propagation",
                "private",
                "sh",
                "-c",
                "r=$1; shift; mkdir -p \"$r/proc\" \"$r/dev\" && mount -t proc proc \"$r/proc\""
                        + " && mount --rbind /dev \"$r/dev\" && exec chroot --userspec=" + spec + " \"$r\" \"$@\"",
                "sh",
                root.toString()));
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb.start();
    }

    private static void awaitReady(Process service, int adminPort, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new AssertionError(
                        "the image exited with " + service.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + adminPort + "/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the image was not ready within 3 minutes:\n" + Files.readString(log));
    }

    private static boolean selfContained() {
        return "scratch"
                .equals(config.get("config")
                        .path("Labels")
                        .path("org.opencontainers.image.base.name")
                        .asText());
    }

    private static String passwd() throws IOException {
        try (TarArchiveInputStream in =
                new TarArchiveInputStream(new GZIPInputStream(layerStream(layerOf("/etc/passwd"))))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().replaceFirst("^\\./", "").equals("etc/passwd")) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no /etc/passwd");
    }

    private static String layerOf(String path) throws IOException {
        for (String layer : layers) {
            try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(layerStream(layer)))) {
                for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                    if (("/" + e.getName().replaceFirst("^\\./", "")).equals(path)) {
                        return layer;
                    }
                }
            }
        }
        throw new AssertionError("no layer holds " + path);
    }

    private static String groupOf(String uid) {
        try {
            for (String line : passwd().split("\n")) {
                String[] f = line.split(":");
                if (f.length > 3 && f[2].equals(uid)) {
                    return f[3];
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "0";
    }

    private static Map<String, String> env(JsonNode c) {
        Map<String, String> env = new HashMap<>();
        c.get("Env").forEach(v -> {
            String[] kv = v.asText().split("=", 2);
            env.put(kv[0], kv[1]);
        });
        return env;
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError(command + " failed: " + out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
