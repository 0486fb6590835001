package com.docketwatch.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.cases.CaseDao;
import com.docketwatch.cases.CaseDao.CaseQuery;
import com.docketwatch.cases.CaseSummary;
import com.docketwatch.filings.DateRange;
import com.docketwatch.filings.FilingDao;
import com.docketwatch.filings.FilingDao.FilingQuery;
import com.docketwatch.filings.FilingPartitions;
import com.docketwatch.filings.FilingView;
import com.docketwatch.hearings.HearingDao;
import com.docketwatch.hearings.HearingDao.HearingQuery;
import com.docketwatch.support.TestDatabases;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WHERE clauses {@link Filter} builds from the filters a request sent, run by the list and search
 * methods of CaseDao, FilingDao and HearingDao on a real PostgreSQL migrated from {@code migrations/}.
 * For every combination of filters (each absent or set, with two sets of values) the rows are those an
 * independent reading of the filters selects: dates after/before exclusive, since/from inclusive, to
 * exclusive, party and text matched case-insensitively as plain text (LIKE's wildcards taken
 * literally). Paging by the keyset cursor, two rows a page, returns each row once and in order, ties of
 * the sort date included.
 */
class FilterTest {
    static Jdbi jdbi;
    static FilingPartitions partitions;
    /** The connection the DAOs run on (planPerValue's test opens its own). */
    static Handle handle;

    static final List<Kase> CASES = new ArrayList<>();
    static final List<Entry> FILINGS = new ArrayList<>();
    static final List<Hearing> HEARINGS = new ArrayList<>();
    static Kase musk;
    static Kase doe;
    static Kase smith;
    static Kase acme;
    static Kase holdings;

    /** A seeded case as the filters see it. */
    record Kase(
            long id,
            String court,
            String docket,
            String caption,
            LocalDate filedOn,
            String status,
            Instant updatedAt,
            List<String> parties) {}

    /** A seeded filing ({@code description} blank when it has none). */
    record Entry(long id, Kase kase, String kind, LocalDate filedOn, String title, String description) {
        /** Whether the title or description holds {@code word}: the seeded texts have no other forms of it. */
        boolean says(String word) {
            return (title + " " + description).toLowerCase(Locale.ROOT).contains(word);
        }
    }

    /** A seeded hearing. */
    record Hearing(long id, Kase kase, Instant at, String status) {}

