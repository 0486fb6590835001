package com.docketwatch.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.BatchChunkSize;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The writes of a docket import: whole-case reads of what is already there (one query per kind of row,
 * never one per entry) and batched inserts and updates.
 */
interface ImportDao {
    /** The imported fields of a case, locked for the import's transaction. */
    record CaseRow(
            long id,
            String caption,
            LocalDate filedOn,
            String judge,
            String natureOfSuit,
            String cause,
            String juryDemand,
            LocalDate terminatedOn,
            String pacerCaseId,
            String originatingCourt,
            String panel,
            String status) {}

    record PartyKey(
            long id,
            String importKey,
            String name,
            String role,
            String pacerType,
            String extraInfo,
            LocalDate terminatedOn) {}

    record CounselKey(long id, long partyId, String name, String firm, String roles, String contact) {}

    /** What identifies an existing filing: entry number, PACER ids, source key, and the digest of its import. */
    record FilingKey(
            long id, Integer entryNumber, String pacerSeqNo, String pacerDocId, String sourceKey, String importHash) {}

    /** A filing to insert or update. */
    record FilingRow(
            long id,
            long caseId,
            Integer entryNumber,
            LocalDate filedOn,
            LocalDate dateEntered,
            String kind,
            String title,
            String description,
            String documentUrl,
            String pacerDocId,
            String pacerSeqNo,
            String attachments,
            String sourceKey,
            String importHash,
            Instant now) {
        public FilingRow withId(long newId) {
            return new FilingRow(
                    newId,
                    caseId,
                    entryNumber,
                    filedOn,
                    dateEntered,
                    kind,
                    title,
                    description,
                    documentUrl,
                    pacerDocId,
                    pacerSeqNo,
                    attachments,
                    sourceKey,
                    importHash,
                    now);
        }
    }

    /** A filing's stored fields, to compare an entry brought again with. */
    record StoredFiling(
            long id,
            long caseId,
            Integer entryNumber,
            LocalDate filedOn,
            LocalDate dateEntered,
            String kind,
            String title,
            String description,
            String documentUrl,
            String pacerDocId,
            String pacerSeqNo,
            String attachments,
            String sourceKey,
            Long filedBy,
            Instant createdAt) {}

    record PartyRow(
            long id,
            long caseId,
            String importKey,
            String name,
            String role,
            String pacerType,
            String extraInfo,
            LocalDate terminatedOn) {}

    record CounselRow(long id, long partyId, String name, String firm, String[] roles, String contact) {}

    @SqlUpdate("""
            insert into courts (id, name, jurisdiction, timezone)
            values (:id, :name, 'federal', :zone)
            on conflict do nothing
            """)
    int createCourt(@Bind("id") String id, @Bind("name") String name, @Bind("zone") String zone);

    @SqlQuery("select timezone from courts where id = :id")
    Optional<String> courtZone(@Bind("id") String id);

    /** A case's imported columns, as {@link CaseRow} names them. */
    String CASE = """
            id, caption, filed_on, judge, nature_of_suit, cause, jury_demand, terminated_on, pacer_case_id,
            originating_court::text as originating_court, array_to_string(panel, '|') as panel, status
            """;

    @SqlQuery("select " + CASE + " from cases where court_id = :court and docket_number = :docket for update")
    Optional<CaseRow> lockCase(@Bind("court") String court, @Bind("docket") String docketNumber);

    @SqlQuery("""
            insert into cases (court_id, docket_number, caption, filed_on, judge, nature_of_suit, status, status_since,
                cause, jury_demand, pacer_case_id, originating_court, panel, created_at, updated_at)
            values (:court, :docket, :caption, :filedOn, :judge, :nos, 'open', :filedOn, :cause, :jury, :pacerCaseId,
                cast(:origin as jsonb), string_to_array(:panel, '|'), :now, :now)
            on conflict (court_id, docket_number) do nothing
            returning id
            """)
    Optional<Long> createCase(
            @Bind("court") String court,
            @Bind("docket") String docket,
            @Bind("caption") String caption,
            @Bind("filedOn") LocalDate filedOn,
            @Bind("judge") String judge,
            @Bind("nos") String natureOfSuit,
            @Bind("cause") String cause,
            @Bind("jury") String juryDemand,
            @Bind("pacerCaseId") String pacerCaseId,
            @Bind("origin") String originatingCourt,
            @Bind("panel") String panel,
            @Bind("now") Instant now);

    @SqlUpdate("""
            update cases
            set caption = :caption, filed_on = :filedOn, judge = :judge, nature_of_suit = :nos, cause = :cause,
                jury_demand = :jury, pacer_case_id = :pacerCaseId, originating_court = cast(:origin as jsonb),
                panel = string_to_array(:panel, '|'), updated_at = greatest(updated_at, :now)
            where id = :id
            """)
    void updateCase(
            @Bind("id") long id,
            @Bind("caption") String caption,
            @Bind("filedOn") LocalDate filedOn,
            @Bind("judge") String judge,
            @Bind("nos") String natureOfSuit,
            @Bind("cause") String cause,
            @Bind("jury") String juryDemand,
            @Bind("pacerCaseId") String pacerCaseId,
            @Bind("origin") String originatingCourt,
            @Bind("panel") String panel,
            @Bind("now") Instant now);

    @SqlUpdate("update cases set terminated_on = :on where id = :id")
    void terminated(@Bind("id") long id, @Bind("on") LocalDate terminatedOn);

