package com.docketwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flame graph and the top-frames summary of a real JFR recording of a method that only computes. */
class JfrFlameTest {
    @TempDir
    Path dir;

    @Test
    void aBusyMethodIsInTheFlameGraphAndAtTheTopOfTheSummary() throws Exception {
        Path jfr = dir.resolve("busy.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.start();
            spinForCpu(Duration.ofMillis(600));
            r.stop();
            r.dump(jfr);
        }
        Path svg = dir.resolve("busy.svg");
        Path summary = dir.resolve("busy.txt");
        JfrFlame.main(new String[] {
            jfr.toString(), svg.toString(), "--title", "busy <test>", "--summary", summary.toString(), "--top", "5"
        });

        String text = Files.readString(summary, StandardCharsets.UTF_8);
        assertThat(text).startsWith("busy <test> (").contains("Top frames by own samples:");
        String inclusive = text.substring(text.indexOf("inclusive"));
        assertThat(inclusive).contains(JfrFlameTest.class.getName() + ".spinForCpu");
        // A well-formed SVG (the title's markup escaped) with a frame for the busy method.
        assertThat(DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(svg.toFile())
                        .getDocumentElement()
                        .getTagName())
                .isEqualTo("svg");
        assertThat(Files.readString(svg)).contains("busy &lt;test&gt;").contains("spinForCpu (");
    }

    /** Computes until this thread has used {@code cpu} of processor time (however busy the machine is). */
    private static long spinForCpu(Duration cpu) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + cpu.toNanos();
        long x = 1;
        while (threads.getCurrentThreadCpuTime() < until) {
            for (int i = 0; i < 100_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        return x;
    }
}
