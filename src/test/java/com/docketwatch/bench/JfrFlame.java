package com.docketwatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A CPU flame graph (self-contained SVG) and a text summary of the hottest frames from the
 * {@code jdk.ExecutionSample} events of a JFR recording ({@code bench/run --jfr}), optionally only those
 * sampled between two times of day (UTC, as {@code bench/run} logs each measurement), so one endpoint's
 * measurement can be looked at alone. No async-profiler is needed: JFR samples Java frames only, so time
 * in the kernel or in native code shows as the Java frame that called it.
 *
 * <pre>
 * java -cp target/test-classes com.docketwatch.bench.JfrFlame RECORDING.jfr OUT.svg \
 *     [--from HH:MM:SS --to HH:MM:SS] [--title TEXT] [--summary OUT.txt] [--top N]
 * </pre>
 */
public final class JfrFlame {
    private static final int WIDTH = 1200;
    private static final int ROW = 16;

    /** A frame in the call tree: samples that passed through it, and its callees by name. */
    private static final class Node {
        final String name;
        long total;
        long self;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String name) {
            this.name = name;
        }

        Node child(String name) {
            return children.computeIfAbsent(name, Node::new);
        }
    }

    private JfrFlame() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: JfrFlame RECORDING.jfr OUT.svg [--from HH:MM:SS --to HH:MM:SS]"
                    + " [--title TEXT] [--summary OUT.txt] [--top N]");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        LocalTime from = null;
        LocalTime to = null;
        String title = "CPU samples: " + in.getFileName();
        Path summary = null;
        int top = 40;
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--from" -> from = LocalTime.parse(args[i + 1]);
                case "--to" -> to = LocalTime.parse(args[i + 1]);
                case "--title" -> title = args[i + 1];
                case "--summary" -> summary = Path.of(args[i + 1]);
                case "--top" -> top = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Node root = new Node("all");
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(in)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || !within(e.getStartTime(), from, to)) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            Node node = root;
            root.total++;
            Set<String> seen = new HashSet<>();
            for (int i = frames.size() - 1; i >= 0; i--) {
                String name = name(frames.get(i));
                node = node.child(name);
                node.total++;
                if (seen.add(name)) {
                    inclusive.merge(name, 1L, Long::sum);
                }
            }
            node.self++;
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1L, Long::sum);
            }
        }
        if (root.total == 0) {
            throw new IllegalStateException("no execution samples in " + in + " between " + from + " and " + to);
        }
        String subtitle = root.total + " samples" + (from == null ? "" : ", " + from + "–" + to + " UTC");
        Files.writeString(out, svg(root, title + " (" + subtitle + ")"), StandardCharsets.UTF_8);
        String text = summary(title, subtitle, root.total, self, inclusive, top);
        if (summary != null) {
            Files.writeString(summary, text, StandardCharsets.UTF_8);
        }
        System.out.print(text);
    }

    private static boolean within(Instant t, LocalTime from, LocalTime to) {
        LocalTime time = t.atOffset(ZoneOffset.UTC).toLocalTime();
        return (from == null || !time.isBefore(from)) && (to == null || time.isBefore(to));
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type + "." + f.getMethod().getName();
    }

    private static String summary(
            String title, String subtitle, long total, Map<String, Long> self, Map<String, Long> inclusive, int n) {
        StringBuilder s = new StringBuilder(title + " (" + subtitle + ")\n\nTop frames by own samples:\n");
        top(s, self, total, n);
        s.append("\nTop frames by samples on the stack (inclusive):\n");
        top(s, inclusive, total, n);
        return s.toString();
    }

    private static void top(StringBuilder s, Map<String, Long> counts, long total, int n) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(n)
                .forEach(e -> s.append(
                        String.format("%6.1f%%  %7d  %s%n", 100.0 * e.getValue() / total, e.getValue(), e.getKey())));
    }

    private static String svg(Node root, String title) {
        int depth = depth(root);
        int height = (depth + 2) * ROW + 20;
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" standalone=\"no\"?>\n")
                .append("<svg version=\"1.1\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" font-family=\"Verdana, sans-serif\" font-size=\"11\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#f8f8f8\"/>\n")
                .append("<text x=\"6\" y=\"16\" font-size=\"13\">")
                .append(escape(title))
                .append(" — hover a frame for its share</text>\n");
        List<Object[]> stack = new ArrayList<>();
        stack.add(new Object[] {root, 0.0, 0});
        double scale = (double) WIDTH / root.total;
        while (!stack.isEmpty()) {
            Object[] top = stack.remove(stack.size() - 1);
            Node n = (Node) top[0];
            double x = (double) top[1];
            int level = (int) top[2];
            double w = n.total * scale;
            if (w < 0.3) {
                continue;
            }
            double y = height - (level + 1) * ROW - 4;
            String label = String.format("%s (%d samples, %.2f%%)", n.name, n.total, 100.0 * n.total / root.total);
            s.append(String.format(
                    "<g><title>%s</title><rect x=\"%.1f\" y=\"%.0f\" width=\"%.1f\" height=\"%d\" fill=\"%s\" rx=\"2\"/>",
                    escape(label), x, y, w, ROW - 1, color(n.name)));
            int chars = (int) (w / 7);
            if (chars >= 3) {
                String text = n.name.length() <= chars ? n.name : n.name.substring(0, chars - 2) + "..";
                s.append(String.format("<text x=\"%.1f\" y=\"%.0f\">%s</text>", x + 3, y + ROW - 4, escape(text)));
            }
            s.append("</g>\n");
            double cx = x;
            List<Node> kids = new ArrayList<>(n.children.values());
            kids.sort(Comparator.comparing(k -> k.name));
            for (Node k : kids) {
                stack.add(new Object[] {k, cx, level + 1});
                cx += k.total * scale;
            }
        }
        return s.append("</svg>\n").toString();
    }

    private static int depth(Node n) {
        int d = 0;
        for (Node k : n.children.values()) {
            d = Math.max(d, depth(k));
        }
        return d + 1;
    }

    /** The service's own code green, the JDK red, libraries yellow: where the time goes at a glance. */
    private static String color(String name) {
        int h = Math.abs(name.hashCode() % 40);
        if (name.startsWith("com.docketwatch.")) {
            return "rgb(" + (80 + h) + ",190," + (80 + h) + ")";
        }
        if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
            return "rgb(230," + (90 + h) + ",70)";
        }
        return "rgb(235," + (170 + h) + ",60)";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