    @BeforeAll
    static void migrateAndSeed() {
        String url = TestDatabases.migrated();
        jdbi = Jdbi.create(url).installPlugin(new SqlObjectPlugin());
        partitions = new FilingPartitions(jdbi, java.time.Clock.systemUTC());
        for (Class<?> row : List.of(
                CaseSummary.class,
                FilingView.class,
                FilingDao.Match.class,
                FilingDao.Ranked.class,
                FilingDao.FeedRow.class,
                HearingDao.HearingRow.class,
                HearingDao.CalendarRow.class)) {
            jdbi.registerRowMapper(ConstructorMapper.factory(row));
        }
        jdbi.useHandle(h -> {
            h.execute("insert into courts (id, name, jurisdiction, timezone) values "
                    + "('nd', 'N.D. Cal.', 'federal', 'America/Los_Angeles'), "
                    + "('sd', 'S.D.N.Y.', 'federal', 'America/New_York')");
            musk = kase(
                    h,
                    "nd",
                    "4:24-cv-04722",
                    "Musk v. Altman",
                    "2024-08-05",
                    "open",
                    "2026-01-10T00:00:00Z",
                    "Elon Musk",
                    "OpenAI, Inc.",
                    "OpenAI Global, LLC");
            doe = kase(
                    h,
                    "nd",
                    "1:25-cv-00001",
                    "Doe v. Roe",
                    "2025-01-02",
                    "stayed",
                    "2026-01-20T00:00:00Z",
                    "Jane Doe",
                    "Richard Roe");
            smith = kase(
                    h,
                    "sd",
                    "1:23-cv-05000",
                    "Smith v. 100% Pure_Foods, Inc.",
                    "2023-05-01",
                    "open",
                    "2026-02-01T00:00:00Z",
                    "Smith",
                    "Pure Foods, Inc.");
            acme = kase(
                    h,
                    "sd",
                    "2:22-cv-01005",
                    "Acme Coffee Fund v. Lee",
                    "2022-11-11",
                    "closed",
                    "2026-01-15T00:00:00Z",
                    "OpenAI Startup Fund",
                    "Lee");
            holdings =
                    kase(h, "nd", "3:24-mc-00077", "In re A\\B Holdings", "2024-08-05", "open", "2026-01-10T00:00:00Z");

            filing(h, musk, "complaint", "2024-08-05", "Complaint", "Seeks an injunction against the conversion");
            filing(h, musk, "motion", "2024-11-29", "Motion for preliminary injunction", null);
            filing(h, musk, "order", "2025-03-04", "Order denying motion for preliminary injunction", null);
            filing(h, musk, "order", "2025-03-04", "Order setting a case management conference", null);
            filing(h, musk, "notice", "2025-03-04", "Notice of appearance", null);
            filing(h, doe, "complaint", "2025-01-02", "Complaint", null);
            filing(h, doe, "order", "2025-03-04", "Scheduling order", null);
            filing(h, smith, "complaint", "2023-05-01", "Complaint", "Mislabelled organic produce");
            filing(h, smith, "motion", "2023-06-01", "Motion to dismiss", null);
            filing(h, smith, "order", "2023-09-01", "Order granting motion to dismiss", null);
            filing(h, acme, "complaint", "2022-11-11", "Complaint", null);
            filing(h, acme, "judgment", "2023-01-05", "Judgment", null);

            hearing(h, musk, "2026-02-04T18:00:00Z", "scheduled");
            hearing(h, musk, "2026-02-04T18:00:00Z", "vacated");
            hearing(h, musk, "2026-03-01T17:00:00Z", "rescheduled");
            hearing(h, doe, "2026-02-04T18:00:00Z", "scheduled");
            hearing(h, smith, "2025-12-01T15:00:00Z", "held");
            hearing(h, acme, "2026-06-01T14:00:00Z", "scheduled");
            hearing(h, holdings, "2026-03-01T17:00:00Z", "scheduled");
        });
        handle = jdbi.open();
    }

    @AfterAll
    static void close() {
        handle.close();
    }

    // ---------------------------------------------------------------------------------------------
    // Filter itself

    @Test
    void onlyTheConditionsOfSentFiltersAreJoinedInTheOrderAdded() {
        assertThat(new Filter().where()).isEmpty();
        assertThat(new Filter()
                        .when(null, "a", "a = :a")
                        .when(false, "b = :b", "b", 1)
                        .where())
                .isEmpty();
        assertThat(new Filter()
                        .when("x", "a", "a = :a")
                        .always("c is null")
                        .when(true, "b = :b", "b", 1)
                        .where())
                .isEqualTo("where a = :a and c is null and b = :b");
    }

    @Test
    void containsLowerCasesAndEscapesLikeWildcards() {
        assertThat(Filter.contains(null)).isNull();
        assertThat(Filter.contains("Pure_Foods 100%")).isEqualTo("%pure\\_foods 100\\%%");
        assertThat(Filter.contains("A\\B")).isEqualTo("%a\\\\b%");
    }

