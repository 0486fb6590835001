package com.docketwatch.filings;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.filings.FilingDao.FilingQuery;
import com.docketwatch.filings.FilingDao.Match;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.support.TestDatabases;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A search with no dates of its own walks the partitions newest first through statements planned once per
 * connection (a generic plan, the range's bounds written in), and finds exactly what the statement planned
 * for each text finds: on a real PostgreSQL migrated from {@code migrations/}, entries of two courts spread
 * over ten years of monthly and yearly partitions.
 */
class SearchRangesTest {
    static Jdbi jdbi;
    static final int[] MONTHS_AGO = {0, 1, 2, 4, 9, 15, 26, 40, 70, 119};

    @BeforeAll
    static void migrateAndFill() {
        jdbi = Daos.configure(Jdbi.create(TestDatabases.migrated()).installPlugin(new SqlObjectPlugin()));
        jdbi.useHandle(h -> {
            h.execute("insert into courts (id, name, jurisdiction, timezone) values "
                    + "('nd', 'N.D. Cal.', 'federal', 'America/Los_Angeles'), "
                    + "('sd', 'S.D.N.Y.', 'federal', 'America/New_York')");
            for (String court : List.of("nd", "sd")) {
                long caseId = h.createQuery("insert into cases (court_id, docket_number, caption, filed_on, status, "
                                + "status_since) values (:court, '4:24-cv-04722', 'Musk v. Altman', current_date "
                                + "- interval '12 years', 'open', current_date) returning id")
                        .bind("court", court)
                        .mapTo(Long.class)
                        .one();
                for (int ago : MONTHS_AGO) {
                    h.createUpdate("""
                                    with k as (
                                        insert into filing_keys (case_id, filed_on, kind)
                                        select :c, current_date - make_interval(months => :ago, days => n),
                                               case when n % 2 = 0 then 'motion' else 'order' end
                                        from generate_series(0, 5) n
                                        returning id, filed_on, kind)
                                    insert into filings (id, case_id, filed_on, kind, title)
                                    select id, :c, filed_on, kind,
                                           'Order on the motion' || case when id % 3 = 0 then ' of the walrus' else '' end
                                    from k
                                    """).bind("c", caseId).bind("ago", ago).execute();
                }
            }
            h.execute("analyze filings");
        });
    }

    @Test
    void theWalkPlannedOnceFindsWhatPlanningEachTextFinds() {
        jdbi.useHandle(h -> {
            FilingDao dao = h.attach(FilingDao.class);
            FilingPartitions partitions = new FilingPartitions(jdbi, Clock.systemUTC());
            FilingQuery all = new FilingQuery(null, null, null, null, null);
            FilingQuery sd = new FilingQuery(null, "sd", null, null, null);
            FilingQuery orders = new FilingQuery(null, null, "order", null, null);
            FilingQuery motions = new FilingQuery(null, "nd", "motion", null, null);
            assertThat(partitions.newestFirst(dao, DateRange.ALL))
                    .as("the entries span several ranges")
                    .hasSizeGreaterThan(4);
            for (int pass = 1; pass <= 2; pass++) {
                for (FilingQuery q : List.of(all, sd, orders, motions)) {
                    for (String text : List.of("walrus", "motion", "zebra")) {
                        for (int limit : new int[] {3, 200}) {
                            List<Match> planned = partitions.newest(dao, q, text, null, limit);
                            List<Match> each = dao.newest(q, text, DateRange.ALL, null, null, limit);
                            assertThat(planned).as(q + " " + text + " " + limit).isEqualTo(each);
                        }
                    }
                }
            }
            List<Match> walrus = partitions.newest(dao, all, "walrus", null, 200);
            assertThat(walrus).hasSize(2 * MONTHS_AGO.length * 2);
            assertThat(walrus.get(walrus.size() - 1).filedOn())
                    .isBefore(LocalDate.now().minusYears(9));
            assertThat(partitions.newest(dao, sd, "zebra", null, 200)).isEmpty();
            List<Match> walrusOrders = partitions.newest(dao, orders, "walrus", null, 200);
            List<Match> walrusMotionsNd = partitions.newest(dao, motions, "walrus", null, 200);
            assertThat(walrusOrders).isNotEmpty().hasSizeLessThan(walrus.size());
            assertThat(walrusMotionsNd).isNotEmpty().hasSizeLessThan(walrus.size() - walrusOrders.size());

            assertThat(h.createQuery("show plan_cache_mode").mapTo(String.class).one())
                    .as("the connection's default is back")
                    .isEqualTo("auto");
            List<Map<String, Object>> prepared = prepared(h);
            assertThat(prepared)
                    .as("one statement a range and filter, prepared on the server")
                    .hasSizeGreaterThan(4);
            assertThat(prepared).allSatisfy(p -> {
                assertThat((Long) p.get("custom_plans")).as(p.toString()).isZero();
                assertThat((Long) p.get("generic_plans")).as(p.toString()).isGreaterThanOrEqualTo(2);
            });
        });
    }

    @Test
    void aDocketReadPlannedOnceFindsWhatPlanningEachTextFinds() {
        jdbi.useHandle(h -> {
            FilingDao dao = h.attach(FilingDao.class);
            long caseId = h.createQuery("select id from cases where court_id = 'sd'")
                    .mapTo(Long.class)
                    .one();
            for (int pass = 1; pass <= 2; pass++) {
                for (String kind : new String[] {null, "motion"}) {
                    FilingQuery q = new FilingQuery(caseId, null, kind, null, null);
                    for (String text : List.of("walrus", "motion", "zebra")) {
                        for (int window : new int[] {3, 200}) {
                            List<Match> planned = dao.plannedOnce(() -> dao.docketMatches(q, text, 10_000, window));
                            List<Match> each = dao.recentMatches(q, text, null, null, 10_000, window);
                            assertThat(planned)
                                    .as(q + " " + text + " " + window)
                                    .isEqualTo(each);
                            if (!text.equals("zebra")) {
                                assertThat(planned).isNotEmpty();
                            }
                        }
                    }
                }
            }
            List<Map<String, Object>> prepared = h.createQuery(
                            "select statement, generic_plans, custom_plans from pg_prepared_statements "
                                    + "where statement like '%planned once%'")
                    .mapToMap()
                    .list();
            assertThat(prepared).as("the docket read with and without a kind").hasSize(2);
            assertThat(prepared).allSatisfy(p -> {
                assertThat((Long) p.get("custom_plans")).as(p.toString()).isZero();
                assertThat((Long) p.get("generic_plans")).as(p.toString()).isGreaterThanOrEqualTo(12);
            });
        });
    }

    @Test
    void searchDatesOfItsOwnAreBoundAndPlannedPerText() {
        jdbi.useHandle(h -> {
            FilingDao dao = h.attach(FilingDao.class);
            FilingPartitions partitions = new FilingPartitions(jdbi, Clock.systemUTC());
            FilingQuery recent =
                    new FilingQuery(null, null, null, LocalDate.now().minusYears(2), null);
            List<Match> found = partitions.newest(dao, recent, "walrus", null, 200);
            assertThat(found).isEqualTo(dao.newest(recent, "walrus", DateRange.ALL, null, null, 200));
            assertThat(found)
                    .allSatisfy(
                            m -> assertThat(m.filedOn()).isAfter(LocalDate.now().minusYears(2)));
            assertThat(prepared(h))
                    .as("nothing prepared with a date of the request in its text")
                    .isEmpty();
        });
    }

    /** The full-text statements prepared on this connection, with how often each was planned generically. */
    private static List<Map<String, Object>> prepared(Handle h) {
        return h.createQuery("select statement, generic_plans, custom_plans from pg_prepared_statements "
                        + "where statement like '%websearch_to_tsquery%' and statement like '%date ''%'")
                .mapToMap()
                .list();
    }
}
