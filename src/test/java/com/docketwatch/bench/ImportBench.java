package com.docketwatch.bench;

import com.docketwatch.cases.StatusService;
import com.docketwatch.courtdates.CourtDateReader;
import com.docketwatch.dockettext.DocketCalendar;
import com.docketwatch.events.Events;
import com.docketwatch.filings.FilingView;
import com.docketwatch.hearings.HearingService;
import com.docketwatch.ingest.Docket;
import com.docketwatch.ingest.DocketPlan;
import com.docketwatch.ingest.ImportService;
import com.docketwatch.ingest.ImportSummary;
import com.docketwatch.platform.Json;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.reminders.ReminderService;
import com.docketwatch.reminders.RemindersConfig;
import com.docketwatch.support.TestDatabases;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Imports a generated docket shaped like the real ones (10,000 entries by default: numbered and
 * minute entries, attachments, PACER ids, 40 parties with three attorneys each) through
 * {@link ImportService}, then loads the same rows (filings, their filing.created events, parties,
 * counsel) into another case with PostgreSQL COPY, on the same database in the same run, and prints
 * both times and their ratio. Run it with {@code bench/import [entries]}.
 */
public final class ImportBench {
    private static final String[] TEXTS = {
        "MOTION to Dismiss for Failure to State a Claim filed by Defendant %s. Responses due by %s. (Attachments: # 1 Proposed Order)",
        "ORDER by Judge Susan Illston granting in part and denying in part %s Motion to Compel. (Entered: %s)",
        "RESPONSE in Opposition re %s MOTION for Summary Judgment filed by Plaintiff. (Filed on %s)",
        "MINUTE ORDER. Pursuant to the status conference held on %s, the parties shall file a joint status report by %s.",
        "NOTICE of Appearance by Jane Roe on behalf of %s (Roe, Jane) (Filed on %s)",
        "STIPULATION AND [PROPOSED] ORDER re %s extending time to answer, filed %s",
        "DECLARATION of John Doe in Support of %s MOTION for Preliminary Injunction filed %s",
        "TRANSCRIPT of Proceedings held on %s before Judge Amit P. Mehta; release of transcript restriction set for %s.",
    };

