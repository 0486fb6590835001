package com.docketwatch.courtdates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Scores the reader on the hand-labelled development set the way score-dates.mjs does and holds it to the targets
 * set for the held-out set, when the shared fixtures are beside the project.
 */
class DevSetScoreTest {
    private static final double HEARING_PRECISION = 0.95;
    private static final double HEARING_RECALL = 0.90;
    private static final double DEADLINE_PRECISION = 0.90;
    private static final double DEADLINE_RECALL = 0.80;

    /** One test when the shared fixtures are beside the project, none otherwise (a plain clone skips nothing). */
    @TestFactory
    Stream<DynamicTest> meetsTheTargetsOnTheDevelopmentSet() {
        return DevSet.locate().stream().map(file -> DynamicTest.dynamicTest("dev set " + file, () -> score(file)));
    }

    private static void score(Path devSet) {
        CourtDateReader reader = new CourtDateReader();
        Scorer scorer = new Scorer();
        for (DevSet.LabelledEntry entry : DevSet.read(devSet)) {
            scorer.add(
                    entry.source(),
                    entry.labels(),
                    reader.read(entry.text(), entry.entryDate()).stream()
                            .map(Scorer.Item::of)
                            .toList());
        }
        System.out.println("dev set " + devSet + "\n" + scorer.table());
        scorer.misses.forEach(miss -> System.out.println(
                miss.source() + "\n   missed     " + miss.missed() + "\n   unexpected " + miss.unexpected()));

        assertThat(scorer.hearings.precision()).isGreaterThanOrEqualTo(HEARING_PRECISION);
        assertThat(scorer.hearings.recall()).isGreaterThanOrEqualTo(HEARING_RECALL);
        assertThat(scorer.deadlines.precision()).isGreaterThanOrEqualTo(DEADLINE_PRECISION);
        assertThat(scorer.deadlines.recall()).isGreaterThanOrEqualTo(DEADLINE_RECALL);
    }
}
