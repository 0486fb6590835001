package com.docketwatch.courtdates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The hand-labelled development set (shared/fixtures/docket-dates/dev.jsonl) and where to find it. */
final class DevSet {
    static final String RELATIVE = "shared/fixtures/docket-dates/dev.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One labelled docket entry. */
    record LabelledEntry(String source, String court, LocalDate entryDate, String text, List<Scorer.Item> labels) {}

    private DevSet() {}

    /** Walks up from the working directory looking for {@value #RELATIVE} beside or above it. */
    static Optional<Path> locate() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static List<LabelledEntry> read(Path file) {
        try {
            List<LabelledEntry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.trim().startsWith("//")) {
                    continue;
                }
                JsonNode row = JSON.readTree(line);
                List<Scorer.Item> labels = new ArrayList<>();
                for (JsonNode date : row.path("dates")) {
                    labels.add(new Scorer.Item(
                            date.path("type").asText(""),
                            date.path("action").asText(""),
                            date.path("kind").asText(""),
                            textOrNull(date.get("date")),
                            textOrNull(date.get("time"))));
                }
                String entryDate = textOrNull(row.get("entry_date"));
                entries.add(new LabelledEntry(
                        row.path("source").asText(),
                        textOrNull(row.get("court")),
                        entryDate == null ? null : LocalDate.parse(entryDate.substring(0, 10)),
                        row.path("text").asText(""),
                        labels));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || node.asText().isEmpty() ? null : node.asText();
    }
}
