package com.docketwatch.demo;

import com.docketwatch.cases.CaseRequest;
import com.docketwatch.cases.CaseService;
import com.docketwatch.cases.CaseStatus;
import com.docketwatch.cases.CounselRequest;
import com.docketwatch.cases.PartyRequest;
import com.docketwatch.cases.PartyRole;
import com.docketwatch.cases.PartyView;
import com.docketwatch.cases.Relation;
import com.docketwatch.cases.RelationRequest;
import com.docketwatch.cases.StatusChangeRequest;
import com.docketwatch.cases.StatusService;
import com.docketwatch.claims.ClaimPatch;
import com.docketwatch.claims.ClaimRequest;
import com.docketwatch.claims.ClaimService;
import com.docketwatch.claims.ClaimStatus;
import com.docketwatch.claims.ClaimView;
import com.docketwatch.courts.CourtRequest;
import com.docketwatch.filings.FilingKind;
import com.docketwatch.filings.FilingRequest;
import com.docketwatch.filings.FilingService;
import com.docketwatch.filings.FilingView;
import com.docketwatch.hearings.HearingKind;
import com.docketwatch.hearings.HearingPatch;
import com.docketwatch.hearings.HearingRequest;
import com.docketwatch.hearings.HearingService;
import com.docketwatch.hearings.HearingStatus;
import com.docketwatch.hearings.HearingView;
import com.docketwatch.platform.db.Daos;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Musk v. OpenAI demo: both cases (the San Francisco Superior Court case, voluntarily dismissed,
 * and the refiled federal case in N.D. Cal. through to judgment), from the public facts in
 * {@code shared/musk-v-openai.md}. Loaded through the same services the API uses, in one
 * transaction, and only when the federal case is not there yet.
 */