    @Test
    void planPerValueNeverLetsPostgresqlKeepANamedStatement() {
        jdbi.useHandle(h -> {
            for (int i = 0; i < 10; i++) {
                byCourt(h, "/* generic plan */", false);
                byCourt(h, "/* plan per value */", true);
            }
            assertThat(namedStatements(h, "generic plan"))
                    .as("pgJDBC's default after 5 runs")
                    .isEqualTo(1);
            assertThat(namedStatements(h, "plan per value")).isZero();
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Cases

    @Test
    void everyCombinationOfCaseFiltersSelectsTheMatchingCasesInIdOrderAndPagesThroughThemOnce() {
        List<IntFunction<CaseQuery>> valueSets = List.of(
                bits -> new CaseQuery(
                        set(bits, 0, "open"),
                        set(bits, 1, "nd"),
                        set(bits, 2, "OPENAI"),
                        set(bits, 3, "v."),
                        set(bits, 4, date("2022-12-31")),
                        set(bits, 5, date("2025-01-01")),
                        set(bits, 6, Instant.parse("2026-01-15T00:00:00Z"))),
                bits -> new CaseQuery(
                        set(bits, 0, "closed"),
                        set(bits, 1, "sd"),
                        set(bits, 2, "lee"),
                        set(bits, 3, "01005"),
                        set(bits, 4, date("2022-11-10")),
                        set(bits, 5, date("2022-11-12")),
                        set(bits, 6, Instant.parse("2026-01-10T00:00:00Z"))));
        int combinations = 0;
        int nonEmpty = 0;
        for (IntFunction<CaseQuery> values : valueSets) {
            for (int bits = 0; bits < 1 << 7; bits++) {
                CaseQuery q = values.apply(bits);
                List<Long> expected =
                        CASES.stream().filter(k -> matches(q, k)).map(Kase::id).toList();
                assertThat(caseIds(q, null, 100)).as("%s", q).isEqualTo(expected);
                assertThat(pages(2, after -> caseIds(q, after, 2), id -> id))
                        .as("paged %s", q)
                        .isEqualTo(expected);
                combinations++;
                nonEmpty += expected.isEmpty() ? 0 : 1;
            }
        }
        assertThat(nonEmpty).as("combinations with rows, of %d", combinations).isGreaterThan(combinations / 2);
    }

    @Test
    void filedAfterAndBeforeExcludeTheDayItselfAndUpdatedSinceIncludesItsInstant() {
        assertThat(caseIds(new CaseQuery(null, null, null, null, date("2024-08-05"), null, null), null, 100))
                .containsExactly(doe.id());
        assertThat(caseIds(new CaseQuery(null, null, null, null, null, date("2024-08-05"), null), null, 100))
                .containsExactly(smith.id(), acme.id());
        assertThat(caseIds(new CaseQuery(null, null, null, null, null, null, acme.updatedAt()), null, 100))
                .containsExactly(doe.id(), smith.id(), acme.id());
    }

    @Test
    void partyAndTextTakeLikeWildcardsAndBackslashesLiterally() {
        assertThat(caseIds(text("100%"), null, 100)).as("%% is not a wildcard").containsExactly(smith.id());
        assertThat(caseIds(text("e_f"), null, 100))
                .as("_ is not a wildcard: 'coffEE Fund'")
                .containsExactly(smith.id());
        assertThat(caseIds(text("a\\b"), null, 100)).containsExactly(holdings.id());
        assertThat(caseIds(text("1:25-CV"), null, 100))
                .as("the docket number, any case")
                .containsExactly(doe.id());
        assertThat(caseIds(new CaseQuery(null, null, "s_f", null, null, null, null), null, 100))
                .isEmpty();
        assertThat(caseIds(new CaseQuery(null, null, "openai", null, null, null, null), null, 100))
                .as("a case with two matching parties is listed once")
                .containsExactly(musk.id(), acme.id());
    }

    @Test
    void theCaseCursorStartsStrictlyAfterItsIdEvenWhenThatCaseDoesNotMatch() {
        CaseQuery open = new CaseQuery("open", null, null, null, null, null, null);
        assertThat(caseIds(open, musk.id(), 100)).containsExactly(smith.id(), holdings.id());
        assertThat(caseIds(open, doe.id(), 100)).as("doe is stayed").containsExactly(smith.id(), holdings.id());
        assertThat(caseIds(open, holdings.id(), 100)).isEmpty();
        assertThat(caseIds(open, 0L, 1)).containsExactly(musk.id());
    }

    // ---------------------------------------------------------------------------------------------
    // Filings

    @Test
    void everyCombinationOfFilingFiltersSelectsTheMatchingFilingsNewestFirstAndPagesThroughThemOnce() {
        List<IntFunction<FilingQuery>> valueSets = List.of(
                bits -> new FilingQuery(
                        set(bits, 0, musk.id()),
                        set(bits, 1, "nd"),
                        set(bits, 2, "order"),
                        set(bits, 3, date("2024-08-05")),
                        set(bits, 4, date("2025-03-04"))),
                bits -> new FilingQuery(
                        set(bits, 0, smith.id()),
                        set(bits, 1, "sd"),
                        set(bits, 2, "complaint"),
                        set(bits, 3, date("2022-11-10")),
                        set(bits, 4, date("2023-06-01"))));
        for (IntFunction<FilingQuery> values : valueSets) {
            for (int bits = 0; bits < 1 << 5; bits++) {
                FilingQuery q = values.apply(bits);
                List<Long> expected = newestFirst(FILINGS.stream().filter(f -> matches(q, f)))
                        .map(Entry::id)
                        .toList();
                assertThat(filingIds(q, null, 100)).as("%s", q).isEqualTo(expected);
                assertThat(pages(2, after -> filingIds(q, after, 2), id -> id))
                        .as("paged %s", q)
                        .isEqualTo(expected);
                assertThat(feedIds(q, null)).as("feed %s", q).isEqualTo(expected);
            }
        }
    }

    @Test
    void theFilingCursorBreaksTiesOfTheDateByIdAndExcludesItsOwnRow() {
        List<Entry> sameDay = newestFirst(
                        FILINGS.stream().filter(f -> f.filedOn().equals(date("2025-03-04"))))
                .toList();
        assertThat(sameDay).hasSize(4);
        Entry second = sameDay.get(1);
        FilingQuery all = new FilingQuery(null, null, null, null, null);
        List<Long> after = filingIds(all, second.id(), 100);
        assertThat(after)
                .startsWith(sameDay.get(2).id(), sameDay.get(3).id())
                .doesNotContain(sameDay.get(0).id(), second.id())
                .hasSize(FILINGS.size() - 2);
    }

    @Test
    void aWordIsFoundInTitlesAndDescriptionsAndRecentAndIndexedMatchesAgreeUnderEveryFilter() {
        for (int bits = 0; bits < 1 << 5; bits++) {
            FilingQuery q = new FilingQuery(
                    set(bits, 0, musk.id()),
                    set(bits, 1, "nd"),
                    set(bits, 2, "order"),
                    set(bits, 3, date("2023-06-01")),
                    set(bits, 4, date("2025-03-05")));
            for (String word : List.of("motion", "injunction")) {
                List<Long> expected = newestFirst(FILINGS.stream().filter(f -> matches(q, f) && f.says(word)))
                        .map(Entry::id)
                        .toList();
                assertThat(matchIds(dao(FilingDao.class, d -> d.recentMatches(q, word, null, null, null, null))))
                        .as("recent %s %s", word, q)
                        .isEqualTo(expected);
                assertThat(matchIds(dao(FilingDao.class, d -> d.newest(q, word, DateRange.ALL, null, null, null))))
                        .as("indexed %s %s", word, q)
                        .isEqualTo(expected);
                assertThat(feedIds(q, word)).as("feed %s %s", word, q).isEqualTo(expected);
            }
        }
    }

    @Test
    void recentMatchesReadOnlyTheNewestBudgetEntriesAndStopAtTheWindow() {
        FilingQuery all = new FilingQuery(null, null, null, null, null);
        List<Entry> newest = newestFirst(FILINGS.stream()).toList();
        for (int budget = 1; budget <= FILINGS.size(); budget++) {
            List<Long> expected = newest.subList(0, budget).stream()
                    .filter(f -> f.says("motion"))
                    .map(Entry::id)
                    .toList();
            int b = budget;
            assertThat(matchIds(dao(FilingDao.class, d -> d.recentMatches(all, "motion", null, null, b, null))))
                    .as("budget %d", budget)
                    .isEqualTo(expected);
        }
        List<Long> motions =
                newest.stream().filter(f -> f.says("motion")).map(Entry::id).toList();
        assertThat(matchIds(dao(FilingDao.class, d -> d.recentMatches(all, "motion", null, null, null, 2))))
                .isEqualTo(motions.subList(0, 2));
        assertThat(matchIds(dao(FilingDao.class, d -> d.newest(all, "motion", DateRange.ALL, null, null, 2))))
                .isEqualTo(motions.subList(0, 2));
    }

    @Test
    void aFloorKeepsTheEntriesAtOrAboveItInDateOrder() {
        FilingQuery all = new FilingQuery(null, null, null, null, null);
        List<Entry> motions =
                newestFirst(FILINGS.stream().filter(f -> f.says("motion"))).toList();
        for (int i = 0; i < motions.size(); i++) {
            Entry floor = motions.get(i);
            List<Long> expected =
                    motions.subList(0, i + 1).stream().map(Entry::id).toList();
            assertThat(matchIds(dao(
                            FilingDao.class,
                            d -> d.recentMatches(all, "motion", floor.filedOn(), keyset(floor), null, null))))
                    .as("recent, floor %s", floor.title())
                    .isEqualTo(expected);
            assertThat(matchIds(dao(
                            FilingDao.class, d -> d.newest(all, "motion", DateRange.ALL, null, keyset(floor), null))))
                    .as("indexed, floor %s", floor.title())
                    .isEqualTo(expected);
        }
    }

    @Test
    void rankPutsTitleMatchesAboveDescriptionMatchesAndItsCursorPagesThroughThemOnce() {
        long[] ids = FILINGS.stream()
                .filter(f -> f.says("injunction"))
                .mapToLong(Entry::id)
                .toArray();
        List<FilingDao.Ranked> ranked = ranked(ids, null, 100);
        assertThat(ranked)
                .extracting(r -> Long.parseLong(r.id()))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ids).boxed().toList());
        assertThat(ranked.get(ranked.size() - 1).title())
                .as("found in its description only")
                .isEqualTo("Complaint");
        assertThat(ranked)
                .isSortedAccordingTo(Comparator.comparing(FilingDao.Ranked::rank)
                        .reversed()
                        .thenComparing(r -> Long.parseLong(r.id()), Comparator.reverseOrder()));

        List<String> paged = new ArrayList<>();
        FilingDao.Ranked last = null;
        for (int i = 0; i <= ids.length; i++) {
            FilingDao.Ranked after = last;
            List<FilingDao.Ranked> page = ranked(ids, after, 1);
            if (page.isEmpty()) {
                break;
            }
            last = page.get(0);
            paged.add(last.id());
        }
        assertThat(paged).isEqualTo(ranked.stream().map(FilingDao.Ranked::id).toList());
        long[] others = FILINGS.stream()
                .filter(f -> !f.says("injunction"))
                .mapToLong(Entry::id)
                .toArray();
        assertThat(ranked(others, null, 100))
                .as("only the given ids")
                .extracting(r -> Long.parseLong(r.id()))
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(others).boxed().toList());
    }

