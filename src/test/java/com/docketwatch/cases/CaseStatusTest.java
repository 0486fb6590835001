package com.docketwatch.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseStatusTest {
    /** The table of API.md, written out pair by pair. */
    private static final List<String> ALLOWED = List.of(
            "open>stayed",
            "open>dismissed",
            "open>voluntarily_dismissed",
            "open>settled",
            "open>judgment_entered",
            "open>transferred",
            "open>closed",
            "stayed>open",
            "stayed>dismissed",
            "stayed>voluntarily_dismissed",
            "stayed>settled",
            "stayed>closed",
            "dismissed>on_appeal",
            "dismissed>closed",
            "dismissed>open",
            "voluntarily_dismissed>on_appeal",
            "voluntarily_dismissed>closed",
            "voluntarily_dismissed>open",
            "settled>on_appeal",
            "settled>closed",
            "settled>open",
            "judgment_entered>on_appeal",
            "judgment_entered>closed",
            "judgment_entered>open",
            "on_appeal>open",
            "on_appeal>closed",
            "transferred>closed",
            "closed>open");

    @Test
    void everyPairFollowsTheContractTable() {
        Set<String> allowed = new HashSet<>(ALLOWED);
        for (String from : CaseStatus.ALL) {
            for (String to : CaseStatus.ALL) {
                assertThat(CaseStatus.allowed(from, to))
                        .as(from + " -> " + to)
                        .isEqualTo(allowed.contains(from + ">" + to));
            }
        }
    }

    @Test
    void reopeningAnEndedCaseNeedsAReasonButLiftingAStayDoesNot() {
        for (String from :
                List.of("dismissed", "voluntarily_dismissed", "settled", "judgment_entered", "on_appeal", "closed")) {
            assertThat(CaseStatus.reopeningNeedsReason(from, "open")).as(from).isTrue();
        }
        assertThat(CaseStatus.reopeningNeedsReason("stayed", "open")).isFalse();
        assertThat(CaseStatus.reopeningNeedsReason("open", "closed")).isFalse();
    }
}
