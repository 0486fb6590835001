package com.docketwatch.ingest;

import com.docketwatch.cases.CaseDao;
import com.docketwatch.cases.CaseService;
import com.docketwatch.cases.CaseStatus;
import com.docketwatch.cases.Coverage;
import com.docketwatch.cases.StatusService;
import com.docketwatch.events.Events;
import com.docketwatch.filings.EntryListener;
import com.docketwatch.filings.FilingView;
import com.docketwatch.ingest.DocketPlan.CaseIn;
import com.docketwatch.ingest.DocketPlan.CounselIn;
import com.docketwatch.ingest.DocketPlan.EntryIn;
import com.docketwatch.ingest.DocketPlan.PartyIn;
import com.docketwatch.ingest.ImportDao.CaseRow;
import com.docketwatch.ingest.ImportDao.CounselKey;
import com.docketwatch.ingest.ImportDao.CounselRow;
import com.docketwatch.ingest.ImportDao.FilingKey;
import com.docketwatch.ingest.ImportDao.FilingRow;
import com.docketwatch.ingest.ImportDao.PartyKey;
import com.docketwatch.ingest.ImportDao.PartyRow;
import com.docketwatch.ingest.ImportDao.StoredFiling;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.request.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a docket (juriscraper's parsed-PACER JSON) in one transaction: creates the court if it is
 * new, creates or updates the case, its parties with their counsel, and one filing per entry. What is
 * already there is read once per case (entry numbers, PACER ids, source keys), so an entry already
 * imported costs no query; new rows are inserted in batches. Only new filings raise filing.created.
 * See docs/import.md.
 */
public final class ImportService {
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    static final int PROGRESS_EVERY = 1000;

    /** How the case itself is treated. */
    public enum Mode {
        /** A full docket: create the case or update its fields from the docket. */
        DOCKET,
        /** Feed items: add entries to a case only if it is tracked already. */
        TRACKED_ONLY,
        /** Feed items of a track-all feed: create an unknown case, never change a known one's fields. */
        CREATE_IF_MISSING
    }

    /** A summary, and whether the case was created by this import. */
    public record Result(ImportSummary summary, boolean caseCreated) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final Events events;
    private final StatusService statuses;
    private final EntryListener entries;

    public ImportService(Jdbi jdbi, Clock clock, Events events, StatusService statuses, EntryListener entries) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.events = events;
        this.statuses = statuses;
        this.entries = entries;
    }

    /** Imports one docket: 422 naming each bad field (nothing written), else the summary. */
    public Result importDocket(Docket docket) {
        DocketPlan plan = DocketPlan.of(docket, this::zoneOf);
        return jdbi.inTransaction(h -> apply(h, plan, Mode.DOCKET)).orElseThrow();
    }

    /** The zone of an existing court, or of the court table (entry instants are dated in it). */
    public ZoneId zoneOf(String court) {
        return jdbi.withHandle(h -> Daos.on(h, ImportDao.class).courtZone(court))
                .map(ZoneId::of)
                .orElseGet(() -> ZoneId.of(FederalCourts.forId(court).zone()));
    }

    /** Applies a plan inside the caller's transaction; empty when {@code mode} leaves an unknown case alone. */
    public Optional<Result> apply(Handle h, DocketPlan plan, Mode mode) {
        Instant now = clock.instant();
        ImportDao dao = Daos.on(h, ImportDao.class);
        CaseIn in = plan.kase();
        Counts created = new Counts();
        Counts updated = new Counts();
        Counts unchanged = new Counts();

        if (mode != Mode.TRACKED_ONLY) {
            FederalCourts.Court court = FederalCourts.forId(in.court());
            (dao.createCourt(in.court(), court.name(), court.zone()) == 1 ? created : unchanged).courts++;
        }
        Optional<CaseRow> existing = dao.lockCase(in.court(), in.docketNumber());
        if (existing.isEmpty() && mode == Mode.TRACKED_ONLY) {
            return Optional.empty();
        }
        boolean caseCreated = false;
        if (existing.isEmpty()) {
            Optional<Long> id = dao.createCase(
                    in.court(),
                    in.docketNumber(),
                    in.caption(),
                    in.filedOn(),
                    in.judge(),
                    in.natureOfSuit(),
                    in.cause(),
                    in.juryDemand(),
                    in.pacerCaseId(),
                    in.originatingCourt(),
                    panel(in),
                    now);
            caseCreated = id.isPresent();
            existing = dao.lockCase(in.court(), in.docketNumber()); // created now, or by a concurrent import
        }
        CaseRow c = existing.orElseThrow();
        long caseId = c.id();
        if (caseCreated) {
            created.cases++;
        } else if (mode == Mode.DOCKET && updateCase(dao, c, in, now)) {
            updated.cases++;
        } else {
            unchanged.cases++;
        }
        if (in.originCourt() != null && in.originDocket() != null) {
            Optional<Long> origin = dao.findCase(in.originCourt(), in.originDocket());
            if (origin.isPresent() && Daos.on(h, CaseDao.class).relate(caseId, origin.get(), "appeal_of") == 1) {
                Coverage.linked(h, caseId, origin.get(), now);
            }
        }

        List<String> newParties = new ArrayList<>();
        Map<String, Long> partyIds = parties(dao, caseId, plan.parties(), newParties, created, updated, unchanged);
        counsel(dao, plan.parties(), partyIds, caseId, created, updated, unchanged);
        int eventCount = 0;
        if (caseCreated) {
            // After its parties, so that party subscriptions hear of it; before its filings, in the feed too.
            events.caseCreated(h, CaseService.view(h, caseId, now).orElseThrow(), now);
            eventCount++;
        } else if (!newParties.isEmpty()) {
            events.partiesAdded(h, caseId, newParties, now);
            Coverage.partiesAdded(h, caseId, newParties, now);
        }
        Filed filed = filings(dao, caseId, in, plan.entries(), now, created, updated, unchanged);
        List<FilingView> newFilings = filed.created();
        eventCount += events.filingsCreated(h, caseId, newFilings, now);
        eventCount += events.filingsUpdated(h, caseId, filed.updated(), now);
        entries.arrived(h, caseId, inDocketOrder(newFilings), now);

        String status = c.status();
        if (in.terminatedOn() != null && !in.terminatedOn().equals(c.terminatedOn()) && mode == Mode.DOCKET) {
            dao.terminated(caseId, in.terminatedOn());
            if (CaseStatus.allowed(status, "closed")) {
                statuses.record(
                        h,
                        caseId,
                        status,
                        "closed",
                        in.terminatedOn(),
                        "Terminated " + in.terminatedOn() + " on the PACER docket (import)",
                        null,
                        null,
                        now);
                created.statusChanges++;
                eventCount++;
            }
        }
        if (!newFilings.isEmpty() || created.parties + created.counsel + updated.total() > 0) {
            Daos.on(h, CaseDao.class).touch(caseId, now);
        }
        if (plan.entries().size() >= PROGRESS_EVERY) {
            LOG.info(
                    "Imported {} {}: {} entries, {} new filings, {} updated",
                    in.court(),
                    in.docketNumber(),
                    plan.entries().size(),
                    created.filings,
                    updated.filings);
        }
        ImportSummary summary = new ImportSummary(
                in.court(),
                Ids.str(caseId),
                in.docketNumber(),
                created.view(),
                updated.view(),
                unchanged.view(),
                plan.skipped(),
                eventCount);
        return Optional.of(new Result(summary, caseCreated));
    }

    private static boolean updateCase(ImportDao dao, CaseRow c, CaseIn in, Instant now) {
        String caption = or(in.caption(), c.caption());
        String judge = or(in.judge(), c.judge());
        String nos = or(in.natureOfSuit(), c.natureOfSuit());
        String cause = or(in.cause(), c.cause());
        String jury = or(in.juryDemand(), c.juryDemand());
        String pacerCaseId = or(in.pacerCaseId(), c.pacerCaseId());
        String origin = in.originatingCourt() != null && !sameJson(in.originatingCourt(), c.originatingCourt())
                ? in.originatingCourt()
                : c.originatingCourt();
        String panel = or(panel(in), c.panel());
        var filedOn = in.filedOn() == null ? c.filedOn() : in.filedOn();
        if (caption.equals(c.caption())
                && Objects.equals(judge, c.judge())
                && Objects.equals(nos, c.natureOfSuit())
                && Objects.equals(cause, c.cause())
                && Objects.equals(jury, c.juryDemand())
                && Objects.equals(pacerCaseId, c.pacerCaseId())
                && Objects.equals(origin, c.originatingCourt())
                && Objects.equals(panel, c.panel())
                && filedOn.equals(c.filedOn())) {
            return false;
        }
        dao.updateCase(c.id(), caption, filedOn, judge, nos, cause, jury, pacerCaseId, origin, panel, now);
        return true;
    }

    /**
     * Parties matched by their import key, else an unclaimed party of the same name and role (added by
     * hand); the names of those inserted are added to {@code added}.
     */
    private static Map<String, Long> parties(
            ImportDao dao,
            long caseId,
            List<PartyIn> parties,
            List<String> added,
            Counts created,
            Counts updated,
            Counts unchanged) {
        Map<String, Long> ids = new HashMap<>();
        if (parties.isEmpty()) {
            return ids;
        }
        List<PartyKey> existing = dao.parties(caseId);
        Map<String, PartyKey> byKey = new HashMap<>();
        Map<String, List<PartyKey>> manual = new HashMap<>();
        for (PartyKey p : existing) {
            if (p.importKey() != null) {
                byKey.put(p.importKey(), p);
            } else {
                manual.computeIfAbsent(DocketPlan.normal(p.name()) + "|" + p.role(), k -> new ArrayList<>())
                        .add(p);
            }
        }
        List<PartyIn> toInsert = new ArrayList<>();
        List<PartyRow> inserts = new ArrayList<>();
        List<PartyRow> updates = new ArrayList<>();
        for (PartyIn p : parties) {
            PartyKey k = byKey.get(p.key());
            if (k == null) {
                List<PartyKey> same = manual.getOrDefault(DocketPlan.normal(p.name()) + "|" + p.role(), List.of());
                k = same.isEmpty() ? null : same.remove(0);
            }
            PartyRow row = new PartyRow(
                    k == null ? 0 : k.id(),
                    caseId,
                    p.key(),
                    p.name(),
                    p.role(),
                    p.pacerType(),
                    p.extraInfo(),
                    p.terminatedOn());
            if (k == null) {
                toInsert.add(p);
                inserts.add(row);
            } else {
                ids.put(p.key(), k.id());
                if (p.key().equals(k.importKey())
                        && p.role().equals(k.role())
                        && Objects.equals(p.pacerType(), k.pacerType())
                        && Objects.equals(p.extraInfo(), k.extraInfo())
                        && Objects.equals(p.terminatedOn(), k.terminatedOn())) {
                    unchanged.parties++;
                } else {
                    updates.add(row);
                }
            }
        }
        if (!inserts.isEmpty()) {
            inserts.forEach(p -> added.add(p.name()));
            long[] newIds = dao.insertParties(inserts);
            for (int i = 0; i < newIds.length; i++) {
                ids.put(toInsert.get(i).key(), newIds[i]);
            }
        }
        if (!updates.isEmpty()) {
            dao.updateParties(updates);
        }
        created.parties += inserts.size();
        updated.parties += updates.size();
        return ids;
    }

    /** Counsel matched per party by name (and occurrence); new ones inserted, changed roles or contact updated. */
    private static void counsel(
            ImportDao dao,
            List<PartyIn> parties,
            Map<String, Long> partyIds,
            long caseId,
            Counts created,
            Counts updated,
            Counts unchanged) {
        if (parties.stream().allMatch(p -> p.counsel().isEmpty())) {
            return;
        }
        Map<Long, Map<String, CounselKey>> existing = new HashMap<>();
        Map<String, Integer> occurrence = new HashMap<>();
        for (CounselKey k : dao.counsel(caseId)) {
            // Counsel imported before entities were decoded match their decoded names.
            String name = DocketPlan.normal(Html.unescape(k.name()));
            int n = occurrence.merge(k.partyId() + "|" + name, 1, Integer::sum);
            existing.computeIfAbsent(k.partyId(), x -> new HashMap<>()).put(name + "#" + n, k);
        }
        List<CounselRow> inserts = new ArrayList<>();
        List<CounselRow> updates = new ArrayList<>();
        for (PartyIn p : parties) {
            long partyId = partyIds.get(p.key());
            Map<String, CounselKey> mine = existing.getOrDefault(partyId, Map.of());
            for (CounselIn a : p.counsel()) {
                String[] roles = a.roles().toArray(String[]::new);
                CounselKey k = mine.get(a.key());
                if (k == null) {
                    inserts.add(new CounselRow(0, partyId, a.name(), a.firm(), roles, a.contact()));
                } else if (Objects.equals(k.firm(), a.firm())
                        && Objects.equals(k.contact(), a.contact())
                        && Objects.equals(Objects.toString(k.roles(), ""), String.join("\n", a.roles()))) {
                    unchanged.counsel++;
                } else {
                    updates.add(new CounselRow(k.id(), partyId, a.name(), a.firm(), roles, a.contact()));
                }
            }
        }
        if (!inserts.isEmpty()) {
            dao.insertCounsel(inserts);
        }
        if (!updates.isEmpty()) {
            dao.updateCounsel(updates);
        }
        created.counsel += inserts.size();
        updated.counsel += updates.size();
    }

    /** Oldest first, so that a later entry's reset applies to the setting an earlier one made. */
    private static List<FilingView> inDocketOrder(List<FilingView> filings) {
        return filings.stream()
                .sorted(Comparator.comparing(FilingView::filedOn)
                        .thenComparing(FilingView::entryNumber, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(f -> Long.parseLong(f.id())))
                .toList();
    }

    /** The filings an import created, and those it changed in what a reader sees. */
    private record Filed(List<FilingView> created, List<Events.FilingUpdate> updated) {}

    /**
     * Entries against the case's filings, read once: a numbered entry is the filing with that entry
     * number; an unnumbered one the unnumbered filing with its PACER sequence number, document id or
     * source key. Unknown entries are inserted; imported ones whose digest changed are read and merged
     * ({@link EntryUpdate}), and updated; filings an editor added by hand are left as they are.
     */
    private Filed filings(
            ImportDao dao,
            long caseId,
            CaseIn in,
            List<EntryIn> entries,
            Instant now,
            Counts created,
            Counts updated,
            Counts unchanged) {
        if (entries.isEmpty()) {
            return new Filed(List.of(), List.of());
        }
        Map<Integer, FilingKey> byNumber = new HashMap<>();
        Map<String, FilingKey> unnumbered = new HashMap<>();
        for (FilingKey f : dao.filings(caseId)) {
            if (f.entryNumber() != null) {
                byNumber.put(f.entryNumber(), f);
            } else {
                if (f.sourceKey() != null) {
                    unnumbered.put(f.sourceKey(), f);
                }
                if (f.pacerSeqNo() != null) {
                    unnumbered.putIfAbsent("s:" + f.pacerSeqNo(), f);
                }
                if (f.pacerDocId() != null) {
                    unnumbered.putIfAbsent("d:" + f.pacerDocId(), f);
                }
            }
        }
        List<FilingRow> inserts = new ArrayList<>();
        Map<Long, EntryIn> changed = new HashMap<>();
        Set<Long> matched = new HashSet<>();
        int seen = 0;
        for (EntryIn e : entries) {
            FilingKey f = e.entryNumber() != null
                    ? byNumber.get(e.entryNumber())
                    : first(
                            unnumbered,
                            e.key(),
                            e.pacerSeqNo() == null ? null : "s:" + e.pacerSeqNo(),
                            e.pacerDocId() == null ? null : "d:" + e.pacerDocId());
            if (f != null && !matched.add(f.id())) {
                f = null; // two entries of this docket claim one filing: the second is a filing of its own
            }
            if (f == null) {
                inserts.add(row(0, caseId, e, now));
            } else if (f.importHash() == null || f.importHash().equals(e.hash())) {
                unchanged.filings++;
            } else {
                changed.put(f.id(), e);
            }
            if (++seen % PROGRESS_EVERY == 0) {
                LOG.info(
                        "Import {} {}: {} of {} entries compared", in.court(), in.docketNumber(), seen, entries.size());
            }
        }
        List<FilingView> views = new ArrayList<>(inserts.size());
        long[] ids = inserts.isEmpty() ? new long[0] : dao.newFilingIds(inserts.size());
        for (int i = 0; i < inserts.size(); i++) {
            FilingRow r = inserts.get(i).withId(ids[i]);
            inserts.set(i, r);
            views.add(new FilingView(
                    Ids.str(ids[i]),
                    Ids.str(caseId),
                    r.entryNumber(),
                    r.filedOn(),
                    r.kind(),
                    r.title(),
                    r.description(),
                    null,
                    r.documentUrl(),
                    now));
        }
        for (int from = 0; from < inserts.size(); from += PROGRESS_EVERY) {
            int to = Math.min(inserts.size(), from + PROGRESS_EVERY);
            dao.insertFilings(inserts.subList(from, to));
            if (inserts.size() > PROGRESS_EVERY) {
                LOG.info(
                        "Import {} {}: {} of {} new filings written",
                        in.court(),
                        in.docketNumber(),
                        to,
                        inserts.size());
            }
        }
        List<Events.FilingUpdate> shown = new ArrayList<>();
        if (!changed.isEmpty()) {
            List<FilingRow> updates = new ArrayList<>(changed.size());
            List<StoredFiling> stored = dao.stored(
                    changed.keySet().stream().mapToLong(Long::longValue).toArray());
            for (StoredFiling old : stored) {
                EntryUpdate u = EntryUpdate.of(old, changed.get(old.id()), now);
                updates.add(u.row()); // the new digest at least, so the same entry is not compared again
                if (!u.changes().isEmpty()) {
                    shown.add(new Events.FilingUpdate(u.filing(), u.changes()));
                }
                if (u.rewrites(old)) {
                    updated.filings++;
                } else {
                    unchanged.filings++;
                }
            }
            dao.updateFilings(updates);
        }
        created.filings += inserts.size();
        return new Filed(views, shown);
    }

    private static FilingRow row(long id, long caseId, EntryIn e, Instant now) {
        return new FilingRow(
                id,
                caseId,
                e.entryNumber(),
                e.filedOn(),
                e.dateEntered(),
                e.kind(),
                e.title(),
                e.description(),
                e.documentUrl(),
                e.pacerDocId(),
                e.pacerSeqNo(),
                e.attachments(),
                e.key(),
                e.hash(),
                now);
    }

    private static FilingKey first(Map<String, FilingKey> map, String... keys) {
        for (String k : keys) {
            if (k != null && map.containsKey(k)) {
                return map.get(k);
            }
        }
        return null;
    }

    private static String panel(CaseIn in) {
        return in.panel() == null ? null : String.join("|", in.panel());
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static boolean sameJson(String a, String b) {
        if (b == null) {
            return false;
        }
        try {
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            return json.readTree(a).equals(json.readTree(b));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    /** Mutable counters while importing. */
    private static final class Counts {
        int courts;
        int cases;
        int parties;
        int counsel;
        int filings;
        int statusChanges;

        int total() {
            return courts + cases + parties + counsel + filings + statusChanges;
        }

        ImportCounts view() {
            return new ImportCounts(courts, cases, parties, counsel, filings, statusChanges);
        }
    }
}
