package com.docketwatch.cases;

import com.docketwatch.cases.CaseDao.CaseQuery;
import com.docketwatch.cases.CaseDao.WholeCase;
import com.docketwatch.cases.PartyDao.CounselRow;
import com.docketwatch.cases.PartyDao.PartyRow;
import com.docketwatch.claims.ClaimDao;
import com.docketwatch.claims.ClaimDao.AgainstRow;
import com.docketwatch.claims.ClaimDao.ClaimRow;
import com.docketwatch.claims.ClaimService;
import com.docketwatch.claims.ClaimView;
import com.docketwatch.courts.CourtDao;
import com.docketwatch.courts.CourtRequest;
import com.docketwatch.courts.CourtView;
import com.docketwatch.events.Events;
import com.docketwatch.hearings.HearingDao;
import com.docketwatch.hearings.HearingDao.HearingRow;
import com.docketwatch.hearings.HearingService;
import com.docketwatch.hearings.HearingView;
import com.docketwatch.platform.Text;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.db.JsonRows;
import com.docketwatch.platform.db.SqlStates;
import com.docketwatch.platform.errors.ApiException;
import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.Cursor;
import com.docketwatch.platform.request.Ids;
import com.docketwatch.platform.request.Page;
import com.docketwatch.platform.request.PageRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Courts, cases, parties and related-case links. */
public final class CaseService {
    private static final Set<String> PATCHABLE = Set.of("caption", "judge", "nature_of_suit");

    private final Jdbi jdbi;
    private final Clock clock;
    private final Events events;
    private final ClaimService claims;
    private final HearingService hearings;