    // ---------------------------------------------------------------------------------------------
    // Hearings

    @Test
    void everyCombinationOfHearingFiltersSelectsTheMatchingHearingsInTimeOrderAndPagesThroughThemOnce() {
        List<IntFunction<HearingQuery>> valueSets = List.of(
                bits -> new HearingQuery(
                        set(bits, 0, musk.id()),
                        set(bits, 1, "nd"),
                        set(bits, 2, "scheduled"),
                        set(bits, 3, Instant.parse("2026-02-04T18:00:00Z")),
                        set(bits, 4, Instant.parse("2026-03-01T17:00:00Z"))),
                bits -> new HearingQuery(
                        set(bits, 0, smith.id()),
                        set(bits, 1, "sd"),
                        set(bits, 2, "held"),
                        set(bits, 3, Instant.parse("2025-12-01T15:00:00Z")),
                        set(bits, 4, Instant.parse("2026-06-01T14:00:01Z"))));
        for (IntFunction<HearingQuery> values : valueSets) {
            for (int bits = 0; bits < 1 << 5; bits++) {
                HearingQuery q = values.apply(bits);
                List<Long> expected = HEARINGS.stream()
                        .filter(h -> matches(q, h))
                        .sorted(Comparator.comparing(Hearing::at).thenComparing(Hearing::id))
                        .map(Hearing::id)
                        .toList();
                assertThat(hearingIds(q, null, 100)).as("%s", q).isEqualTo(expected);
                assertThat(pages(2, after -> hearingIds(q, after, 2), id -> id))
                        .as("paged %s", q)
                        .isEqualTo(expected);
                assertThat(calendarIds(q, 100)).as("calendar %s", q).isEqualTo(expected);
                assertThat(calendarIds(q, 2))
                        .as("the latest two of the calendar %s", q)
                        .isEqualTo(expected.subList(Math.max(0, expected.size() - 2), expected.size()));
            }
        }
    }

