package com.docketwatch.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real dockets in {@code ../shared/fixtures/real-dockets} (juriscraper's test data, beside the
 * project, never copied into it). A clone without that folder skips the tests that need it.
 */
public final class Fixtures {
    public static final Path DIR = Path.of("..", "shared", "fixtures", "real-dockets");

    private Fixtures() {}

    public static Path dir() {
        assumeTrue(Files.isDirectory(DIR), "The real-docket fixtures are not at " + DIR.toAbsolutePath()
                + " (a checkout without ../shared); CI always has them");
        return DIR;
    }

    public static Path file(String name) {
        Path p = dir().resolve(name);
        assumeTrue(Files.isRegularFile(p), "Fixture " + p.toAbsolutePath() + " is absent");
        return p;
    }

    public static String read(String name) {
        try {
            return Files.readString(file(name), name.endsWith(".xml")
                    ? java.nio.charset.StandardCharsets.ISO_8859_1 : java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every docket file: each JSON file except the RSS one, which is a list of one-entry stubs (see docs/import.md). */
    public static List<String> dockets() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.contains("__rss__")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
