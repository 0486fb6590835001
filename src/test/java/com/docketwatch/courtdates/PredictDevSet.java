package com.docketwatch.courtdates;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the reader's predictions for a labels file as JSONL for score-dates.mjs, the title in the "kind" field:
 * {@code java ... PredictDevSet <labels.jsonl> <predictions.jsonl>}. Also prints the Java scorer's table.
 */
public final class PredictDevSet {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PredictDevSet() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PredictDevSet <labels.jsonl> <predictions.jsonl>");
            System.exit(2);
        }
        CourtDateReader reader = new CourtDateReader();
        Scorer scorer = new Scorer();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
            for (DevSet.LabelledEntry entry : DevSet.read(Path.of(args[0]))) {
                var dates = reader.read(entry.text(), entry.entryDate());
                scorer.add(
                        entry.source(),
                        entry.labels(),
                        dates.stream().map(Scorer.Item::of).toList());
                out.println(JSON.writeValueAsString(line(entry.source(), dates)));
            }
        }
        System.out.print(scorer.table());
    }

    static ObjectNode line(String source, Iterable<CourtDate> dates) {
        ObjectNode line = JSON.createObjectNode();
        line.put("source", source);
        ArrayNode items = line.putArray("dates");
        for (CourtDate date : dates) {
            ObjectNode item = items.addObject();
            item.put("type", date.type().wire());
            item.put("action", date.action().wire());
            item.put("kind", date.title());
            item.put("date", date.date() == null ? null : date.date().toString());
            item.put("time", date.time() == null ? null : date.time().toString());
            item.put("location", date.location());
            item.put("judge", date.judge());
        }
        return line;
    }
}
