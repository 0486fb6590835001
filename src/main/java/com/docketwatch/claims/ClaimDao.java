package com.docketwatch.claims;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Claims (causes of action), the parties they are against, and their status history. */
public interface ClaimDao {
    record ClaimRow(
            long id, long caseId, String title, String statute, String status, Instant createdAt, Instant updatedAt) {}

    record HistoryRow(
            long claimId, String fromStatus, String status, String reason, Long filingId, Instant changedAt) {}

    record AgainstRow(long claimId, long partyId) {}

    String ROW = "id, case_id, title, statute, status, created_at, updated_at";

    @SqlQuery("""
            insert into claims (case_id, title, statute, status, created_at, updated_at)
            values (:caseId, :title, :statute, :status, :now, :now)
            returning
            """ + ROW)
    ClaimRow insert(
            @Bind("caseId") long caseId,
            @Bind("title") String title,
            @Bind("statute") String statute,
            @Bind("status") String status,
            @Bind("now") Instant now);

    @SqlBatch("insert into claim_defendants (claim_id, party_id) values (:claimId, :partyId)")
    void insertAgainst(@Bind("claimId") long claimId, @Bind("partyId") Collection<Long> partyIds);

    @SqlUpdate("""
            insert into claim_history (claim_id, from_status, status, reason, filing_id, changed_at)
            values (:claimId, :from, :status, :reason, :filingId, :now)
            """)
    void insertHistory(
            @Bind("claimId") long claimId,
            @Bind("from") String fromStatus,
            @Bind("status") String status,
            @Bind("reason") String reason,
            @Bind("filingId") Long filingId,
            @Bind("now") Instant now);

    @SqlQuery("select " + ROW + " from claims where id = :id and case_id = :caseId for update")
    Optional<ClaimRow> lock(@Bind("caseId") long caseId, @Bind("id") long id);

    @SqlQuery("select " + ROW + " from claims where id = :id and case_id = :caseId")
    Optional<ClaimRow> find(@Bind("caseId") long caseId, @Bind("id") long id);

    @SqlQuery("update claims set status = :status, updated_at = :now where id = :id returning " + ROW)
    ClaimRow updateStatus(@Bind("id") long id, @Bind("status") String status, @Bind("now") Instant now);

    @SqlQuery("select " + ROW + " from claims where case_id = :caseId and id > :after order by id limit :limit")
    List<ClaimRow> list(@Bind("caseId") long caseId, @Bind("after") long after, @Bind("limit") int limit);

    @SqlQuery("""
            select claim_id, from_status, status, reason, filing_id, changed_at
            from claim_history
            where claim_id in (<ids>)
            order by claim_id, id
            """)
    List<HistoryRow> history(
            @BindList(value = "ids", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<Long> claimIds);

    @SqlQuery("select claim_id, party_id from claim_defendants where claim_id in (<ids>) order by claim_id, party_id")
    List<AgainstRow> against(
            @BindList(value = "ids", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<Long> claimIds);
}