    public CaseService(Jdbi jdbi, Clock clock, Events events, ClaimService claims, HearingService hearings) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.events = events;
        this.claims = claims;
        this.hearings = hearings;
    }

    public CourtView createCourt(CourtRequest r) {
        try {
            return jdbi.inTransaction(h -> Daos.on(h, CourtDao.class)
                    .insert(r.id(), r.name().trim(), r.jurisdiction().trim(), r.timezone()));
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.UNIQUE_VIOLATION.equals(SqlStates.of(e))) {
                throw ApiException.conflict("A court with id '" + r.id() + "' already exists");
            }
            throw e;
        }
    }

    public Page<CourtView> courts(PageRequest page) {
        Cursor c = page.decode(1);
        List<CourtView> rows =
                jdbi.withHandle(h -> Daos.on(h, CourtDao.class).list(c == null ? "" : c.get(0), page.fetchSize()));
        return Page.of(rows, page, v -> Cursor.of(v.id()), v -> v);
    }

    /** Creates the case and its {@code case.created} event (no parties yet: they come with POST .../parties). */
    public CaseView createCase(CaseRequest r) {
        return jdbi.inTransaction(h -> {
            if (Daos.on(h, CourtDao.class).find(r.court()).isEmpty()) {
                throw ApiException.invalid("court", "no court with id '" + r.court() + "'");
            }
            long id;
            try {
                id = Daos.on(h, CaseDao.class)
                        .insert(
                                r.court(),
                                r.docketNumber().trim(),
                                r.caption().trim(),
                                r.filedOn(),
                                Text.blankToNull(r.judge()),
                                Text.blankToNull(r.natureOfSuit()),
                                r.status() == null
                                        ? CaseStatus.OPEN.wire()
                                        : r.status().wire());
            } catch (UnableToExecuteStatementException e) {
                if (SqlStates.isUniqueViolation(e, "cases_court_docket_unique")) {
                    throw ApiException.conflict("Case " + r.docketNumber() + " already exists in court " + r.court());
                }
                throw e;
            }
            Instant now = clock.instant();
            CaseView created = view(h, id, now).orElseThrow();
            events.caseCreated(h, created, now);
            return created;
        });
    }

    /** The case with its parties, claims, next hearing and related cases, in one statement ({@link CaseDao#WHOLE}). */
    public CaseView get(long id) {
        return jdbi.withHandle(h -> view(h, id, clock.instant())).orElseThrow(() -> notFound(id));
    }

    /** {@link #get} inside the caller's transaction (a case.created event's data). */
    public static Optional<CaseView> view(Handle h, long id, Instant now) {
        return CaseDao.whole(h, id, now).map(CaseService::view);
    }

    private static CaseView view(WholeCase w) {
        CaseSummary c = w.summary();
        List<PartyView> parties =
                partyViews(JsonRows.list(w.parties(), PartyRow.class), JsonRows.list(w.counsel(), CounselRow.class));
        List<RelatedCaseView> related = JsonRows.list(w.related(), RelatedCaseView.class).stream()
                .map(CaseService::readable)
                .toList();
        List<ClaimView> claimViews = ClaimService.views(
                JsonRows.list(w.claims(), ClaimRow.class),
                JsonRows.list(w.claimHistory(), ClaimDao.HistoryRow.class),
                JsonRows.list(w.claimAgainst(), AgainstRow.class));
        HearingView next = HearingService.views(
                        JsonRows.list(w.nextHearing(), HearingRow.class),
                        JsonRows.list(w.nextHearingHistory(), HearingDao.HistoryRow.class))
                .stream()
                .findFirst()
                .orElse(null);
        return new CaseView(
                c.id(),
                c.court(),
                c.docketNumber(),
                c.caption(),
                c.filedOn(),
                c.judge(),
                c.natureOfSuit(),
                c.status(),
                c.statusSince(),
                parties,
                claimViews,
                next,
                related,
                c.createdAt(),
                c.updatedAt());
    }

    public Page<CaseSummary> list(CaseQuery query, PageRequest page) {
        Cursor c = page.decode(1);
        List<CaseSummary> rows =
                jdbi.withHandle(h -> CaseDao.list(h, query, c == null ? null : c.getLong(0), page.fetchSize()));
        return Page.of(rows, page, v -> Cursor.of(v.id()), v -> v);
    }

    /** Changes caption, judge or nature of suit; absent fields stay, {@code null} clears judge or nature of suit. */
    public CaseView patch(long id, JsonNode body) {
        if (!(body instanceof ObjectNode patch)) {
            throw ApiException.badRequest("A JSON object is required");
        }
        Check check = new Check();
        patch.fieldNames().forEachRemaining(f -> {
            if (f.equals("status")) {
                check.fail("status", "is changed with POST /cases/{case_id}/status-changes");
            } else if (!PATCHABLE.contains(f)) {
                check.fail(f, "cannot be changed (caption, judge, nature_of_suit can)");
            }
        });
        patch.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull() && !e.getValue().isTextual()) {
                check.fail(e.getKey(), "must be a string");
            }
        });
        if (patch.has("caption")
                && (patch.get("caption").isNull()
                        || Text.isBlank(patch.get("caption").asText()))) {
            check.fail("caption", "is required");
        }
        check.optionalText("caption", text(patch, "caption"), 1000)
                .optionalText("judge", text(patch, "judge"), 300)
                .optionalText("nature_of_suit", text(patch, "nature_of_suit"), 300)
                .orThrow();
        jdbi.useTransaction(h -> {
            CaseDao dao = Daos.on(h, CaseDao.class);
            CaseSummary c = dao.find(id).orElseThrow(() -> notFound(id));
            dao.update(
                    id,
                    patch.has("caption") ? text(patch, "caption").trim() : c.caption(),
                    patch.has("judge") ? Text.blankToNull(text(patch, "judge")) : c.judge(),
                    patch.has("nature_of_suit") ? Text.blankToNull(text(patch, "nature_of_suit")) : c.natureOfSuit(),
                    clock.instant());
        });
        return get(id);
    }

    public List<RelatedCaseView> relate(long id, RelationRequest r) {
        long other = Ids.parse(r.caseId())
                .orElseThrow(() -> ApiException.invalid("case_id", "no case with id " + r.caseId()));
        return jdbi.inTransaction(h -> {
            CaseDao dao = Daos.on(h, CaseDao.class);
            dao.find(id).orElseThrow(() -> notFound(id));
            if (other == id) {
                throw ApiException.invalid("case_id", "a case cannot be related to itself");
            }
            dao.find(other).orElseThrow(() -> ApiException.invalid("case_id", "no case with id " + r.caseId()));
            if (dao.relate(id, other, r.relation().wire()) == 0) {
                throw ApiException.conflict(
                        "Case " + id + " is already " + r.relation().wire() + " case " + other);
            }
            Coverage.linked(h, id, other, clock.instant());
            dao.touch(id, clock.instant());
            return dao.related(id).stream().map(CaseService::readable).toList();
        });
    }

    public PartyView addParty(long caseId, PartyRequest r) {
        List<CounselRequest> counsel = r.counsel() == null ? List.of() : r.counsel();
        return jdbi.inTransaction(h -> {
            requireCase(h, caseId);
            PartyDao dao = Daos.on(h, PartyDao.class);
            PartyRow p = dao.insert(caseId, r.name().trim(), r.role().wire());
            if (!counsel.isEmpty()) {
                dao.insertCounsel(
                        p.id(),
                        counsel.stream().map(c -> c.name().trim()).toList(),
                        counsel.stream().map(c -> Text.blankToNull(c.firm())).toList());
            }
            Instant now = clock.instant();
            events.partiesAdded(h, caseId, List.of(p.name()), now);
            Coverage.partiesAdded(h, caseId, List.of(p.name()), now);
            Daos.on(h, CaseDao.class).touch(caseId, now);
            return partyViews(h, List.of(p)).get(0);
        });
    }

    public Page<PartyView> parties(long caseId, PageRequest page) {
        Cursor c = page.decode(1);
        return jdbi.withHandle(h -> {
            requireCase(h, caseId);
            List<PartyRow> rows =
                    Daos.on(h, PartyDao.class).list(caseId, c == null ? 0 : c.getLong(0), page.fetchSize());
            Page<PartyRow> raw = Page.of(rows, page, p -> Cursor.of(p.id()), p -> p);
            return new Page<>(partyViews(h, raw.data()), raw.nextCursor());
        });
    }

    public PartyView party(long caseId, long partyId) {
        return jdbi.withHandle(h ->
                partyViews(
                                h,
                                Daos.on(h, PartyDao.class).find(caseId, partyId).stream()
                                        .toList())
                        .stream()
                        .findFirst()
                        .orElseThrow(() -> ApiException.notFound("No party " + partyId + " in case " + caseId)));
    }

    public static void requireCase(Handle h, long caseId) {
        CaseDao.lookup(h, caseId).orElseThrow(() -> notFound(caseId));
    }

    public static ApiException notFound(long caseId) {
        return ApiException.notFound("No case with id " + caseId);
    }

    private static List<PartyView> partyViews(Handle h, List<PartyRow> parties) {
        return partyViews(
                parties,
                Daos.on(h, PartyDao.class)
                        .counsel(parties.stream().map(PartyRow::id).toList()));
    }

    private static List<PartyView> partyViews(List<PartyRow> parties, List<CounselRow> counselRows) {
        Map<Long, List<CounselView>> counsel = counselRows.stream()
                .collect(Collectors.groupingBy(
                        CounselRow::partyId,
                        Collectors.mapping(c -> new CounselView(c.name(), c.firm()), Collectors.toList())));
        List<PartyView> views = new ArrayList<>(parties.size());
        for (PartyRow p : parties) {
            views.add(new PartyView(
                    Ids.str(p.id()),
                    Ids.str(p.caseId()),
                    p.name(),
                    p.role(),
                    counsel.getOrDefault(p.id(), List.of()),
                    p.createdAt()));
        }
        return views;
    }

    private static RelatedCaseView readable(RelatedCaseView r) {
        if (!r.relation().startsWith("~")) {
            return r;
        }
        String inverse = Relation.INVERSE.get(r.relation().substring(1));
        return new RelatedCaseView(r.caseId(), inverse, r.court(), r.docketNumber(), r.caption());
    }

    private static String text(ObjectNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