public final class DemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    static final String STATE_COURT = "ca-sf-superior";
    static final String FEDERAL_COURT = "cand";
    static final String STATE_DOCKET = "CGC-24-612746";
    static final String FEDERAL_DOCKET = "4:24-cv-04722-YGR";

    private static final List<String> OPENAI_DEFENDANTS = List.of(
            "Samuel Altman",
            "Gregory Brockman",
            "OpenAI, Inc.",
            "OpenAI, L.P.",
            "OpenAI, L.L.C.",
            "OpenAI GP, L.L.C.",
            "OpenAI OpCo, LLC",
            "OpenAI Global, LLC",
            "OAI Corporation, LLC",
            "OpenAI Holdings, LLC");

    private final Jdbi jdbi;
    private final CaseService cases;
    private final FilingService filings;
    private final ClaimService claims;
    private final StatusService statuses;
    private final HearingService hearings;

    public DemoData(
            Jdbi jdbi,
            CaseService cases,
            FilingService filings,
            ClaimService claims,
            StatusService statuses,
            HearingService hearings) {
        this.jdbi = jdbi;
        this.cases = cases;
        this.filings = filings;
        this.claims = claims;
        this.statuses = statuses;
        this.hearings = hearings;
    }

    /** Loads the demo unless it is already there; all or nothing. */
    public void loadOnce() {
        jdbi.useTransaction(h -> {
            DemoDao dao = Daos.on(h, DemoDao.class);
            dao.lock();
            boolean present = dao.caseExists(FEDERAL_COURT, FEDERAL_DOCKET);
            if (present) {
                LOG.info("Demo data already loaded");
                return;
            }
            load();
            LOG.info("Loaded the Musk v. OpenAI demo cases");
        });
    }

    private void load() {
        court(STATE_COURT, "Superior Court of California, County of San Francisco", "state");
        court(FEDERAL_COURT, "U.S. District Court, N.D. Cal.", "federal");
        long state = stateCase();
        long federal = federalCase();
        cases.relate(state, new RelationRequest(Long.toString(federal), Relation.REFILED_AS));
    }

    private void court(String id, String name, String jurisdiction) {
        boolean exists = jdbi.withHandle(h -> Daos.on(h, DemoDao.class).courtExists(id));
        if (!exists) {
            cases.createCourt(new CourtRequest(id, name, jurisdiction, PACIFIC.getId()));
        }
    }

    private long stateCase() {
        long id = Long.parseLong(cases.createCase(new CaseRequest(
                        STATE_COURT,
                        STATE_DOCKET,
                        "Musk v. Altman et al.",
                        LocalDate.of(2024, 2, 29),
                        null,
                        "Breach of contract (jury demanded)",
                        null))
                .id());
        String musk = party(
                id,
                "Elon Musk",
                "plaintiff",
                List.of(new CounselRequest("Irell & Manella LLP", "Irell & Manella LLP")));
        List<String> defendants = new ArrayList<>();
        for (String name : OPENAI_DEFENDANTS) {
            defendants.add(party(id, name, "defendant", List.of()));
        }
        party(id, "Does 1-100", "defendant", List.of());

        filing(
                id,
                "2024-02-29",
                "complaint",
                "Complaint",
                "Complaint for breach of contract, promissory estoppel, breach of fiduciary duty, unfair competition "
                        + "(Cal. Bus. & Prof. Code § 17200) and accounting. Jury demanded. Alleges OpenAI abandoned its "
                        + "founding non-profit mission.",
                musk);
        String dismissal = filing(
                id,
                "2024-06-11",
                "notice",
                "Request for dismissal without prejudice",
                "Plaintiff voluntarily dismisses the action without prejudice, the day before the hearing on "
                        + "OpenAI's demurrer.",
                musk);

        List<String[]> counts = List.of(
                new String[] {"Breach of contract", null},
                new String[] {"Promissory estoppel", null},
                new String[] {"Breach of fiduciary duty", null},
                new String[] {"Unfair competition", "Cal. Bus. & Prof. Code § 17200"},
                new String[] {"Accounting", null});
        for (String[] count : counts) {
            ClaimView claim = claims.create(id, new ClaimRequest(count[0], count[1], defendants, null));
            claims.changeStatus(
                    id,
                    Long.parseLong(claim.id()),
                    new ClaimPatch(
                            ClaimStatus.WITHDRAWN,
                            "Action voluntarily dismissed without prejudice on 2024-06-11",
                            dismissal));
        }

        HearingView demurrer = hearings.create(
                id,
                new HearingRequest(
                        HearingKind.MOTION_HEARING,
                        at(2024, 6, 12, 9, 30),
                        "Superior Court of California, County of San Francisco, 400 McAllister St.",
                        "Hearing on defendants' demurrer to the complaint (time of day not given in public reporting)"));
        hearings.change(id, Long.parseLong(demurrer.id()), new HearingPatch(null, HearingStatus.VACATED, null));

        statuses.change(
                id,
                new StatusChangeRequest(
                        CaseStatus.VOLUNTARILY_DISMISSED,
                        LocalDate.of(2024, 6, 11),
                        "Plaintiff's request for dismissal without prejudice; refiled in federal court on 2024-08-05",
                        dismissal,
                        false));
        return id;
    }

    private long federalCase() {
        long id = Long.parseLong(cases.createCase(new CaseRequest(
                        FEDERAL_COURT,
                        FEDERAL_DOCKET,
                        "Musk v. Altman et al.",
                        LocalDate.of(2024, 8, 5),
                        "Yvonne Gonzalez Rogers",
                        null,
                        null))
                .id());
        List<CounselRequest> toberoff =
                List.of(new CounselRequest("Toberoff & Associates, P.C.", "Toberoff & Associates, P.C."));
        String musk = party(id, "Elon Musk", "plaintiff", toberoff);
        Map<String, String> d = new java.util.LinkedHashMap<>();
        for (String name : OPENAI_DEFENDANTS) {
            d.put(name, party(id, name, "defendant", List.of()));
        }
        List<String> openai = List.copyOf(d.values());

        filing(
                id,
                "2024-08-05",
                "complaint",
                "Complaint",
                "Complaint (first captioned 3:24-cv-04722) alleging promissory fraud, constructive fraud, civil RICO, "
                        + "breach of contract and related claims arising from OpenAI's shift away from its non-profit mission.",
                musk);
        String fac = filing(
                id,
                "2024-11-14",
                "amended_complaint",
                "First amended complaint",
                "Adds defendants Microsoft Corporation, Reid Hoffman and Dee Templeton, plaintiffs xAI Corp. and "
                        + "Shivon Zilis, and antitrust claims under the Sherman Act and Clayton Act § 8 (interlocking directorates).",
                musk);
        party(id, "xAI Corp.", "plaintiff", toberoff);
        party(id, "Shivon Zilis", "plaintiff", toberoff);
        for (String name : List.of("Microsoft Corporation", "Reid Hoffman", "Dee Templeton")) {
            d.put(name, party(id, name, "defendant", List.of()));
        }
        List<String> all = List.copyOf(d.values());
        String pi = filing(
                id,
                "2024-11-29",
                "motion",
                "Motion for preliminary injunction",
                "Plaintiffs move to enjoin OpenAI's conversion to a for-profit company and related conduct "
                        + "(filed late November 2024).",
                musk);
        filing(
                id,
                "2024-12-13",
                "opposition",
                "Opposition to motion for preliminary injunction",
                "OpenAI defendants oppose the motion; exhibits include emails from 2017 on control of the "
                        + "organisation and a discussion of acquiring the chip maker Cerebras.",
                d.get("OpenAI, Inc."));
        filing(
                id,
                "2025-02-04",
                "other",
                "Minute entry: hearing on motion for preliminary injunction",
                "Motion hearing held before Judge Yvonne Gonzalez Rogers in Oakland; matter taken under submission.",
                null);
        String piOrder = filing(
                id,
                "2025-03-04",
                "order",
                "Order denying motion for preliminary injunction",
                "16-page order denying the motion for preliminary injunction; the court offers an expedited trial.",
                null);
        filing(
                id,
                "2025-04-04",
                "order",
                "Order setting jury trial",
                "Jury trial set for spring 2026 on an expedited schedule.",
                null);
        filing(
                id,
                "2025-04-09",
                "answer",
                "Answer and counterclaims of OpenAI defendants",
                "OpenAI answers the amended complaint and counterclaims against Elon Musk (counterclaims allowed to "
                        + "proceed in August 2025).",
                d.get("OpenAI, Inc."));
        String mtdOrder = filing(
                id,
                "2025-05-01",
                "order",
                "Order granting in part and denying in part motions to dismiss",
                "Fraud and unjust enrichment claims survive; false advertising and fiduciary-duty claims dismissed; "
                        + "RICO claims dismissed with leave to amend.",
                null);
        filing(
                id,
                "2026-04-27",
                "other",
                "Minute entry: jury trial, day 1",
                "Jury selection (one source reports a tentative start of 2026-03-30).",
                null);
        filing(
                id,
                "2026-04-29",
                "other",
                "Minute entry: jury trial, opening statements",
                "Opening statements to the advisory jury. Musk testifies his contributions came to about $38M "
                        + "(the complaint put them at about $44M).",
                null);
        filing(
                id,
                "2026-05-18",
                "other",
                "Advisory jury verdict",
                "The advisory jury finds the plaintiffs' claims time-barred.",
                null);
        String judgmentOrder = filing(
                id,
                "2026-05-18",
                "order",
                "Order adopting advisory verdict",
                "The court adopts the advisory jury's verdict that the claims are time-barred and dismisses the case.",
                null);
        String judgment = filing(
                id,
                "2026-05-18",
                "judgment",
                "Judgment",
                "Judgment entered for defendants. Plaintiff Musk announced an appeal to the Ninth Circuit.",
                null);

        federalClaims(id, openai, all, d, fac, mtdOrder, judgment);

        HearingView piHearing = hearings.create(
                id,
                new HearingRequest(
                        HearingKind.MOTION_HEARING,
                        at(2025, 2, 4, 10, 0),
                        "Oakland Courthouse, Courtroom 1, 1301 Clay Street, Oakland, CA",
                        "Hearing on plaintiffs' motion for preliminary injunction (moved from January 2025)"));
        hearings.change(
                id,
                Long.parseLong(piHearing.id()),
                new HearingPatch(
                        null,
                        HearingStatus.HELD,
                        "Taken under submission; motion denied by order of 2025-03-04 (" + piOrder + ")"));
        // Sources disagree on the trial date: a tentative 2026-03-30 was reported, jury selection took place on
        // 2026-04-27.
        HearingView trial = hearings.create(
                id,
                new HearingRequest(
                        HearingKind.TRIAL,
                        at(2026, 3, 30, 8, 30),
                        "Oakland Courthouse, Courtroom 1, 1301 Clay Street, Oakland, CA",
                        "Jury trial (expedited schedule; tentative start date as reported by one source)"));
        hearings.change(id, Long.parseLong(trial.id()), new HearingPatch(at(2026, 4, 27, 8, 30), null, null));
        hearings.change(
                id,
                Long.parseLong(trial.id()),
                new HearingPatch(
                        null,
                        HearingStatus.HELD,
                        "Jury selection 2026-04-27, openings about 2026-04-29; the advisory jury found the claims time-barred "
                                + "(2026-05-18) and the court adopted the verdict"));
        // Not a court event but a date the rules fix: 30 days after the judgment (FRAP 4(a)(1)(A)).
        hearings.create(
                id,
                new HearingRequest(
                        HearingKind.DEADLINE,
                        at(2026, 6, 17, 23, 59),
                        null,
                        "Deadline to file a notice of appeal to the Ninth Circuit, 30 days after entry of judgment "
                                + "(Fed. R. App. P. 4(a)(1)(A)); Musk announced an appeal"));

        statuses.change(
                id,
                new StatusChangeRequest(
                        CaseStatus.JUDGMENT_ENTERED,
                        LocalDate.of(2026, 5, 18),
                        "Advisory jury found the claims time-barred; the judge adopted the verdict and dismissed the case",
                        judgmentOrder,
                        null));
        return id;
    }

    private void federalClaims(
            long id,
            List<String> openai,
            List<String> all,
            Map<String, String> d,
            String fac,
            String mtdOrder,
            String judgment) {
        String dismissedMay = "Dismissed by the order of 2025-05-01";
        String survivedMay = "Survived the motions to dismiss (order of 2025-05-01)";
        String timeBarred = "Advisory jury found the claims time-barred; judgment for defendants (2026-05-18)";
        claim(
                id,
                "Promissory fraud",
                null,
                openai,
                List.of(step("survived", survivedMay, mtdOrder), step("judgment_for_defendant", timeBarred, judgment)));
        claim(
                id,
                "Constructive fraud",
                null,
                openai,
                List.of(step("survived", survivedMay, mtdOrder), step("judgment_for_defendant", timeBarred, judgment)));
        claim(
                id,
                "Aiding and abetting fraud",
                null,
                all,
                List.of(step("judgment_for_defendant", timeBarred, judgment)));
        claim(
                id,
                "Civil RICO",
                "18 U.S.C. § 1962(c)",
                openai,
                List.of(step("dismissed", "Dismissed with leave to amend by the order of 2025-05-01", mtdOrder)));
        claim(
                id,
                "RICO conspiracy",
                "18 U.S.C. § 1962(d)",
                openai,
                List.of(step("dismissed", "Dismissed with leave to amend by the order of 2025-05-01", mtdOrder)));
        claim(
                id,
                "Breach of express contract",
                null,
                openai,
                List.of(step("judgment_for_defendant", timeBarred, judgment)));
        claim(
                id,
                "Breach of implied-in-fact contract",
                null,
                openai,
                List.of(step("judgment_for_defendant", timeBarred, judgment)));
        claim(
                id,
                "Breach of the implied covenant of good faith and fair dealing",
                null,
                openai,
                List.of(step("judgment_for_defendant", timeBarred, judgment)));
        claim(
                id,
                "Quasi-contract / unjust enrichment",
                null,
                all,
                List.of(
                        step("survived", survivedMay, mtdOrder),
                        step(
                                "judgment_for_defendant",
                                "Against Microsoft dismissed in January 2026; otherwise " + timeBarred,
                                judgment)));
        claim(
                id,
                "False advertising (Lanham Act)",
                "15 U.S.C. § 1125(a)(1)(B)",
                openai,
                List.of(step("dismissed", dismissedMay, mtdOrder)));
        claim(
                id,
                "Unfair competition",
                "Cal. Bus. & Prof. Code § 17200",
                openai,
                List.of(step("judgment_for_defendant", timeBarred, judgment)));
        claim(
                id,
                "False advertising",
                "Cal. Bus. & Prof. Code § 17500",
                openai,
                List.of(step("dismissed", dismissedMay, mtdOrder)));
        claim(
                id,
                "Aiding and abetting breach of fiduciary duty",
                null,
                all,
                List.of(step("dismissed", dismissedMay, mtdOrder)));
        claim(id, "Tortious interference", null, all, List.of(step("judgment_for_defendant", timeBarred, judgment)));
        claim(
                id,
                "Breach of charitable trust",
                null,
                openai,
                List.of(
                        step("survived", "Remaining dismissal motions denied in January 2026; goes to the jury", null),
                        step("judgment_for_defendant", timeBarred, judgment)));
        claim(
                id,
                "Sherman Act",
                "15 U.S.C. §§ 1-2 (added by the first amended complaint, " + fac + ")",
                all,
                List.of(step("judgment_for_defendant", timeBarred, judgment)));
        claim(
                id,
                "Interlocking directorates",
                "Clayton Act § 8, 15 U.S.C. § 19",
                List.of(d.get("Microsoft Corporation"), d.get("Reid Hoffman"), d.get("Dee Templeton")),
                List.of(step("judgment_for_defendant", timeBarred, judgment)));
    }

    private void claim(long caseId, String title, String statute, List<String> against, List<Step> steps) {
        ClaimView claim = claims.create(caseId, new ClaimRequest(title, statute, against, null));
        for (Step step : steps) {
            claims.changeStatus(
                    caseId,
                    Long.parseLong(claim.id()),
                    new ClaimPatch(ClaimStatus.of(step.status()), step.reason(), step.filingId()));
        }
    }

    private record Step(String status, String reason, String filingId) {}

    private static Step step(String status, String reason, String filingId) {
        return new Step(status, reason, filingId);
    }

    private String party(long caseId, String name, String role, List<CounselRequest> counsel) {
        PartyView p = cases.addParty(caseId, new PartyRequest(name, PartyRole.of(role), counsel));
        return p.id();
    }

    private String filing(long caseId, String date, String kind, String title, String description, String filedBy) {
        FilingView f = filings.create(
                caseId,
                new FilingRequest(null, LocalDate.parse(date), FilingKind.of(kind), title, description, filedBy, null));
        return f.id();
    }

    private static java.time.OffsetDateTime at(int y, int m, int d, int hour, int minute) {
        return LocalDateTime.of(y, m, d, hour, minute).atZone(PACIFIC).toOffsetDateTime();
    }
}