    @Test
    void fromIncludesItsInstantToExcludesItsAndTheCursorBreaksTiesById() {
        Instant at = Instant.parse("2026-02-04T18:00:00Z");
        HearingQuery all = new HearingQuery(null, null, null, null, null);
        List<Hearing> tied = HEARINGS.stream()
                .filter(h -> h.at().equals(at))
                .sorted(Comparator.comparing(Hearing::id))
                .toList();
        assertThat(tied).hasSize(3);
        assertThat(hearingIds(new HearingQuery(null, null, null, at, at), null, 100))
                .isEmpty();
        assertThat(hearingIds(new HearingQuery(null, null, null, at, at.plusSeconds(1)), null, 100))
                .isEqualTo(tied.stream().map(Hearing::id).toList());
        List<Long> afterFirst = hearingIds(all, tied.get(0).id(), 100);
        assertThat(afterFirst)
                .startsWith(tied.get(1).id(), tied.get(2).id())
                .doesNotContain(tied.get(0).id());
    }

    // ---------------------------------------------------------------------------------------------
    // The independent reading of each filter

    static boolean matches(CaseQuery q, Kase k) {
        return (q.status() == null || k.status().equals(q.status()))
                && (q.court() == null || k.court().equals(q.court()))
                && (q.party() == null || k.parties().stream().anyMatch(p -> lower(p).contains(lower(q.party()))))
                && (q.text() == null || lower(k.caption() + " " + k.docket()).contains(lower(q.text())))
                && (q.filedAfter() == null || k.filedOn().isAfter(q.filedAfter()))
                && (q.filedBefore() == null || k.filedOn().isBefore(q.filedBefore()))
                && (q.updatedSince() == null || !k.updatedAt().isBefore(q.updatedSince()));
    }

