package com.docketwatch.cases;

import com.docketwatch.cases.CaseDao.CaseRef;
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
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Case status changes, enforced against the transition table and kept as history. */
public final class StatusService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Events events;

    public StatusService(Jdbi jdbi, Clock clock, Events events) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.events = events;
    }

    public StatusChangeView change(long caseId, StatusChangeRequest r) {
        if (r.withPrejudice() != null && !CaseStatus.isDismissal(r.status().wire())) {
            throw ApiException.invalid("with_prejudice", "only applies to a dismissal");
        }
        Long filingId = r.filingId() == null ? null : Ids.parse(r.filingId()).getAsLong();
        return jdbi.inTransaction(h -> {
            CaseDao cases = Daos.on(h, CaseDao.class);
            CaseRef c = cases.lock(caseId).orElseThrow(() -> CaseService.notFound(caseId));
            if (!CaseStatus.allowed(c.status(), r.status().wire())) {
                throw ApiException.invalidTransition("A case that is " + c.status() + " cannot become "
                        + r.status().wire());
            }
            if (CaseStatus.reopeningNeedsReason(c.status(), r.status().wire())
                    && (r.reason() == null || r.reason().isBlank())) {
                throw ApiException.invalid("reason", "is required to reopen a case that is " + c.status());
            }
            if (filingId != null && !Daos.on(h, FilingDao.class).belongsTo(filingId, caseId)) {
                throw ApiException.invalid("filing_id", "no filing " + filingId + " in this case");
            }
            return record(
                    h,
                    caseId,
                    c.status(),
                    r.status().wire(),
                    r.effectiveOn(),
                    Text.blankToNull(r.reason()),
                    filingId,
                    r.withPrejudice(),
                    clock.instant());
        });
    }

    /**
     * The one way a case changes status, inside the caller's transaction (an editor's request, a docket
     * import): the change kept in the history, the case's status, and {@code case.status_changed}. The
     * caller has locked the case and checked the transition.
     */
    public StatusChangeView record(
            Handle h,
            long caseId,
            String from,
            String to,
            LocalDate effectiveOn,
            String reason,
            Long filingId,
            Boolean withPrejudice,
            Instant now) {
        StatusChangeView change = Daos.on(h, StatusChangeDao.class)
                .insert(caseId, from, to, effectiveOn, reason, filingId, withPrejudice, now);
        Daos.on(h, CaseDao.class).updateStatus(caseId, to, effectiveOn, now);
        events.record(h, Events.CASE_STATUS_CHANGED, caseId, change, now);
        return change;
    }

    public StatusChangeView get(long caseId, long changeId) {
        return jdbi.withHandle(h -> Daos.on(h, StatusChangeDao.class).find(caseId, changeId))
                .orElseThrow(() -> ApiException.notFound("No status change " + changeId + " in case " + caseId));
    }

    public Page<StatusChangeView> history(long caseId, PageRequest page) {
        Cursor c = page.decode(1);
        return jdbi.withHandle(h -> {
            CaseService.requireCase(h, caseId);
            List<StatusChangeView> rows =
                    Daos.on(h, StatusChangeDao.class).list(caseId, c == null ? 0 : c.getLong(0), page.fetchSize());
            return Page.of(rows, page, v -> Cursor.of(v.id()), v -> v);
        });
    }
}
