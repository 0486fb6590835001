package com.docketwatch.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Parties of a case and their counsel. */
public interface PartyDao {
    record PartyRow(long id, long caseId, String name, String role, Instant createdAt) {}

    record CounselRow(long partyId, String name, String firm) {}

    @SqlQuery("""
            insert into parties (case_id, name, role)
            values (:caseId, :name, :role)
            returning id, case_id, name, role, created_at
            """)
    PartyRow insert(@Bind("caseId") long caseId, @Bind("name") String name, @Bind("role") String role);

    @SqlBatch("insert into counsel (party_id, name, firm) values (:partyId, :name, :firm)")
    void insertCounsel(
            @Bind("partyId") long partyId, @Bind("name") List<String> names, @Bind("firm") List<String> firms);

    @SqlQuery("""
            select id, case_id, name, role, created_at
            from parties
            where case_id = :caseId and id > :after
            order by id
            limit :limit
            """)
    List<PartyRow> list(@Bind("caseId") long caseId, @Bind("after") long after, @Bind("limit") int limit);

    @SqlQuery("select id, case_id, name, role, created_at from parties where case_id = :caseId and id = :id")
    java.util.Optional<PartyRow> find(@Bind("caseId") long caseId, @Bind("id") long id);

    @SqlQuery("select party_id, name, firm from counsel where party_id in (<ids>) order by party_id, id")
    List<CounselRow> counsel(
            @BindList(value = "ids", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<Long> partyIds);

    /** The ids among {@code ids} that are parties of the case. */
    @SqlQuery("select id from parties where case_id = :caseId and id in (<ids>)")
    List<Long> ofCase(
            @Bind("caseId") long caseId,
            @BindList(value = "ids", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<Long> ids);
}
