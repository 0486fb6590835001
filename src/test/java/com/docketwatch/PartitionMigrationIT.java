package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Db;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.TestApp;
import com.docketwatch.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V15 on a database the previous release made: the schema at V14 (Flyway, target 14) with docket entries
 * from the year 1850 to 2300, entry numbers, source keys and every kind of reference to a filing, then the
 * service starts on it and migrates. Entries, ids, references, the unique keys, the id sequence and search
 * results (the same ranking and window as V14's own SQL gave) survive.
 */
@DocketWatchIT
class PartitionMigrationIT {
    static final String URL = TestDatabases.fresh();
    /** What V14 held, read before the migration: every filing's columns, search results, the last id given. */
    static final Map<Long, Map<String, Object>> BEFORE = new LinkedHashMap<>();

    /** The columns of a filing that must survive as they were (search, a generated column, is compared by results). */
    static final List<String> COLUMNS = List.of(
            "id",
            "case_id",
            "entry_number",
            "filed_on",
            "kind",
            "title",
            "description",
            "filed_by",
            "created_at",
            "date_entered",
            "pacer_seq_no",
            "source_key");

    static final Map<String, List<Long>> SEARCHES = new LinkedHashMap<>();
    static long burnedId;

    static {
        Flyway.configure()
                .dataSource(URL, null, null)
                .locations("filesystem:" + TestApp.projectFile("migrations"))
                .target("14")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(URL);
                Statement s = c.createStatement()) {
            s.execute("""
                    insert into courts (id, name, jurisdiction, timezone)
                    values ('mig', 'Migration Court', 'federal', 'America/New_York'),
                           ('mig2', 'Second Migration Court', 'federal', 'America/Chicago');
                    insert into cases (court_id, docket_number, caption, filed_on, status, status_since)
                    select case when g <= 3 then 'mig' else 'mig2' end, 'mig-' || g, 'Case ' || g, '2020-01-01',
                           'open', '2020-01-01'
                    from generate_series(1, 5) g;
                    insert into parties (case_id, name, role) select id, 'Party of ' || id, 'plaintiff' from cases;
                    """);
            // 330 entries over five cases from 1850 to 2300, most of them in the last two years: some say
            // "injunction" (rare), most "motion" (more than a search window), in titles or descriptions.
            s.execute("""
                    insert into filings (case_id, entry_number, filed_on, kind, title, description, filed_by,
                                         source_key, pacer_seq_no, date_entered)
                    select c.id, n,
                           case when n = 1 then date '1850-03-01'
                                when n = 2 then date '1999-12-31'
                                when n = 3 then date '2005-06-15'
                                when n = 4 then date '2300-01-01'
                                when n = 5 then current_date + 400
                                else current_date - (n * 7 + c.id)::int end,
                           (array['motion', 'order', 'notice'])[1 + n % 3],
                           case when n % 11 = 0 then 'Order on the motion for a preliminary injunction ' || n
                                when n % 5 = 0 then 'Notice of appearance ' || n
                                else 'Motion to compel ' || n end,
                           case when n % 13 = 0 then 'Asks for an injunction' else 'Filed by counsel' end,
                           (select p.id from parties p where p.case_id = c.id),
                           case when n % 4 = 0 then null else 'n:' || n end,
                           case when n % 4 = 0 then 's:' || n end,
                           current_date
                    from cases c, generate_series(1, 66) n;
                    insert into claims (case_id, title, status) select id, 'Claim of ' || id, 'pending' from cases;
                    insert into claim_history (claim_id, status, filing_id)
                    select cl.id, 'pending', f.id from claims cl join filings f on f.case_id = cl.case_id and f.entry_number = 1;
                    insert into status_changes (case_id, from_status, status, effective_on, filing_id)
                    select case_id, 'open', 'closed', filed_on, id from filings where entry_number = 2;
                    insert into hearings (case_id, kind, scheduled_at, status, origin, source_filing_id)
                    select case_id, 'motion_hearing', now() + interval '30 days', 'scheduled', 'docket', id
                    from filings where entry_number = 3;
                    insert into hearing_history (hearing_id, action, scheduled_at, source_filing_id)
                    select id, 'scheduled', scheduled_at, source_filing_id from hearings;
                    """);
            // An id taken by an insert that rolled back is never given again.
            c.setAutoCommit(false);
            try (ResultSet rs = s.executeQuery("insert into filings (case_id, filed_on, kind, title) "
                    + "select min(id), current_date, 'notice', 'Rolled back' from cases returning id")) {
                rs.next();
                burnedId = rs.getLong(1);
            }
            c.rollback();
            c.setAutoCommit(true);
            try (ResultSet rs = s.executeQuery("select * from filings order by id")) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (String col : COLUMNS) {
                        row.put(col, String.valueOf(rs.getObject(col)));
                    }
                    BEFORE.put(rs.getLong("id"), row);
                }
            }
            for (String q : List.of("injunction", "motion", "\"preliminary injunction\"", "compel -injunction")) {
                SEARCHES.put(q, v14Search(s, q));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** V14's answer to a search, as FilingService ranked it: the newest 200 matches, by rank then newest id. */
    static List<Long> v14Search(Statement s, String q) throws SQLException {
        List<Long> ids = new ArrayList<>();
        String tsq = "websearch_to_tsquery('english', '" + q.replace("'", "''") + "')";
        try (ResultSet rs = s.executeQuery("select w.id from (select f.id, f.search from filings f where f.search @@ "
                + tsq + " order by f.filed_on desc, f.id desc limit 200) w order by ts_rank(w.search, " + tsq
                + ") desc, w.id desc")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create(URL);

    @Client
    static Api api;

    @Client
    static Db db;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    @Test
    void everyEntryKeepsItsIdAndColumnsInThePartitionOfItsDate() {
        assertThat(db.count("select count(*) from flyway_schema_history where success and version = '15'"))
                .isEqualTo(1);
        // Only V14's entries: another test adds one.
        long last = BEFORE.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        Map<Long, Map<String, Object>> after = new LinkedHashMap<>();
        for (Map<String, Object> r : db.rows("select * from filings where id <= ? order by id", last)) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String col : COLUMNS) {
                row.put(col, String.valueOf(r.get(col)));
            }
            after.put(((Number) r.get("id")).longValue(), row);
        }
        assertThat(after).isEqualTo(BEFORE);
        assertThat(db.count("select count(*) from filing_keys where id <= ?", last))
                .isEqualTo(330);
        assertThat(db.count("""
                        select count(*) from filings f join filing_keys k using (id)
                        where f.id <= ? and k.case_id = f.case_id and k.filed_on = f.filed_on and k.kind = f.kind
                          and k.entry_number is not distinct from f.entry_number
                          and k.source_key is not distinct from f.source_key""", last)).isEqualTo(330);
        assertThat(partitionOf("1850-03-01")).isEqualTo("filings_old");
        assertThat(partitionOf("2005-06-15")).isEqualTo("filings_2005");
        assertThat(partitionOf("2300-01-01")).isEqualTo("filings_default");
        // Entry 6 of the first case: 43 days ago, in a monthly partition.
        LocalDate recent = LocalDate.now().minusDays(43);
        assertThat(partitionOf(recent.toString()))
                .isEqualTo(String.format("filings_%d_%02d", recent.getYear(), recent.getMonthValue()));
    }

    @Test
    void everyEntryCarriesItsCasesCourtAndASearchByCourtFindsExactlyThoseEntries() {
        assertThat(db.count("select count(*) from flyway_schema_history where success and version = '17'"))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from filings")).isGreaterThanOrEqualTo(330);
        assertThat(db.count("""
                        select count(*) from filings f join cases c on c.id = f.case_id
                        where f.court_id is distinct from c.court_id""")).isZero();
        for (String court : List.of("mig", "mig2")) {
            List<Long> expected = db.rows("""
                            select f.id from filings f join cases c on c.id = f.case_id
                            where c.court_id = ? and f.search @@ websearch_to_tsquery('english', 'injunction')
                            order by f.id""", court).stream()
                    .map(r -> ((Number) r.get("id")).longValue())
                    .toList();
            assertThat(expected).as("injunctions in %s", court).isNotEmpty();
            assertThat(searchIds("injunction", "&court=" + court).stream()
                            .sorted()
                            .toList())
                    .as("court %s", court)
                    .isEqualTo(expected);
        }
    }

    @Test
    void referencesToFilingsPointAtTheirKeysAndStillHold() {
        List<Map<String, Object>> fks = db.rows("""
                select conrelid::regclass::text as tbl, confrelid::regclass::text as target from pg_constraint
                where contype = 'f' and conname in ('claim_history_filing_id_fkey', 'status_changes_filing_id_fkey',
                    'hearings_source_filing_id_fkey', 'hearing_history_source_filing_id_fkey')
                order by 1""");
        assertThat(fks)
                .extracting(r -> r.get("tbl") + "->" + r.get("target"))
                .containsExactly(
                        "claim_history->filing_keys",
                        "hearing_history->filing_keys",
                        "hearings->filing_keys",
                        "status_changes->filing_keys");
        assertThat(db.count("select count(*) from claim_history h join filings f on f.id = h.filing_id"))
                .isEqualTo(5);
        assertThat(db.count("select count(*) from hearing_history h join filings f on f.id = h.source_filing_id"))
                .isEqualTo(5);
        long cited = db.count("select min(filing_id) from status_changes");
        assertThatThrownBy(() -> db.update("delete from filing_keys where id = ?", cited))
                .as("a key goes only with its row")
                .hasStackTraceContaining("filings_keys_fkey");
        assertThatThrownBy(() -> db.update(
                        "insert into status_changes (case_id, from_status, status, effective_on, "
                                + "filing_id) select min(id), 'open', 'closed', current_date, ? from cases",
                        burnedId + 1000))
                .hasStackTraceContaining("status_changes_filing_id_fkey");
    }

    @Test
    void entryNumbersAndSourceKeysStayUniquePerCaseAcrossPartitions() {
        String caseId = String.valueOf(db.count("select min(id) from cases"));
        // Entry 6 of this case was filed weeks ago; a new entry 6 in another month is still a duplicate.
        assertThat(api.post(
                                "/api/v1/cases/" + caseId + "/filings",
                                editor,
                                "{\"entry_number\": 6, \"filed_on\": \"1990-01-01\", \"kind\": \"notice\", "
                                        + "\"title\": \"Again\"}")
                        .status())
                .isEqualTo(409);
        assertThatThrownBy(() -> db.update(
                        "insert into filing_keys (case_id, source_key, filed_on, kind) values (?, "
                                + "'n:7', '2001-01-01', 'notice')",
                        Long.parseLong(caseId)))
                .hasStackTraceContaining("filings_case_source_key");
    }

    @Test
    void newEntriesTakeIdsAfterEveryIdV14Gave() {
        String caseId = String.valueOf(db.count("select min(id) from cases"));
        Api.Resp r = api.post(
                "/api/v1/cases/" + caseId + "/filings",
                editor,
                "{\"entry_number\": 500, \"filed_on\": \"2024-02-29\", \"kind\": \"order\", \"title\": \"New order\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(Long.parseLong(r.json().get("id").asText())).isGreaterThan(burnedId);
        assertThat(api.get(
                                "/api/v1/cases/" + caseId + "/filings/"
                                        + r.json().get("id").asText(),
                                reporter)
                        .json()
                        .get("title")
                        .asText())
                .isEqualTo("New order");
    }

    @Test
    void searchesRankTheSameWindowAsBefore() {
        SEARCHES.forEach((q, expected) -> {
            assertThat(expected).as("V14 found %s", q).isNotEmpty();
            assertThat(searchIds(q)).as("search %s", q).isEqualTo(expected);
        });
        assertThat(SEARCHES.get("motion")).as("a full window").hasSize(200);
    }

    /** Every page of a search, 50 at a time, following its cursors. */
    static List<Long> searchIds(String q) {
        return searchIds(q, "");
    }

    /** Every page of a search with more parameters ({@code &name=value...}). */
    static List<Long> searchIds(String q, String more) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            String url = "/api/v1/filings?limit=50&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + more
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Api.Resp r = api.get(url, reporter);
            assertThat(r.status()).as(url).isEqualTo(200);
            for (JsonNode f : r.json().get("data")) {
                ids.add(Long.parseLong(f.get("id").asText()));
            }
            JsonNode next = r.json().get("next_cursor");
            cursor = next == null || next.isNull() ? null : next.asText();
        } while (cursor != null);
        return ids;
    }

    static String partitionOf(String filedOn) {
        return (String)
                db.rows("select tableoid::regclass::text as p from filings where filed_on = ?::date limit 1", filedOn)
                        .get(0)
                        .get("p");
    }
}
