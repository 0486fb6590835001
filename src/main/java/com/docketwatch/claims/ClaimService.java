package com.docketwatch.claims;

import com.docketwatch.cases.CaseDao;
import com.docketwatch.cases.CaseService;
import com.docketwatch.cases.PartyDao;
import com.docketwatch.claims.ClaimDao.AgainstRow;
import com.docketwatch.claims.ClaimDao.ClaimRow;
import com.docketwatch.claims.ClaimDao.HistoryRow;
import com.docketwatch.events.Events;
import com.docketwatch.filings.FilingDao;
import com.docketwatch.platform.Text;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.errors.ApiException;
import com.docketwatch.platform.request.Cursor;
import com.docketwatch.platform.request.Ids;
import com.docketwatch.platform.request.Page;
import com.docketwatch.platform.request.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Claims (causes of action): creation, status changes kept as history, {@code claim.updated} events. */
public final class ClaimService {
    private static final int MAX_AGAINST = 1000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final Events events;

    public ClaimService(Jdbi jdbi, Clock clock, Events events) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.events = events;
    }

    public ClaimView create(long caseId, ClaimRequest r) {
        Set<Long> against = new LinkedHashSet<>();
        (r.against() == null ? List.<String>of() : r.against())
                .forEach(id -> against.add(Ids.parse(id).getAsLong()));
        String status = r.status() == null ? "pending" : r.status().wire();
        return jdbi.inTransaction(h -> {
            CaseService.requireCase(h, caseId);
            Set<Long> known = new HashSet<>(Daos.on(h, PartyDao.class).ofCase(caseId, against));
            List<Long> unknown =
                    against.stream().filter(id -> !known.contains(id)).toList();
            if (!unknown.isEmpty()) {
                throw ApiException.invalid(
                        "against", "no part" + (unknown.size() == 1 ? "y " : "ies ") + unknown + " in this case");
            }
            Instant now = clock.instant();
            ClaimDao dao = Daos.on(h, ClaimDao.class);
            ClaimRow claim = dao.insert(caseId, r.title().trim(), Text.blankToNull(r.statute()), status, now);
            if (!against.isEmpty()) {
                dao.insertAgainst(claim.id(), against);
            }
            dao.insertHistory(claim.id(), null, status, null, null, now);
            Daos.on(h, CaseDao.class).touch(caseId, now);
            return views(h, List.of(claim)).get(0);
        });
    }

    /** A new status for a claim; the same status again is a 409, like a case's status. */
    public ClaimView changeStatus(long caseId, long claimId, ClaimPatch r) {
        Long filingId = r.filingId() == null ? null : Ids.parse(r.filingId()).getAsLong();
        return jdbi.inTransaction(h -> {
            CaseService.requireCase(h, caseId);
            ClaimDao dao = Daos.on(h, ClaimDao.class);
            ClaimRow claim = dao.lock(caseId, claimId)
                    .orElseThrow(() -> ApiException.notFound("No claim " + claimId + " in case " + caseId));
            if (filingId != null && !Daos.on(h, FilingDao.class).belongsTo(filingId, caseId)) {
                throw ApiException.invalid("filing_id", "no filing " + filingId + " in this case");
            }
            if (claim.status().equals(r.status().wire())) {
                throw ApiException.conflict("The claim is already " + r.status().wire());
            }
            Instant now = clock.instant();
            ClaimRow updated = dao.updateStatus(claimId, r.status().wire(), now);
            dao.insertHistory(claimId, claim.status(), r.status().wire(), Text.blankToNull(r.reason()), filingId, now);
            Daos.on(h, CaseDao.class).touch(caseId, now);
            ClaimView view = views(h, List.of(updated)).get(0);
            events.record(h, Events.CLAIM_UPDATED, caseId, view, now);
            return view;
        });
    }

    public ClaimView get(long caseId, long claimId) {
        return jdbi.withHandle(h ->
                views(
                                h,
                                Daos.on(h, ClaimDao.class).find(caseId, claimId).stream()
                                        .toList())
                        .stream()
                        .findFirst()
                        .orElseThrow(() -> ApiException.notFound("No claim " + claimId + " in case " + caseId)));
    }

    public Page<ClaimView> list(long caseId, PageRequest page) {
        Cursor c = page.decode(1);
        return jdbi.withHandle(h -> {
            CaseService.requireCase(h, caseId);
            List<ClaimRow> rows =
                    Daos.on(h, ClaimDao.class).list(caseId, c == null ? 0 : c.getLong(0), page.fetchSize());
            Page<ClaimRow> raw = Page.of(rows, page, r -> Cursor.of(r.id()), r -> r);
            return new Page<>(views(h, raw.data()), raw.nextCursor());
        });
    }

    private static List<ClaimView> views(Handle h, List<ClaimRow> claims) {
        List<Long> ids = claims.stream().map(ClaimRow::id).toList();
        ClaimDao dao = Daos.on(h, ClaimDao.class);
        return views(claims, dao.history(ids), dao.against(ids));
    }

    /** The claims as the API shows them, from their rows, their history and whom each is against. */
    public static List<ClaimView> views(
            List<ClaimRow> claims, List<HistoryRow> historyRows, List<AgainstRow> againstRows) {
        Map<Long, List<ClaimHistoryView>> history = historyRows.stream()
                .collect(Collectors.groupingBy(
                        HistoryRow::claimId, Collectors.mapping(ClaimService::view, Collectors.toList())));
        Map<Long, List<String>> against = againstRows.stream()
                .collect(Collectors.groupingBy(
                        AgainstRow::claimId, Collectors.mapping(a -> Ids.str(a.partyId()), Collectors.toList())));
        List<ClaimView> views = new ArrayList<>(claims.size());
        for (ClaimRow c : claims) {
            views.add(new ClaimView(
                    Ids.str(c.id()),
                    Ids.str(c.caseId()),
                    c.title(),
                    c.statute(),
                    against.getOrDefault(c.id(), List.of()),
                    c.status(),
                    history.getOrDefault(c.id(), List.of()),
                    c.createdAt(),
                    c.updatedAt()));
        }
        return views;
    }

    private static ClaimHistoryView view(HistoryRow r) {
        return new ClaimHistoryView(r.fromStatus(), r.status(), r.reason(), Ids.str(r.filingId()), r.changedAt());
    }
}