    static boolean matches(FilingQuery q, Entry f) {
        return (q.caseId() == null || f.kase().id() == q.caseId())
                && (q.court() == null || f.kase().court().equals(q.court()))
                && (q.kind() == null || f.kind().equals(q.kind()))
                && (q.filedAfter() == null || f.filedOn().isAfter(q.filedAfter()))
                && (q.filedBefore() == null || f.filedOn().isBefore(q.filedBefore()));
    }

    static boolean matches(HearingQuery q, Hearing h) {
        return (q.caseId() == null || h.kase().id() == q.caseId())
                && (q.court() == null || h.kase().court().equals(q.court()))
                && (q.status() == null || h.status().equals(q.status()))
                && (q.from() == null || !h.at().isBefore(q.from()))
                && (q.to() == null || h.at().isBefore(q.to()));
    }

    // ---------------------------------------------------------------------------------------------

    /** {@code value} when bit {@code i} of {@code bits} is set, else null (the filter not sent). */
    static <T> T set(int bits, int i, T value) {
        return (bits & (1 << i)) != 0 ? value : null;
    }

    /** Every page of {@code limit} rows, each read after the last id of the one before, until a short page. */
    static <T> List<T> pages(int limit, Function<Long, List<T>> page, Function<T, Long> idOf) {
        List<T> all = new ArrayList<>();
        Long after = null;
        while (true) {
            List<T> rows = page.apply(after);
            assertThat(rows.size()).isLessThanOrEqualTo(limit);
            all.addAll(rows);
            if (rows.size() < limit) {
                return all;
            }
            after = idOf.apply(rows.get(rows.size() - 1));
        }
    }

    static List<Long> caseIds(CaseQuery q, Long afterId, int limit) {
        return ids(dao(CaseDao.class, d -> CaseDao.list(d.getHandle(), q, afterId, limit)), CaseSummary::id);
    }

    static List<Long> hearingIds(HearingQuery q, Long afterId, int limit) {
        Instant afterAt = afterId == null
                ? null
                : HEARINGS.stream()
                        .filter(h -> h.id() == afterId)
                        .findFirst()
                        .map(Hearing::at)
                        .orElseThrow();
        return HearingDao.list(handle, q, afterAt, afterId, limit).stream()
                .map(HearingDao.HearingRow::id)
                .toList();
    }

    /** The filings after the keyset cursor of filing {@code afterId} (its date and id), newest first. */
    static List<Long> filingIds(FilingQuery q, Long afterId, int limit) {
        FilingDao.Keyset before = afterId == null ? null : keyset(entry(afterId));
        return ids(dao(FilingDao.class, d -> d.rows(partitions.newest(d, q, null, before, limit))), FilingView::id);
    }

    static List<Long> feedIds(FilingQuery q, String text) {
        List<FilingDao.FeedRow> rows = dao(FilingDao.class, d -> d.feed(partitions.newest(d, q, text, null, 100)));
        return rows.stream().map(FilingDao.FeedRow::id).toList();
    }

