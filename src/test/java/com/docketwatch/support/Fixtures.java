package com.docketwatch.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Dockets and feeds to import. The project's own ({@code src/test/resources/dockets} and {@code rss}:
 * invented cases written in the shapes juriscraper and CM/ECF produce) are always there. The real ones in
 * {@code ../shared/fixtures/real-dockets} (juriscraper's test data, beside the project, never copied into
 * it) are added when that folder exists: tests take both through {@link #dockets()}, {@link #ownAndReal}
 * or {@link #real}, so a clone without it runs every test on the project's own and skips none.
 */
public final class Fixtures {
    public static final Path DIR = Path.of("..", "shared", "fixtures", "real-dockets");

    private Fixtures() {}

    /** A fixture's name (its path under the test resources, or "real: " and its file name) and text. */
    public record Fixture(String name, String text) {
        public ObjectNode json() {
            try {
                return (ObjectNode) Api.JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One of the project's own, e.g. {@code dockets/district_cand.json} or {@code rss/nyed_sample.xml}. */
    public static Fixture own(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            return new Fixture(resource, new String(in.readAllBytes(), charset(resource)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real file, when {@code ../shared} is beside the project. */
    public static Optional<Fixture> real(String name) {
        Path p = DIR.resolve(name);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Fixture("real: " + name, Files.readString(p, charset(name))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's own fixture, then the real one when present: the arguments of a test that holds for both. */
    public static List<Fixture> ownAndReal(String resource, String realName) {
        List<Fixture> out = new ArrayList<>(List.of(own(resource)));
        real(realName).ifPresent(out::add);
        return out;
    }

    /**
     * Every docket: the project's own, then each real JSON file except the RSS one, which is a list of
     * one-entry stubs (see docs/import.md).
     */
    public static List<Fixture> dockets() {
        List<Fixture> out = new ArrayList<>();
        for (String name : list(ownDir("dockets"))) {
            if (name.endsWith(".json")) {
                out.add(own("dockets/" + name));
            }
        }
        if (Files.isDirectory(DIR)) {
            for (String name : list(DIR)) {
                if (name.endsWith(".json") && !name.contains("__rss__")) {
                    out.add(real(name).orElseThrow());
                }
            }
        }
        return out;
    }

    private static Charset charset(String name) {
        return name.endsWith(".xml") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
    }

    private static Path ownDir(String folder) {
        URL url = Fixtures.class.getResource("/" + folder);
        if (url == null) {
            throw new IllegalStateException("No test resource folder " + folder);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