    private ImportBench() {}

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ImportService.class))
                .setLevel(ch.qos.logback.classic.Level.INFO); // the import's progress lines
        String url = TestDatabases.fresh();
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        // reWriteBatchedInserts=true, as the service's pool has it.
        Jdbi jdbi = Jdbi.create(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true")
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin());
        Daos.configure(jdbi);
        ObjectMapper json = Json.configure(new ObjectMapper().findAndRegisterModules());
        Events events = new Events(json);
        ImportService imports = new ImportService(
                jdbi,
                Clock.systemUTC(),
                events,
                new StatusService(jdbi, Clock.systemUTC(), events),
                new DocketCalendar(
                        new CourtDateReader(),
                        new HearingService(
                                jdbi,
                                Clock.systemUTC(),
                                events,
                                new ReminderService(jdbi, Clock.systemUTC(), json, new RemindersConfig()))));

        // Warm the JIT and the connection on a smaller docket of its own.
        imports.importDocket(docket(json, "3:24-cv-00001", Math.min(2_000, entries)));

        // Alternate the two, three rounds each on cases of their own, and compare medians: the machine is shared.
        int rounds = 3;
        double[] importMs = new double[rounds];
        double[] copyMs = new double[rounds];
        ImportSummary first = null;
        Docket big = null;
        for (int r = 0; r < rounds; r++) {
            big = docket(json, "3:24-cv-1000" + r, entries);
            long t0 = System.nanoTime();
            first = imports.importDocket(big).summary();
            importMs[r] = (System.nanoTime() - t0) / 1e6;
            copyMs[r] = copy(url, json, docket(json, "3:24-cv-2000" + r, entries));
        }
        long t1 = System.nanoTime();
        ImportSummary again = imports.importDocket(big).summary();
        double againMs = (System.nanoTime() - t1) / 1e6;

        System.out.printf(
                "docket: %,d entries, %d parties, %d attorneys; %d rounds, medians%n",
                entries,
                big.parties().size(),
                big.parties().stream().mapToInt(p -> p.attorneys().size()).sum(),
                rounds);
        System.out.printf(
                "import (ImportService, one transaction): %,.0f ms  (%,d filings, %,d events created; rounds %s)%n",
                median(importMs), first.created().filings(), first.events(), list(importMs));
        System.out.printf(
                "COPY of the same rows:                   %,.0f ms  (rounds %s)%n", median(copyMs), list(copyMs));
        System.out.printf(
                "ratio import / COPY:                     %.2f (target <= 3)%n", median(importMs) / median(copyMs));
        System.out.printf(
                "re-import of the same docket (no-op):    %,.0f ms  (%,d unchanged, %d created)%n",
                againMs, again.unchanged().filings(), again.created().filings());
        System.exit(0);
    }

    /** A district docket: about 1 entry in 8 an unnumbered minute entry, 1 in 5 with attachments. */
    static Docket docket(ObjectMapper json, String number, int entries) throws Exception {
        ObjectNode d = json.createObjectNode()
                .put("court_id", "cand")
                .put("docket_number", number)
                .put("case_name", "Doe v. Acme Corp. " + number)
                .put("date_filed", "2020-01-02")
                .put("assigned_to_str", "Susan Illston")
                .put("cause", "28:1331 Fed. Question")
                .put("nature_of_suit", "890 Other Statutory Actions")
                .put("jury_demand", "Plaintiff");
        var list = d.putArray("docket_entries");
        LocalDate day = LocalDate.of(2020, 1, 2);
        int n = 0;
        for (int i = 0; i < entries; i++) {
            day = i % 7 == 6 ? day.plusDays(1) : day;
            ObjectNode e = list.addObject();
            boolean minute = i % 8 == 7;
            String text =
                    String.format(TEXTS[i % TEXTS.length], minute ? "" : Integer.toString(Math.max(1, n - 3)), day);
            e.put("date_filed", day.toString())
                    .put("date_entered", day.toString())
                    .put("description", text);
            if (minute) {
                e.putNull("document_number").putNull("pacer_doc_id").put("pacer_seq_no", Integer.toString(100_000 + i));
            } else {
                n++;
                e.put("document_number", Integer.toString(n))
                        .put("pacer_doc_id", "0350" + (23_000_000 + i))
                        .put("pacer_seq_no", Integer.toString(100_000 + i));
                if (i % 5 == 0) {
                    var att = e.putArray("attachments");
                    for (int a = 1; a <= 2; a++) {
                        att.addObject()
                                .put("attachment_number", a)
                                .put("description", a == 1 ? "Proposed Order" : "Exhibit A")
                                .put("pacer_doc_id", "0351" + (23_000_000 + i) + a)
                                .put("page_count", 3 * a)
                                .put("file_size_bytes", 12_345 * a);
                    }
                }
            }
        }
        var parties = d.putArray("parties");
        for (int p = 0; p < 40; p++) {
            ObjectNode party = parties.addObject()
                    .put("name", "Party " + p + " LLC")
                    .put("type", p % 2 == 0 ? "Plaintiff" : "Defendant");
            var attorneys = party.putArray("attorneys");
            for (int a = 0; a < 3; a++) {
                attorneys
                        .addObject()
                        .put("name", "Attorney " + p + "-" + a)
                        .put("contact", "Firm " + p + " LLP\n100 Main Street\nSan Francisco, CA 94105\n415-555-0100")
                        .putArray("roles")
                        .add("LEAD ATTORNEY")
                        .add("ATTORNEY TO BE NOTICED");
            }
        }
        return json.treeToValue(d, Docket.class);
    }

    /**
     * The rows the import writes, prepared in memory first (not timed), then loaded with COPY in one
     * transaction: filings, one filing.created event per filing (its JSON as the import writes it),
     * parties and counsel.
     */
    static double copy(String url, ObjectMapper json, Docket docket) throws Exception {
        DocketPlan plan = DocketPlan.of(docket, c -> ZoneId.of("America/Los_Angeles"));
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            long caseId;
            long[] filingIds;
            long[] partyIds;
            try (Statement s = c.createStatement()) {
                ResultSet r = s.executeQuery(
                        "insert into cases (court_id, docket_number, caption, filed_on, status, status_since) "
                                + "values ('cand', '" + docket.docketNumber()
                                + "', 'COPY', '2020-01-02', 'open', '2020-01-02') returning id");
                r.next();
                caseId = r.getLong(1);
                filingIds = ids(s, "filings", plan.entries().size());
                partyIds = ids(s, "parties", plan.parties().size());
            }
            c.commit();
            Instant now = Instant.now();
            StringBuilder filings = new StringBuilder();
            StringBuilder events = new StringBuilder();
            int fi = 0;
            for (DocketPlan.EntryIn e : plan.entries()) {
                long id = filingIds[fi++];
                filings.append(id)
                        .append('\t')
                        .append(caseId)
                        .append('\t')
                        .append(v(e.entryNumber()))
                        .append('\t')
                        .append(e.filedOn())
                        .append('\t')
                        .append(v(e.dateEntered()))
                        .append('\t')
                        .append(e.kind())
                        .append('\t')
                        .append(esc(e.title()))
                        .append('\t')
                        .append(esc(e.description()))
                        .append('\t')
                        .append(esc(e.pacerDocId()))
                        .append('\t')
                        .append(esc(e.pacerSeqNo()))
                        .append('\t')
                        .append(esc(e.attachments()))
                        .append('\t')
                        .append(esc(e.key()))
                        .append('\t')
                        .append(e.hash())
                        .append('\t')
                        .append(now)
                        .append('\n');
                FilingView view = new FilingView(
                        Long.toString(id),
                        Long.toString(caseId),
                        e.entryNumber(),
                        e.filedOn(),
                        e.kind(),
                        e.title(),
                        e.description(),
                        null,
                        null,
                        now);
                events.append("filing.created\t")
                        .append(caseId)
                        .append('\t')
                        .append(now)
                        .append('\t')
                        .append(esc(json.writeValueAsString(view)))
                        .append('\n');
            }
            StringBuilder parties = new StringBuilder();
            StringBuilder counsel = new StringBuilder();
            int pi = 0;
            for (DocketPlan.PartyIn p : plan.parties()) {
                long pid = partyIds[pi++];
                parties.append(pid)
                        .append('\t')
                        .append(caseId)
                        .append('\t')
                        .append(esc(p.key()))
                        .append('\t')
                        .append(esc(p.name()))
                        .append('\t')
                        .append(p.role())
                        .append('\t')
                        .append(esc(p.pacerType()))
                        .append('\n');
                for (DocketPlan.CounselIn a : p.counsel()) {
                    counsel.append(pid)
                            .append('\t')
                            .append(esc(a.name()))
                            .append('\t')
                            .append(esc(a.firm()))
                            .append('\t')
                            .append(esc("{"
                                    + String.join(
                                            ",",
                                            a.roles().stream()
                                                    .map(r -> "\"" + r + "\"")
                                                    .toList()) + "}"))
                            .append('\t')
                            .append(esc(a.contact()))
                            .append('\n');
                }
            }
            long t0 = System.nanoTime();
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn(
                    "copy filings (id, case_id, entry_number, filed_on, date_entered, kind, title, description, pacer_doc_id, "
                            + "pacer_seq_no, attachments, source_key, import_hash, created_at) from stdin",
                    new StringReader(filings.toString()));
            copy.copyIn(
                    "copy events (type, case_id, occurred_at, data) from stdin", new StringReader(events.toString()));
            copy.copyIn(
                    "copy parties (id, case_id, import_key, name, role, pacer_type) from stdin",
                    new StringReader(parties.toString()));
            copy.copyIn(
                    "copy counsel (party_id, name, firm, roles, contact) from stdin",
                    new StringReader(counsel.toString()));
            c.commit();
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    /** {@code n} ids from the table's identity sequence (taken, so later inserts never collide). */
    private static long[] ids(Statement s, String table, int n) throws java.sql.SQLException {
        long[] out = new long[n];
        ResultSet r = s.executeQuery(
                "select nextval(pg_get_serial_sequence('" + table + "', 'id')) from generate_series(1, " + n + ")");
        for (int i = 0; r.next(); i++) {
            out[i] = r.getLong(1);
        }
        return out;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v[v.length / 2];
    }

    private static String list(double[] values) {
        return java.util.Arrays.stream(values)
                .mapToObj(d -> String.format("%,.0f", d))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String v(Object o) {
        return o == null ? "\\N" : o.toString();
    }

    private static String esc(String s) {
        if (s == null) {
            return "\\N";
        }
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
