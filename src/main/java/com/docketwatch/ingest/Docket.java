package com.docketwatch.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One docket in juriscraper's parsed-PACER JSON shape (district, appellate and RECAP-archive
 * reports), the body of {@code POST /imports}. Only the fields DocketWatch keeps are named; the many
 * others juriscraper writes ({@code federal_dn_*}, {@code mdl_status}, ...) are ignored, so newer
 * juriscraper output still imports. Dates are strings here and checked by the importer, which names
 * the bad field.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Docket(
        String courtId,
        String docketNumber,
        String caseName,
        String dateFiled,
        String dateTerminated,
        String assignedToStr,
        String referredToStr,
        String cause,
        String natureOfSuit,
        String juryDemand,
        String demand,
        String jurisdiction,
        String pacerCaseId,
        String appealFrom,
        OriginatingCourt originatingCourtInformation,
        List<String> panel,
        List<Entry> docketEntries,
        List<Party> parties) {

    /** This docket with other entries (a feed's items of one case, one by one). */
    public Docket withEntries(List<Entry> entries) {
        return new Docket(
                courtId,
                docketNumber,
                caseName,
                dateFiled,
                dateTerminated,
                assignedToStr,
                referredToStr,
                cause,
                natureOfSuit,
                juryDemand,
                demand,
                jurisdiction,
                pacerCaseId,
                appealFrom,
                originatingCourtInformation,
                panel,
                entries,
                parties);
    }

    /**
     * A docket entry; {@code document_number} is null for unnumbered (minute) entries. {@code
     * document_url}, not juriscraper's, is the entry's document link where the source has one (a court
     * feed's item links its document).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(
            String documentNumber,
            String dateFiled,
            String dateEntered,
            String description,
            String shortDescription,
            String pacerDocId,
            String pacerSeqNo,
            Long fileSizeBytes,
            Integer pageCount,
            List<ObjectNode> attachments,
            String documentUrl) {
        /** An entry without a document link. */
        public Entry(
                String documentNumber,
                String dateFiled,
                String dateEntered,
                String description,
                String shortDescription,
                String pacerDocId,
                String pacerSeqNo,
                Long fileSizeBytes,
                Integer pageCount,
                List<ObjectNode> attachments) {
            this(
                    documentNumber,
                    dateFiled,
                    dateEntered,
                    description,
                    shortDescription,
                    pacerDocId,
                    pacerSeqNo,
                    fileSizeBytes,
                    pageCount,
                    attachments,
                    null);
        }
    }

    /** A party with its attorneys. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(String name, String type, String extraInfo, String dateTerminated, List<Attorney> attorneys) {}

    /** An attorney: the contact block as PACER prints it, and roles such as "LEAD ATTORNEY". */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attorney(String name, String contact, List<String> roles) {}

    /** On an appellate docket, the case appealed from. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OriginatingCourt(
            String courtId,
            String docketNumber,
            String assignedTo,
            String dateFiled,
            String dateJudgment,
            String dateFiledNoa) {}
}