    static FilingDao.Keyset keyset(Entry e) {
        return new FilingDao.Keyset(e.filedOn(), e.id());
    }

    /** The ranking of {@code ids} for "injunction", after the cursor of the {@code after} row. */
    static List<FilingDao.Ranked> ranked(long[] ids, FilingDao.Ranked after, int limit) {
        Float afterRank = after == null ? null : after.rank();
        Long afterId = after == null ? null : Long.parseLong(after.id());
        List<FilingDao.Match> matches = Arrays.stream(ids)
                .mapToObj(id -> new FilingDao.Match(id, entry(id).filedOn()))
                .toList();
        return dao(FilingDao.class, d -> d.rank(matches, "injunction", afterRank, afterId, limit));
    }

    static List<Long> calendarIds(HearingQuery q, int limit) {
        List<HearingDao.CalendarRow> rows = dao(HearingDao.class, d -> d.calendar(q, limit));
        return rows.stream().map(HearingDao.CalendarRow::id).toList();
    }

    static List<Long> matchIds(List<FilingDao.Match> matches) {
        return matches.stream().map(FilingDao.Match::id).toList();
    }

    static <T> List<Long> ids(List<T> rows, Function<T, String> id) {
        return rows.stream().map(r -> Long.parseLong(id.apply(r))).toList();
    }

    static <D, R> R dao(Class<D> type, Function<D, R> call) {
        return call.apply(handle.attach(type));
    }

    static java.util.stream.Stream<Entry> newestFirst(java.util.stream.Stream<Entry> entries) {
        return entries.sorted(
                Comparator.comparing(Entry::filedOn).thenComparing(Entry::id).reversed());
    }

    static Entry entry(long id) {
        return FILINGS.stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    static CaseQuery text(String text) {
        return new CaseQuery(null, null, null, text, null, null, null);
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static void byCourt(Handle h, String marker, boolean planPerValue) {
        Filter f = new Filter().when("nd", "court", "court_id = :court");
        if (planPerValue) {
            f.planPerValue();
        }
        assertThat(f.query(h, "select " + marker + " id from cases <where>")
                        .mapTo(Long.class)
                        .list())
                .hasSize(3);
    }

    static long namedStatements(Handle h, String marker) {
        return h.createQuery("select count(*) from pg_prepared_statements where statement like :m")
                .bind("m", "%" + marker + "%")
                .mapTo(Long.class)
                .one();
    }

    static Kase kase(
            Handle h,
            String court,
            String docket,
            String caption,
            String filedOn,
            String status,
            String updatedAt,
            String... parties) {
        long id = h.createQuery("insert into cases (court_id, docket_number, caption, filed_on, status, status_since, "
                        + "updated_at) values (:court, :docket, :caption, :filedOn, :status, :filedOn, :updatedAt) "
                        + "returning id")
                .bind("court", court)
                .bind("docket", docket)
                .bind("caption", caption)
                .bind("filedOn", date(filedOn))
                .bind("status", status)
                .bind("updatedAt", Instant.parse(updatedAt))
                .mapTo(Long.class)
                .one();
        for (String party : parties) {
            h.createUpdate("insert into parties (case_id, name, role) values (:id, :name, 'defendant')")
                    .bind("id", id)
                    .bind("name", party)
                    .execute();
        }
        Kase k =
                new Kase(id, court, docket, caption, date(filedOn), status, Instant.parse(updatedAt), List.of(parties));
        CASES.add(k);
        return k;
    }

    static void filing(Handle h, Kase kase, String kind, String filedOn, String title, String description) {
        long id = Long.parseLong(h.attach(FilingDao.class)
                .insert(kase.id(), null, date(filedOn), kind, title, description, null, null)
                .id());
        FILINGS.add(new Entry(id, kase, kind, date(filedOn), title, description == null ? "" : description));
    }

    static void hearing(Handle h, Kase kase, String at, String status) {
        long id = h.createQuery("insert into hearings (case_id, kind, scheduled_at, status) "
                        + "values (:caseId, 'motion_hearing', :at, :status) returning id")
                .bind("caseId", kase.id())
                .bind("at", Instant.parse(at))
                .bind("status", status)
                .mapTo(Long.class)
                .one();
        HEARINGS.add(new Hearing(id, kase, Instant.parse(at), status));
    }
}
