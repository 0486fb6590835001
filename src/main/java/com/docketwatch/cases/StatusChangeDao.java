package com.docketwatch.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The status history of cases, oldest first. */
public interface StatusChangeDao {
    /** A status change's columns, as {@link StatusChangeView} names them. */
    String VIEW = """
            id::text as id, case_id::text as case_id, from_status, status, effective_on, reason,
            filing_id::text as filing_id, with_prejudice, created_at
            """;

    @SqlQuery("""
            insert into status_changes
                (case_id, from_status, status, effective_on, reason, filing_id, with_prejudice, created_at)
            values (:caseId, :from, :status, :effectiveOn, :reason, :filingId, :withPrejudice, :now)
            returning
            """ + VIEW)
    StatusChangeView insert(
            @Bind("caseId") long caseId,
            @Bind("from") String from,
            @Bind("status") String status,
            @Bind("effectiveOn") LocalDate effectiveOn,
            @Bind("reason") String reason,
            @Bind("filingId") Long filingId,
            @Bind("withPrejudice") Boolean withPrejudice,
            @Bind("now") Instant now);

    @SqlQuery("select " + VIEW + " from status_changes where case_id = :caseId and id = :id")
    java.util.Optional<StatusChangeView> find(@Bind("caseId") long caseId, @Bind("id") long id);

    @SqlQuery("select " + VIEW + """
            from status_changes
            where case_id = :caseId and id > :after
            order by status_changes.id
            limit :limit
            """)
    List<StatusChangeView> list(@Bind("caseId") long caseId, @Bind("after") long after, @Bind("limit") int limit);
}