    @SqlQuery("select id from cases where court_id = :court and docket_number = :docket")
    Optional<Long> findCase(@Bind("court") String court, @Bind("docket") String docketNumber);

    @SqlQuery("""
            select id, import_key, name, role, pacer_type, extra_info, terminated_on
            from parties
            where case_id = :caseId
            order by id
            """)
    List<PartyKey> parties(@Bind("caseId") long caseId);

    @SqlQuery("""
            select c.id, c.party_id, c.name, c.firm, array_to_string(c.roles, chr(10)) as roles, c.contact
            from counsel c
            join parties p on p.id = c.party_id
            where p.case_id = :caseId
            order by c.id
            """)
    List<CounselKey> counsel(@Bind("caseId") long caseId);

    @SqlQuery("""
            select id, entry_number, pacer_seq_no, pacer_doc_id, source_key, import_hash
            from filings
            where case_id = :caseId
            """)
    List<FilingKey> filings(@Bind("caseId") long caseId);

    @SqlBatch("""
            insert into parties (case_id, import_key, name, role, pacer_type, extra_info, terminated_on)
            values (:caseId, :importKey, :name, :role, :pacerType, :extraInfo, :terminatedOn)
            """)
    @GetGeneratedKeys("id")
    @BatchChunkSize(1000)
    long[] insertParties(@BindMethods List<PartyRow> parties);

    @SqlBatch("""
            update parties
            set import_key = :importKey, role = :role, pacer_type = :pacerType, extra_info = :extraInfo,
                terminated_on = :terminatedOn
            where id = :id
            """)
    @BatchChunkSize(1000)
    void updateParties(@BindMethods List<PartyRow> parties);

    @SqlBatch("""
            insert into counsel (party_id, name, firm, roles, contact)
            values (:partyId, :name, :firm, :roles, :contact)
            """)
    @BatchChunkSize(1000)
    void insertCounsel(@BindMethods List<CounselRow> counsel);

    @SqlBatch("update counsel set firm = :firm, roles = :roles, contact = :contact where id = :id")
    @BatchChunkSize(1000)
    void updateCounsel(@BindMethods List<CounselRow> counsel);

    /** Ids for {@code n} new filings, taken from the identity sequence in one query. */
    @SqlQuery("select nextval(pg_get_serial_sequence('filing_keys', 'id')) from generate_series(1, :n)")
    long[] newFilingIds(@Bind("n") int n);

    /** New filings: their keys, then their rows (which reference the keys). */
    default void insertFilings(List<FilingRow> filings) {
        insertFilingKeys(filings);
        insertFilingRows(filings);
    }

    /** With the ids known up front, the batches need no RETURNING, so the driver sends them as multi-row INSERTs. */
    @SqlBatch("""
            insert into filing_keys (id, case_id, entry_number, source_key, filed_on, kind)
            overriding system value
            values (:id, :caseId, :entryNumber, :sourceKey, :filedOn, :kind)
            """)
    @BatchChunkSize(1000)
    void insertFilingKeys(@BindMethods List<FilingRow> filings);

    @SqlBatch("""
            insert into filings (id, case_id, entry_number, filed_on, date_entered, kind, title, description,
                document_url, pacer_doc_id, pacer_seq_no, attachments, source_key, import_hash, created_at)
            values (:id, :caseId, :entryNumber, :filedOn, :dateEntered, :kind, :title, :description, :documentUrl,
                :pacerDocId, :pacerSeqNo, cast(:attachments as jsonb), :sourceKey, :importHash, :now)
            """)
    @BatchChunkSize(1000)
    void insertFilingRows(@BindMethods List<FilingRow> filings);

    /** The filings whose entries came again with another digest, read only for those. */
    @SqlQuery("""
            select f.id, f.case_id, f.entry_number, f.filed_on, f.date_entered, f.kind, f.title, f.description,
                   f.document_url, f.pacer_doc_id, f.pacer_seq_no, f.attachments::text as attachments, f.source_key,
                   f.filed_by, f.created_at
            from filing_keys k
            join lateral (select * from filings f where f.id = k.id and f.filed_on = k.filed_on limit 1) f on true
            where k.id = any (:ids)
            """)
    List<StoredFiling> stored(@Bind("ids") long[] ids);

    /**
     * Filings as {@link EntryUpdate} merged them with their entries: their keys first, whose new date and kind
     * the foreign key carries to the rows (a new date moves a row to that date's partition), then the rows.
     */
    default void updateFilings(List<FilingRow> filings) {
        updateFilingKeys(filings);
        updateFilingRows(filings);
    }

    @SqlBatch("update filing_keys set entry_number = :entryNumber, filed_on = :filedOn, kind = :kind where id = :id")
    @BatchChunkSize(1000)
    void updateFilingKeys(@BindMethods List<FilingRow> filings);

    @SqlBatch("""
            update filings
            set entry_number = :entryNumber, date_entered = :dateEntered, title = :title, description = :description,
                document_url = :documentUrl, pacer_doc_id = :pacerDocId, pacer_seq_no = :pacerSeqNo,
                attachments = cast(:attachments as jsonb), import_hash = :importHash
            where id = :id and filed_on = :filedOn
            """)
    @BatchChunkSize(1000)
    void updateFilingRows(@BindMethods List<FilingRow> filings);
}
