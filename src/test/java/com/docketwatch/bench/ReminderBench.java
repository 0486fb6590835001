package com.docketwatch.bench;

import com.docketwatch.DocketWatchApplication;
import com.docketwatch.DocketWatchConfiguration;
import com.docketwatch.reminders.ReminderDao;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.dropwizard.core.setup.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Server;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Hearing-reminder benchmark (issue 4). A plain {@code main}, run by {@code bench/reminders}:
 * starts the real service in this JVM on a fresh embedded PostgreSQL, subscribes a local webhook
 * receiver through the HTTP API, bulk-loads pending reminders with SQL, then measures
 * <ol>
 *   <li>steady state: lateness (receiver arrival - due_at) of a stream of reminders due over the next
 *       minute or two, with the bulk of pending reminders in the table;</li>
 *   <li>burst: N reminders due in the same second, until all are handed to delivery (a deliveries row
 *       exists, reminders.status = 'sent') and until the receiver has them all, against a baseline of
 *       PostgreSQL alone claiming and settling the same rows with the same SKIP LOCKED pattern.</li>
 * </ol>
 * Prints figures; asserts nothing (it exits non-zero only when something did not arrive at all).
 */
public final class ReminderBench {
    private static final long T0 = System.nanoTime();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ADMIN_KEY = "bench-admin-key-" + Long.toHexString(new Random().nextLong());
    /** The service's sweep period: Schedules registers the reminder sweep with repeatSecondlyForever(1). */
    private static final Duration SWEEP_PERIOD = Duration.ofSeconds(1);

    private static final Duration STEADY_TARGET = Duration.ofSeconds(2);
    private static final Duration BURST_TARGET = Duration.ofSeconds(30);
    /** The bulk subscriptions' lead times; stream and burst reminders use PT1H. */
    private static final List<String> LEADS = List.of("P1D", "P2D", "P3D", "P4D", "P5D");

    private ReminderBench() {}

    /** Command-line options; {@code --smoke} lowers the defaults so the whole run fits in CI. */
    static final class Options {
        boolean smoke;
        int pending = 1_000_000;
        int stream = 2_000;
        int streamWindowSeconds = 90;
        int burst = 10_000;
        int subscriptions = 50;
        boolean keep;
        String config = "config.yml";

        static Options parse(String[] args) {
            Options o = new Options();
            if (Arrays.asList(args).contains("--smoke")) {
                o.smoke = true;
                o.pending = 10_000;
                o.stream = 200;
                o.streamWindowSeconds = 20;
                o.burst = 1_000;
                o.subscriptions = 10;
            }
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--smoke" -> {}
                    case "--keep" -> o.keep = true;
                    case "--pending" -> o.pending = Integer.parseInt(args[++i]);
                    case "--stream" -> o.stream = Integer.parseInt(args[++i]);
                    case "--stream-window" -> o.streamWindowSeconds = Integer.parseInt(args[++i]);
                    case "--burst" -> o.burst = Integer.parseInt(args[++i]);
                    case "--subscriptions" -> o.subscriptions = Integer.parseInt(args[++i]);
                    case "--config" -> o.config = args[++i];
                    default ->
                        throw new IllegalArgumentException(
                                "Unknown option " + a + "; options: --smoke --keep "
                                        + "--pending N --stream N --stream-window SECONDS --burst N --subscriptions N --config FILE");
                }
            }
            return o;
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Path dataDir = Files.createTempDirectory("docketwatch-bench-");
        int httpPort = freePort();
        int adminPort = freePort();
        int pgPort = freePort();
        System.setProperty("dw.database.dataDir", dataDir.toString());
        System.setProperty("dw.database.embeddedPort", Integer.toString(pgPort));
        System.setProperty("dw.database.url", "");
        System.setProperty("dw.server.applicationConnectors[0].port", Integer.toString(httpPort));
        System.setProperty("dw.server.adminConnectors[0].port", Integer.toString(adminPort));
        System.setProperty("dw.alerts.webhookAllowHosts", "localhost");
        System.setProperty("dw.bootstrapAdminKey", ADMIN_KEY);
        System.setProperty("dw.logging.level", "WARN");
        // The request log would print one line per API call; send it to a file in the data directory.
        System.setProperty("dw.server.requestLog.appenders[0].type", "file");
        System.setProperty(
                "dw.server.requestLog.appenders[0].currentLogFilename",
                dataDir.resolve("requests.log").toString());
        System.setProperty("dw.server.requestLog.appenders[0].archive", "false");

