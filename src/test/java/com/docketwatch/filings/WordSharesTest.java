package com.docketwatch.filings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.docketwatch.support.TestDatabases;
import java.time.Clock;
import java.util.OptionalDouble;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How common a search's words are, read from the statistics ANALYZE keeps of the newest partitions, on a
 * real PostgreSQL migrated from {@code migrations/}: 2,000 entries of today, every one about a motion, one
 * in fifty about a walrus, one about a zebra.
 */
class WordSharesTest {
    static Jdbi jdbi;

    @BeforeAll
    static void migrate() {
        String url = TestDatabases.migrated();
        jdbi = Jdbi.create(url).installPlugin(new SqlObjectPlugin());
    }

    @Test
    void theLeastCommonWordBoundsTheShareAndAnAlternativeOrExclusionIsUnknown() {
        assertThat(atMost("motion")).as("before any entry is counted").isEmpty();
        jdbi.useHandle(h -> {
            h.execute("insert into courts (id, name, jurisdiction, timezone) values ('nd', 'N.D. Cal.', 'federal', "
                    + "'America/Los_Angeles')");
            long caseId = h.createQuery("insert into cases (court_id, docket_number, caption, filed_on, status, "
                            + "status_since) values ('nd', '4:24-cv-04722', 'Musk v. Altman', current_date, 'open', "
                            + "current_date) returning id")
                    .mapTo(Long.class)
                    .one();
            h.createUpdate("""
                            with k as (
                                insert into filing_keys (case_id, filed_on, kind)
                                select :c, current_date, 'order' from generate_series(1, 2000)
                                returning id)
                            insert into filings (id, case_id, filed_on, kind, title)
                            select id, :c, current_date, 'order',
                                   'Order on the motion' || case when id % 50 = 0 then ' of the walrus' else '' end
                            from k
                            """).bind("c", caseId).execute();
            h.execute("update filings set title = title || ' and a zebra' where id = (select min(id) from filings)");
            h.execute("analyze filings");
        });

        assertThat(atMost("motion")).hasValueCloseTo(1.0, within(0.001));
        assertThat(atMost("walrus")).hasValueCloseTo(0.02, within(0.001));
        assertThat(atMost("Walruses")).as("stemmed as the index is").hasValueCloseTo(0.02, within(0.001));
        double zebra = atMost("zebra").orElseThrow();
        assertThat(zebra).isGreaterThan(0).isLessThan(0.002);
        assertThat(atMost("motion zebra walrus")).hasValue(zebra);
        assertThat(atMost("\"order on the motion\"")).as("a phrase").hasValueCloseTo(1.0, within(0.001));
        assertThat(atMost("unwritten").orElseThrow())
                .as("a word no partition lists")
                .isLessThan(0.002);
        assertThat(atMost("walrus or zebra")).isEmpty();
        assertThat(atMost("motion -walrus")).isEmpty();
        assertThat(atMost("the of")).as("only stop words").isEmpty();
    }

    @Test
    void lexemesAreReadFromTheQueryTextUnlessItHasAlternativesOrExclusions() {
        assertThat(WordShares.lexemes("'case' <-> 'manag' <-> 'confer'")).containsExactly("case", "manag", "confer");
        assertThat(WordShares.lexemes("'o''brien' & 'motion' <2> 'dismiss'"))
                .containsExactly("o'brien", "motion", "dismiss");
        assertThat(WordShares.lexemes("'a|b' & 'c!'")).containsExactly("a|b", "c!");
        assertThat(WordShares.lexemes("'a' | 'b'")).isEmpty();
        assertThat(WordShares.lexemes("!'a' & 'b'")).isEmpty();
        assertThat(WordShares.lexemes("'a' & !'b'")).isEmpty();
        assertThat(WordShares.lexemes("")).isEmpty();
    }

    /** Fresh readers each time: the partitions' sizes and statistics are kept for minutes once read. */
    private static OptionalDouble atMost(String text) {
        return jdbi.withHandle(
                h -> new WordShares(Clock.systemUTC(), new FilingPartitions(jdbi, Clock.systemUTC()), 200_000)
                        .atMost(h.attach(FilingDao.class), text));
    }
}