        header(o);
        Receiver receiver = new Receiver();
        AtomicReference<Server> server = new AtomicReference<>();
        AtomicReference<DocketWatchConfiguration> config = new AtomicReference<>();
        DocketWatchApplication app = new DocketWatchApplication() {
            @Override
            public void run(DocketWatchConfiguration c, Environment environment) {
                config.set(c);
                super.run(c, environment);
                environment.lifecycle().addServerLifecycleListener(server::set);
            }
        };
        Thread stopper = new Thread(() -> stop(server.get(), receiver), "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        int status = 0;
        try {
            log(
                    "starting DocketWatch (embedded PostgreSQL in %s, api :%d, admin :%d, pg :%d)",
                    dataDir, httpPort, adminPort, pgPort);
            app.run("server", o.config);
            waitHealthy(adminPort, Duration.ofMinutes(3));
            log("service healthy");
            var alerts = config.get().getAlerts();
            log(
                    "service settings: reminder sweep every %s, batch 1000 (ReminderService); delivery workers %d, batch %d, poll %s",
                    SWEEP_PERIOD, alerts.getWorkers(), alerts.getBatchSize(), alerts.getPollInterval());
            // The embedded PostgreSQL admits only the password the service generated into its data directory.
            String pgPassword =
                    Files.readString(dataDir.resolve("postgres-password")).trim();
            try (Connection db = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + pgPort + "/docketwatch", "postgres", pgPassword)) {
                status = new Run(o, db, new Api("http://localhost:" + httpPort + "/api/v1"), receiver, new Cpu(dataDir))
                        .run();
            }
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            status = 2;
        } finally {
            stop(server.get(), receiver);
            server.set(null);
            if (!o.keep) {
                deleteTree(dataDir);
            } else {
                log("kept the data directory %s", dataDir);
            }
        }
        log("done (exit %d)", status);
        System.out.flush();
        Runtime.getRuntime()
                .removeShutdownHook(stopper); // already stopped; exit (not halt) so a JFR recording is dumped
        System.exit(status);
    }

    /** The measured run, once the service is up. */
    static final class Run {
        final Options o;
        final Connection db;
        final Api api;
        final Receiver receiver;
        final Cpu cpu;
        long caseId;
        long[] subscriptions;
        final Random random = new Random(4);

        Run(Options o, Connection db, Api api, Receiver receiver, Cpu cpu) {
            this.cpu = cpu;
            this.o = o;
            this.db = db;
            this.api = api;
            this.receiver = receiver;
        }

        int run() throws Exception {
            machine();
            setUp();
            load();
            probe();
            int status = stream();
            status |= burst();
            section("done");
            log("load average at the end: %s", loadAverage());
            return status;
        }

        void machine() throws SQLException {
            section("machine");
            Runtime rt = Runtime.getRuntime();
            fact("cores (JVM availableProcessors)", Integer.toString(rt.availableProcessors()));
            fact("cpu", cpuModel());
            fact("memory", memTotal());
            fact(
                    "os",
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                            + System.getProperty("os.arch"));
            fact(
                    "jvm",
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                            + System.getProperty("java.vm.vendor") + ")");
            fact("heap max", (rt.maxMemory() >> 20) + " MiB");
            fact(
                    "jvm args",
                    String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
            fact("postgresql", scalar("select version()"));
            fact(
                    "postgresql settings",
                    scalar("select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) "
                            + "from pg_settings where name in ('shared_buffers', 'fsync', 'synchronous_commit', 'max_connections', "
                            + "'work_mem', 'autovacuum')"));
            fact(
                    "command",
                    System.getProperty(
                            "bench.command",
                            ProcessHandle.current().info().commandLine().orElse("?")));
            fact("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            fact("load average at start", loadAverage());
            fact(
                    "sizes",
                    String.format(
                            Locale.ROOT,
                            "pending %,d; stream %,d over %d s; burst %,d; subscriptions %d%s",
                            o.pending,
                            o.stream,
                            o.streamWindowSeconds,
                            o.burst,
                            o.subscriptions,
                            o.smoke ? " (smoke)" : ""));
        }

        /** Keys, a court, a case and the subscriptions, through the HTTP API like a client would. */
        void setUp() throws Exception {
            section("setup (HTTP API)");
            String editor = api.post("/keys", ADMIN_KEY, Map.of("name", "bench editor", "role", "editor"), 201)
                    .get("key")
                    .asText();
            String reporter = api.post("/keys", ADMIN_KEY, Map.of("name", "bench reporter", "role", "reporter"), 201)
                    .get("key")
                    .asText();
            api.post(
                    "/courts",
                    editor,
                    Map.of(
                            "id",
                            "bench",
                            "name",
                            "Bench Court",
                            "jurisdiction",
                            "federal",
                            "timezone",
                            "America/Los_Angeles"),
                    201);
            caseId = api.post(
                            "/cases",
                            editor,
                            Map.of(
                                    "court",
                                    "bench",
                                    "docket_number",
                                    "1:26-cv-00001",
                                    "caption",
                                    "Bench v. Mark",
                                    "filed_on",
                                    "2026-01-05"),
                            201)
                    .get("id")
                    .asLong();
            List<String> leads = new ArrayList<>(LEADS);
            leads.add("PT1H");
            subscriptions = new long[o.subscriptions];
            for (int i = 0; i < o.subscriptions; i++) {
                subscriptions[i] = api.post(
                                "/subscriptions",
                                reporter,
                                Map.of(
                                        "case_id",
                                        Long.toString(caseId),
                                        "events",
                                        List.of("hearing.reminder"),
                                        "reminder_lead_times",
                                        leads,
                                        "channel",
                                        Map.of("type", "webhook", "url", receiver.url("/hook/" + i))),
                                201)
                        .get("id")
                        .asLong();
            }
            log("case %d, %d webhook subscriptions to %s", caseId, o.subscriptions, receiver.url("/hook/{i}"));
        }

        /**
         * Bulk data straight into PostgreSQL: hearings 6 to 8 days ahead, and for each hearing one pending
         * reminder per (subscription, lead time P1D..P5D), so everything is due in 1 to 8 days, never
         * during the run. Foreign keys and indexes stay on; VACUUM ANALYZE afterwards, as autovacuum would.
         */
        void load() throws SQLException {
            section("bulk load");
            int perHearing = o.subscriptions * LEADS.size();
            int hearings = (o.pending + perHearing - 1) / perHearing;
            Cpu.Sample cpu0 = cpu.sample();
            long started = System.nanoTime();
            Instant now = Instant.now();
            List<Long> hearingIds;
            try (PreparedStatement ps = db.prepareStatement(
                    "insert into hearings (case_id, kind, scheduled_at, location, "
                            + "description, status) select ?, 'status_conference', ?::timestamptz + g * (interval '2 days' / ?), "
                            + "'Courtroom 1', 'bench-bulk', 'scheduled' from generate_series(0, ? - 1) g returning id")) {
                ps.setLong(1, caseId);
                ps.setObject(2, OffsetDateTime.ofInstant(now.plus(Duration.ofDays(6)), ZoneOffset.UTC));
                ps.setInt(3, hearings);
                ps.setInt(4, hearings);
                hearingIds = longs(ps);
                hearingIds.sort(Comparator.naturalOrder());
            }
            log(
                    "%,d hearings (ids %d..%d) in %.1f s",
                    hearings, hearingIds.get(0), hearingIds.get(hearingIds.size() - 1), secondsSince(started));
            String leadValues =
                    String.join(", ", LEADS.stream().map(l -> "('" + l + "')").toList());
            int chunk = 100_000;
            int loaded = 0;
            try (PreparedStatement ps =
                    db.prepareStatement("insert into reminders (subscription_id, hearing_id, lead_time, due_at) "
                            + "select s.id, h.id, l.lead, h.scheduled_at - l.lead::interval "
                            + "from (select id, scheduled_at from hearings where id >= ? and description = 'bench-bulk' order by id limit ?) h "
                            + "cross join (select unnest(?::bigint[]) as id) s cross join (values " + leadValues
                            + ") l(lead) "
                            + "order by h.id, s.id, l.lead limit ?")) {
                int nextHearing = 0;
                while (loaded < o.pending) {
                    int rows = Math.min(chunk, o.pending - loaded);
                    int chunkHearings = (rows + perHearing - 1) / perHearing;
                    ps.setLong(1, hearingIds.get(nextHearing));
                    ps.setInt(2, chunkHearings);
                    ps.setArray(3, db.createArrayOf("bigint", box(subscriptions)));
                    ps.setInt(4, rows);
                    loaded += ps.executeUpdate();
                    nextHearing += chunkHearings;
                    log(
                            "loaded %,d / %,d pending reminders (%.1f s, %,.0f rows/s)",
                            loaded, o.pending, secondsSince(started), loaded / secondsSince(started));
                }
            }
            long vacuum = System.nanoTime();
            exec("vacuum analyze reminders");
            exec("vacuum analyze hearings");
            exec("checkpoint"); // the steady state should not pay for flushing the bulk load
            log("vacuum analyze + checkpoint in %.1f s", secondsSince(vacuum));
            log(
                    "table sizes: reminders %s (%,d rows, %,d pending), hearings %,d rows; load %.1f s in all",
                    scalar("select pg_size_pretty(pg_total_relation_size('reminders'))"),
                    count("select count(*) from reminders"),
                    count("select count(*) from reminders where status = 'pending'"),
                    count("select count(*) from hearings"),
                    secondsSince(started));
            log("cpu during the load: %s", Cpu.between(cpu0, cpu.sample()));
        }

        /** The sweep's claim statement on the loaded table while nothing is due: its fixed cost per sweep. */
        void probe() throws SQLException {
            section("claim statement with nothing due (the sweep's cost per second at rest)");
            Named claim = named(sqlOf("claimDue", SqlQuery.class));
            db.setAutoCommit(false);
            try (PreparedStatement ps = db.prepareStatement("explain (analyze, buffers, format text) " + claim.sql())) {
                claim.bind(ps, Map.<String, Object>of("now", OffsetDateTime.now(ZoneOffset.UTC), "limit", 1000));
                List<String> plan = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.add(rs.getString(1));
                    }
                }
                plan.stream()
                        .filter(l -> l.contains("Execution Time")
                                || l.contains("Planning Time")
                                || l.contains("Index") && l.contains("reminders"))
                        .forEach(l -> log("  %s", l.trim()));
            } finally {
                db.rollback();
                db.setAutoCommit(true);
            }
        }

        /** Steady state: a stream of reminders due over the next minute or two; lateness of each at the receiver. */
        int stream() throws Exception {
            section(String.format(
                    Locale.ROOT,
                    "steady state: %,d reminders due over %d s, %,d other pending",
                    o.stream,
                    o.streamWindowSeconds,
                    count("select count(*) from reminders where status = 'pending'")));
            Instant start = Instant.now().plusSeconds(5);
            Cpu.Sample cpu0 = cpu.sample();
            long windowMicros = o.streamWindowSeconds * 1_000_000L;
            List<Instant> dues = new ArrayList<>();
            for (int i = 0; i < o.stream; i++) {
                dues.add(start.plus(random.nextLong(windowMicros), ChronoUnit.MICROS));
            }
            dues.sort(Comparator.naturalOrder());
            List<Instant> hearingTimes =
                    dues.stream().map(d -> d.plus(Duration.ofHours(1))).toList();
            long[] hearingIds = insertHearings("bench-stream", hearingTimes);
            long[] subs = new long[o.stream];
            for (int i = 0; i < o.stream; i++) {
                subs[i] = subscriptions[i % subscriptions.length];
            }
            long[] ids = insertReminders("reminders", subs, hearingIds, "PT1H", dues);
            Instant last = dues.get(dues.size() - 1);
            log("inserted %,d reminders due %s .. %s (lead PT1H before their hearings)", ids.length, dues.get(0), last);
            Instant deadline = last.plusSeconds(60);
            Instant nextReport = Instant.now().plusSeconds(10);
            Map<Long, Row> rows = Map.of();
            while (Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                if (Instant.now().isAfter(nextReport) || Instant.now().isAfter(last)) {
                    rows = rows(ids);
                    long received = rows.values().stream()
                            .filter(r -> r.eventId != null && receiver.arrival(r.eventId) != null)
                            .count();
                    long sent = rows.values().stream()
                            .filter(r -> r.eventId != null)
                            .count();
                    long due =
                            dues.stream().filter(d -> d.isBefore(Instant.now())).count();
                    if (Instant.now().isAfter(nextReport)) {
                        log(
                                "  due so far %,d, handed to delivery %,d, received %,d; load average %s",
                                due, sent, received, loadAverage());
                        nextReport = Instant.now().plusSeconds(10);
                    }
                    if (Instant.now().isAfter(last) && received == ids.length) {
                        break;
                    }
                }
            }
            rows = rows(ids);
            Cpu.Sample cpu1 = cpu.sample();
            List<Long> endToEnd = new ArrayList<>();
            List<Long> sweep = new ArrayList<>();
            List<Long> delivery = new ArrayList<>();
            TreeSet<Long> sweeps = new TreeSet<>();
            int missing = 0;
            int late = 0;
            for (Row r : rows.values()) {
                Long arrival = r.eventId == null ? null : receiver.arrival(r.eventId);
                if (r.settledAt != null) {
                    sweep.add(r.settledAt - r.dueAt);
                    sweeps.add(r.settledAt);
                }
                if (Boolean.TRUE.equals(r.late)) {
                    late++;
                }
                if (arrival == null) {
                    missing++;
                    continue;
                }
                endToEnd.add(arrival - r.dueAt);
                delivery.add(arrival - r.settledAt);
            }
            section("steady state results");
            fact(
                    "reminders",
                    String.format(
                            Locale.ROOT,
                            "%,d due, %,d received, %,d missing, %d flagged late (> 30 s), " + "%d duplicate webhooks",
                            ids.length,
                            endToEnd.size(),
                            missing,
                            late,
                            receiver.duplicates.get()));
            fact("lateness, arrival - due_at", percentiles(endToEnd));
            fact("  of which due_at -> handed to delivery", percentiles(sweep) + "   (settled_at - due_at)");
            fact("  of which handed -> receiver", percentiles(delivery) + "   (arrival - settled_at)");
            List<Long> gaps = new ArrayList<>();
            Long previous = null;
            for (Long s : sweeps) {
                if (previous != null) {
                    gaps.add(s - previous);
                }
                previous = s;
            }
            fact(
                    "sweeps seen (distinct settled_at)",
                    String.format(Locale.ROOT, "%d; interval between them %s", sweeps.size(), percentiles(gaps)));
            if (!endToEnd.isEmpty()) {
                double p99 = percentile(endToEnd, 0.99) / 1e6;
                fact(
                        "p99 / sweep period (1 s)",
                        String.format(Locale.ROOT, "%.2f", p99 / (SWEEP_PERIOD.toMillis() / 1e3)));
                fact(
                        "p99 / target (2 s)",
                        String.format(
                                Locale.ROOT,
                                "%.2f  -> target %s",
                                p99 / (STEADY_TARGET.toMillis() / 1e3),
                                missing == 0 && p99 <= STEADY_TARGET.toMillis() / 1e3 ? "MET" : "MISSED"));
            }
            fact("cpu (insert to last arrival)", Cpu.between(cpu0, cpu1));
            fact("load average", loadAverage());
            return missing == 0 ? 0 : 1;
        }

        /** Burst: N reminders due in the same second; baseline first (PostgreSQL alone), then the service. */
        int burst() throws Exception {
            section(String.format(Locale.ROOT, "burst: %,d reminders due in the same second", o.burst));
            long[] subs = new long[o.burst];
            for (int i = 0; i < o.burst; i++) {
                subs[i] = subscriptions[i % subscriptions.length];
            }
            // The hearings first (a 09:00 calendar: every hearing at the same instant), so the baseline can claim
            // the very rows the service will: same subscriptions, same hearings, same lead time.
            Instant hearingAt = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.HOURS);
            List<Instant> times = new ArrayList<>();
            for (int i = 0; i < o.burst; i++) {
                times.add(hearingAt);
            }
            long[] hearingIds = insertHearings("bench-burst", times);

            log("baseline: copying reminders into bench_scratch (same columns, indexes and pending rows)");
            long copy = System.nanoTime();
            exec("drop table if exists bench_scratch");
            exec("create table bench_scratch (like reminders including all)");
            exec("insert into bench_scratch overriding system value select * from reminders");
            exec("select setval(pg_get_serial_sequence('bench_scratch', 'id'), (select max(id) from bench_scratch))");
            exec("vacuum analyze bench_scratch");
            log("  %,d rows copied in %.1f s", count("select count(*) from bench_scratch"), secondsSince(copy));

            Cpu.Sample cpuBase = cpu.sample();
            Baseline bare = baselineBare(subs, hearingIds);
            Baseline joined = baselineJoined(subs, hearingIds);
            String baselineCpu = Cpu.between(cpuBase, cpu.sample());
            exec("drop table bench_scratch");

            Instant due = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
            List<Instant> dues = new ArrayList<>();
            for (int i = 0; i < o.burst; i++) {
                dues.add(due);
            }
            int receivedBefore = receiver.total();
            Cpu.Sample cpu0 = cpu.sample();
            long[] ids = insertReminders("reminders", subs, hearingIds, "PT1H", dues);
            Instant inserted = Instant.now();
            log(
                    "inserted %,d reminders due at %s (insert finished %.3f s before)",
                    ids.length, due, Duration.between(inserted, due).toNanos() / 1e9);
            if (!inserted.isBefore(due)) {
                log("WARNING: the insert finished after the due second; the figures below include the insert");
            }
            long firstId = Arrays.stream(ids).min().orElseThrow();
            long lastId = Arrays.stream(ids).max().orElseThrow();
            Instant deadline = due.plusSeconds(300);
            Instant allSentSeen = null;
            Instant allReceivedSeen = null;
            Instant nextReport = due.plusSeconds(5);
            while (Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                long sent = count("select count(*) from reminders where id between " + firstId + " and " + lastId
                        + " and status = 'sent'");
                if (allSentSeen == null && sent >= ids.length) {
                    allSentSeen = Instant.now();
                }
                int received = receiver.total() - receivedBefore;
                if (allReceivedSeen == null && received >= ids.length) {
                    allReceivedSeen = Instant.now();
                }
                if (Instant.now().isAfter(nextReport)) {
                    log(
                            "  t+%.0f s: handed to delivery %,d, received %,d; load average %s",
                            Duration.between(due, Instant.now()).toMillis() / 1e3, sent, received, loadAverage());
                    nextReport = Instant.now().plusSeconds(5);
                }
                if (allSentSeen != null && allReceivedSeen != null) {
                    break;
                }
            }
            Cpu.Sample cpu1 = cpu.sample();
            Map<Long, Row> rows = rows(ids);
            long dueMicros = micros(due);
            TreeSet<Long> batches = new TreeSet<>();
            long maxSettled = Long.MIN_VALUE;
            long firstArrival = Long.MAX_VALUE;
            long lastArrival = Long.MIN_VALUE;
            int sent = 0;
            int received = 0;
            for (Row r : rows.values()) {
                if ("sent".equals(r.status)) {
                    sent++;
                }
                if (r.settledAt != null) {
                    batches.add(r.settledAt);
                    maxSettled = Math.max(maxSettled, r.settledAt);
                }
                Long arrival = r.eventId == null ? null : receiver.arrival(r.eventId);
                if (arrival != null) {
                    received++;
                    firstArrival = Math.min(firstArrival, arrival);
                    lastArrival = Math.max(lastArrival, arrival);
                }
            }
            long[] delivered = deliveredRange(firstId, lastId);

            section("burst results");
            fact(
                    "reminders",
                    String.format(
                            Locale.ROOT,
                            "%,d due at %s; %,d sent, %,d received, %d duplicate webhooks in all",
                            ids.length,
                            due,
                            sent,
                            received,
                            receiver.duplicates.get()));
            fact(
                    "sweep transactions (distinct settled_at)",
                    String.format(
                            Locale.ROOT,
                            "%d; first starts %s after the due second, " + "last starts %s after",
                            batches.size(),
                            secs(batches.isEmpty() ? null : batches.first() - dueMicros),
                            secs(batches.isEmpty() ? null : batches.last() - dueMicros)));
            if (!batches.isEmpty() && batches.size() <= 40) {
                fact(
                        "  sweep transaction starts after the due second",
                        String.join(
                                " ",
                                batches.stream()
                                        .map(b -> String.format(Locale.ROOT, "%.3f", (b - dueMicros) / 1e6))
                                        .toList()));
            }
            Long handed = sent == ids.length ? maxSettled - dueMicros : null;
            fact("handed to delivery, max(settled_at) - due", secs(handed));
            fact(
                    "  all 'sent' visible to a poll (100 ms) at",
                    secs(allSentSeen == null ? null : micros(allSentSeen) - dueMicros));
            fact("first webhook at the receiver", secs(received == 0 ? null : firstArrival - dueMicros));
            Long all = received == ids.length ? lastArrival - dueMicros : null;
            fact("all webhooks at the receiver, last arrival - due", secs(all));
            fact(
                    "  deliveries marked delivered, max(delivered_at) - due",
                    secs(delivered[1] == 0 ? null : delivered[1] - dueMicros)
                            + String.format(Locale.ROOT, " (%,d delivered)", delivered[0]));
            if (all != null && received > 0 && lastArrival > firstArrival) {
                fact(
                        "delivery throughput (first to last arrival)",
                        String.format(
                                Locale.ROOT, "%,.0f webhooks/s", received / ((lastArrival - firstArrival) / 1e6)));
            }
            if (handed != null && batches.size() > 0) {
                fact(
                        "sweep throughput (first batch start to last 'sent' seen)",
                        allSentSeen == null
                                ? "n/a"
                                : String.format(
                                        Locale.ROOT,
                                        "%,.0f reminders/s",
                                        ids.length / ((micros(allSentSeen) - batches.first()) / 1e6)));
            }
            Long work = allSentSeen == null || batches.isEmpty() ? null : micros(allSentSeen) - batches.first();
            fact(
                    "sweep work, first batch start -> all 'sent' seen",
                    secs(work) + "   (excludes the wait for the next 1 s tick)");
            fact("baseline, bare claim+settle (" + bare.batches + " transactions)", secs(bare.micros));
            fact(
                    "baseline, app claim statement (joins) + settle batch (" + joined.batches + " transactions)",
                    secs(joined.micros));
            if (handed != null) {
                fact("handed / bare baseline", String.format(Locale.ROOT, "%.1f", (double) handed / bare.micros));
                fact(
                        "handed / app-statement baseline",
                        String.format(Locale.ROOT, "%.1f", (double) handed / joined.micros));
                if (work != null) {
                    fact("sweep work / bare baseline", String.format(Locale.ROOT, "%.1f", (double) work / bare.micros));
                    fact(
                            "sweep work / app-statement baseline",
                            String.format(Locale.ROOT, "%.1f", (double) work / joined.micros));
                }
                fact(
                        "handed / target (30 s)",
                        String.format(
                                Locale.ROOT,
                                "%.2f  -> target %s",
                                handed / 1e6 / BURST_TARGET.toSeconds(),
                                handed <= BURST_TARGET.toSeconds() * 1_000_000L ? "MET" : "MISSED"));
            } else {
                fact("handed / target (30 s)", "not all handed to delivery within 300 s -> target MISSED");
            }
            if (all != null) {
                fact("all received / bare baseline", String.format(Locale.ROOT, "%.1f", (double) all / bare.micros));
                fact(
                        "all received / target (30 s)",
                        String.format(Locale.ROOT, "%.2f", all / 1e6 / BURST_TARGET.toSeconds()));
            }
            fact("cpu, both baselines", baselineCpu);
            fact("cpu, burst (insert to last arrival)", Cpu.between(cpu0, cpu1));
            fact("load average", loadAverage());
            return sent == ids.length && received == ids.length ? 0 : 1;
        }

        record Baseline(long micros, int batches) {}

        /** PostgreSQL alone: {@code select id ... for update skip locked limit 1000} + one update, per transaction. */
        Baseline baselineBare(long[] subs, long[] hearingIds) throws SQLException {
            insertReminders(
                    "bench_scratch",
                    subs,
                    hearingIds,
                    "PT1H",
                    repeat(Instant.now().minusSeconds(1), subs.length));
            int batches = 0;
            int claimed = 0;
            long started = System.nanoTime();
            db.setAutoCommit(false);
            try (PreparedStatement select = db.prepareStatement("select id from bench_scratch where status = 'pending' "
                            + "and due_at <= now() order by due_at, id limit 1000 for update skip locked");
                    PreparedStatement update =
                            db.prepareStatement("update bench_scratch set status = 'sent', late = false, "
                                    + "settled_at = now() where id = any(?)")) {
                while (true) {
                    List<Long> ids = longs(select);
                    if (!ids.isEmpty()) {
                        update.setArray(1, db.createArrayOf("bigint", ids.toArray()));
                        update.executeUpdate();
                    }
                    db.commit();
                    batches++;
                    claimed += ids.size();
                    if (ids.size() < 1000) {
                        break;
                    }
                }
            } finally {
                db.setAutoCommit(true);
            }
            long micros = (System.nanoTime() - started) / 1000;
            log(
                    "baseline (bare): claimed and settled %,d rows in %d transactions in %s",
                    claimed, batches, secs(micros));
            return new Baseline(micros, batches);
        }

        /**
         * PostgreSQL with the service's own statements (taken from ReminderDao): the claim query with its
         * joins, then the settle batch; no events, deliveries or JSON (those are the service's own work).
         */
        Baseline baselineJoined(long[] subs, long[] hearingIds) throws SQLException {
            insertReminders(
                    "bench_scratch",
                    subs,
                    hearingIds,
                    "PT1H-b",
                    repeat(Instant.now().minusSeconds(1), subs.length));
            Named claim = named(sqlOf("claimDue", SqlQuery.class).replace("from reminders r", "from bench_scratch r"));
            Named settle = named(sqlOf("settle", SqlBatch.class).replace("update reminders", "update bench_scratch"));
            int batches = 0;
            int claimed = 0;
            long started = System.nanoTime();
            db.setAutoCommit(false);
            try (PreparedStatement select = db.prepareStatement(claim.sql());
                    PreparedStatement update = db.prepareStatement(settle.sql())) {
                while (true) {
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    claim.bind(select, Map.<String, Object>of("now", now, "limit", 1000));
                    List<Long> ids = longs(select);
                    for (long id : ids) {
                        Map<String, Object> values = new LinkedHashMap<>();
                        values.put("status", "sent");
                        values.put("eventId", null);
                        values.put("late", false);
                        values.put("settledAt", now);
                        values.put("id", id);
                        settle.bind(update, values);
                        update.addBatch();
                    }
                    if (!ids.isEmpty()) {
                        update.executeBatch();
                    }
                    db.commit();
                    batches++;
                    claimed += ids.size();
                    if (ids.size() < 1000) {
                        break;
                    }
                }
            } finally {
                db.setAutoCommit(true);
            }
            long micros = (System.nanoTime() - started) / 1000;
            log(
                    "baseline (service statements): claimed and settled %,d rows in %d transactions in %s",
                    claimed, batches, secs(micros));
            return new Baseline(micros, batches);
        }

        long[] insertHearings(String description, List<Instant> times) throws SQLException {
            try (PreparedStatement ps =
                    db.prepareStatement("insert into hearings (case_id, kind, scheduled_at, location, "
                            + "description, status) select ?, 'status_conference', t::timestamptz, 'Courtroom 2', ?, 'scheduled' "
                            + "from unnest(?::text[]) with ordinality as u(t, n) order by n returning id")) {
                ps.setLong(1, caseId);
                ps.setString(2, description);
                ps.setArray(
                        3,
                        db.createArrayOf(
                                "text", times.stream().map(Instant::toString).toArray()));
                List<Long> ids = longs(ps);
                return ids.stream().mapToLong(Long::longValue).toArray();
            }
        }

        /** One row per (subscription, hearing, due), into {@code table}; returns their ids. */
        long[] insertReminders(String table, long[] subs, long[] hearings, String lead, List<Instant> dues)
                throws SQLException {
            try (PreparedStatement ps = db.prepareStatement(
                    "insert into " + table + " (subscription_id, hearing_id, lead_time, due_at) "
                            + "select s, h, ?, d::timestamptz from unnest(?::bigint[], ?::bigint[], ?::text[]) as u(s, h, d) returning id")) {
                ps.setString(1, lead);
                ps.setArray(2, db.createArrayOf("bigint", box(subs)));
                ps.setArray(3, db.createArrayOf("bigint", box(hearings)));
                ps.setArray(
                        4,
                        db.createArrayOf(
                                "text", dues.stream().map(Instant::toString).toArray()));
                return longs(ps).stream().mapToLong(Long::longValue).toArray();
            }
        }

        /** A reminder as the bench reads it back: times in epoch microseconds. */
        record Row(long id, Long eventId, String status, long dueAt, Long settledAt, Boolean late) {}

        Map<Long, Row> rows(long[] ids) throws SQLException {
            Map<Long, Row> rows = new LinkedHashMap<>();
            try (PreparedStatement ps = db.prepareStatement(
                    "select id, event_id, status, due_at, settled_at, late from reminders " + "where id = any(?)")) {
                ps.setArray(1, db.createArrayOf("bigint", box(ids)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long eventId = rs.getLong(2);
                        Long event = rs.wasNull() ? null : eventId;
                        OffsetDateTime settled = rs.getObject(5, OffsetDateTime.class);
                        boolean late = rs.getBoolean(6);
                        Boolean isLate = rs.wasNull() ? null : late;
                        rows.put(
                                rs.getLong(1),
                                new Row(
                                        rs.getLong(1),
                                        event,
                                        rs.getString(3),
                                        micros(rs.getObject(4, OffsetDateTime.class)
                                                .toInstant()),
                                        settled == null ? null : micros(settled.toInstant()),
                                        isLate));
                    }
                }
            }
            return rows;
        }

        /** {count delivered, max(delivered_at) in epoch micros} for the deliveries of reminders firstId..lastId. */
        long[] deliveredRange(long firstId, long lastId) throws SQLException {
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("select count(*), max(d.delivered_at) "
                            + "from deliveries d join reminders r on r.event_id = d.event_id and r.subscription_id = d.subscription_id "
                            + "where r.id between " + firstId + " and " + lastId + " and d.status = 'delivered'")) {
                rs.next();
                OffsetDateTime max = rs.getObject(2, OffsetDateTime.class);
                return new long[] {rs.getLong(1), max == null ? 0 : micros(max.toInstant())};
            }
        }

        void exec(String sql) throws SQLException {
            try (Statement s = db.createStatement()) {
                s.execute(sql);
            }
        }

        String scalar(String sql) throws SQLException {
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        }

        long count(String sql) throws SQLException {
            return Long.parseLong(scalar(sql));
        }

        List<Long> longs(PreparedStatement ps) throws SQLException {
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }

    /**
     * Where the machine's CPU went during a phase (Linux /proc): this JVM (service + bench + receiver),
     * the embedded PostgreSQL (postmaster and its children), everything else on the machine, idle, steal.
     * The machine is shared, so every figure is read with this next to it.
     */
    static final class Cpu {
        static final double TICK = 100.0; // USER_HZ (getconf CLK_TCK) on Linux
        final Path postmasterPid;

        Cpu(Path dataDir) {
            this.postmasterPid = dataDir.resolve("postgres").resolve("postmaster.pid");
        }

        record Sample(long nanos, long busy, long idle, long steal, long jvm, long pg) {}

        Sample sample() {
            long busy = 0;
            long idle = 0;
            long steal = 0;
            try {
                String[] f =
                        Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long[] v = new long[f.length];
                for (int i = 1; i < f.length; i++) {
                    v[i] = Long.parseLong(f[i]);
                }
                busy = v[1] + v[2] + v[3] + v[6] + v[7];
                idle = v[4] + v[5];
                steal = f.length > 8 ? v[8] : 0;
            } catch (IOException | RuntimeException e) {
                // not Linux: figures stay 0
            }
            long jvm = ticks(ProcessHandle.current().pid());
            long pg = 0;
            try {
                long postmaster =
                        Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim());
                pg = ticks(postmaster);
                try (var dirs = Files.list(Path.of("/proc"))) {
                    for (Path d : (Iterable<Path>) dirs::iterator) {
                        String name = d.getFileName().toString();
                        if (name.chars().allMatch(Character::isDigit) && parent(Long.parseLong(name)) == postmaster) {
                            pg += ticks(Long.parseLong(name));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no embedded PostgreSQL (yet)
            }
            return new Sample(System.nanoTime(), busy, idle, steal, jvm, pg);
        }

        /** utime + stime of a process, in ticks (0 when it is gone). */
        static long ticks(long pid) {
            String[] f = statFields(pid);
            return f == null ? 0 : Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        static long parent(long pid) {
            String[] f = statFields(pid);
            return f == null ? -1 : Long.parseLong(f[1]);
        }

        /** /proc/pid/stat after the command name: f[0] is the state, f[1] the ppid, f[11] utime, f[12] stime. */
        static String[] statFields(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        static String between(Sample a, Sample b) {
            double wall = (b.nanos - a.nanos) / 1e9;
            double busy = (b.busy - a.busy) / TICK;
            double jvm = (b.jvm - a.jvm) / TICK;
            double pg = (b.pg - a.pg) / TICK;
            double others = Math.max(0, busy - jvm - pg);
            return String.format(
                    Locale.ROOT,
                    "%.1f s wall: DocketWatch JVM %.1f core-s (%.2f cores), PostgreSQL %.1f (%.2f), "
                            + "other processes %.1f (%.2f), idle %.1f, steal %.1f",
                    wall,
                    jvm,
                    jvm / wall,
                    pg,
                    pg / wall,
                    others,
                    others / wall,
                    (b.idle - a.idle) / TICK,
                    (b.steal - a.steal) / TICK);
        }
    }

    /** A DAO statement's SQL as the service runs it, read from its JDBI annotation. */
    static String sqlOf(String method, Class<? extends java.lang.annotation.Annotation> kind) {
        java.lang.reflect.Method m = Stream.of(ReminderDao.class.getMethods())
                .filter(x -> x.getName().equals(method))
                .findFirst()
                .orElseThrow();
        if (kind == SqlQuery.class) {
            return m.getAnnotation(SqlQuery.class).value();
        }
        return m.getAnnotation(SqlBatch.class).value();
    }

    /** JDBI named parameters ({@code :name}) turned into JDBC positional ones. */
    record Named(String sql, List<String> names) {
        void bind(PreparedStatement ps, Map<String, Object> values) throws SQLException {
            for (int i = 0; i < names.size(); i++) {
                if (!values.containsKey(names.get(i))) {
                    throw new IllegalArgumentException("No value for :" + names.get(i));
                }
                ps.setObject(i + 1, values.get(names.get(i)));
            }
        }
    }

    static Named named(String sql) {
        Matcher m = Pattern.compile("(?<!:):(\\w+)").matcher(sql);
        List<String> names = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        return new Named(out.toString(), names);
    }

    /** The local webhook receiver: answers 204 and records the first arrival of each webhook-id (an event id). */
    static final class Receiver {
        final HttpServer server;
        final ConcurrentHashMap<Long, Long> arrivals = new ConcurrentHashMap<>();
        final AtomicInteger total = new AtomicInteger();
        final AtomicInteger duplicates = new AtomicInteger();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            server.setExecutor(Executors.newFixedThreadPool(16, r -> {
                Thread t = new Thread(r, "bench-receiver");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/", exchange -> {
                long at = micros(Instant.now());
                try (InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                }
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                if (id != null && id.chars().allMatch(Character::isDigit)) {
                    if (arrivals.putIfAbsent(Long.parseLong(id), at) == null) {
                        total.incrementAndGet();
                    } else {
                        duplicates.incrementAndGet();
                    }
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url(String path) {
            return "http://localhost:" + server.getAddress().getPort() + path;
        }

        Long arrival(long eventId) {
            return arrivals.get(eventId);
        }

        int total() {
            return total.get();
        }
    }

    /** Minimal JSON-over-HTTP client for the setup calls. */
    record Api(String base) {
        JsonNode post(String path, String key, Object body, int expected) throws IOException, InterruptedException {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + key)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(
                        "POST " + path + ": expected " + expected + ", got " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        }
    }

    static void waitHealthy(int adminPort, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + adminPort + "/healthcheck"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Service not healthy after " + timeout + ": " + last);
    }

    static synchronized void stop(Server server, Receiver receiver) {
        if (server != null && !server.isStopped()) {
            try {
                server.stop(); // stops the managed objects too: workers, Quartz, then the embedded PostgreSQL
                server.join();
            } catch (Exception e) {
                log("service did not stop cleanly: %s", e);
            }
        }
        receiver.server.stop(0);
    }

    // ---- output ----

    static void header(Options o) {
        System.out.println("DocketWatch reminder benchmark (issue 4)"
                + (o.smoke ? " -- SMOKE sizes, not the targets' sizes" : ""));
        System.out.println(
                "targets: 1,000,000 pending, steady-state p99 lateness <= 2 s; 10,000 due in one second all handed "
                        + "to delivery within 30 s");
    }

    static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
        System.out.flush();
    }

    static void fact(String name, String value) {
        System.out.printf(Locale.ROOT, "  %-52s %s%n", name + ":", value);
        System.out.flush();
    }

    static void log(String format, Object... args) {
        System.out.printf(
                Locale.ROOT,
                "[%7.1f s] %s%n",
                (System.nanoTime() - T0) / 1e9,
                String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    static String percentiles(List<Long> micros) {
        if (micros.isEmpty()) {
            return "n/a";
        }
        return String.format(
                Locale.ROOT,
                "n=%,d p50 %s  p90 %s  p99 %s  max %s",
                micros.size(),
                secs(percentile(micros, 0.5)),
                secs(percentile(micros, 0.9)),
                secs(percentile(micros, 0.99)),
                secs(micros.stream().max(Long::compare).orElseThrow()));
    }

    /** Nearest-rank percentile. */
    static long percentile(List<Long> values, double q) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static String secs(Long micros) {
        return micros == null ? "n/a" : String.format(Locale.ROOT, "%.3f s", micros / 1e6);
    }

    static long micros(Instant i) {
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
    }

    static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+", 4)[0] + " "
                    + Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+", 4)[1] + " "
                    + Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+", 4)[2];
        } catch (IOException | RuntimeException e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static String memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal"))
                    .findFirst()
                    .map(l -> (Long.parseLong(l.replaceAll("\\D", "")) >> 10) + " MiB")
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Long[] box(long[] values) {
        return Arrays.stream(values).boxed().toArray(Long[]::new);
    }

    static List<Instant> repeat(Instant i, int n) {
        List<Instant> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(i);
        }
        return out;
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log("could not delete %s: %s", dir, e);
        }
    }
}
