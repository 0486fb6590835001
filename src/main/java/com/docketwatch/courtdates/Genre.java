package com.docketwatch.courtdates;

import java.util.regex.Pattern;

/** What kind of document an entry is, read from its opening words; it decides which dates the entry can announce. */
enum Genre {
    /** Certificates, affidavits and BNC notices of service or mailing: they only quote what they served. */
    SERVICE_RECORD,
    /** Transcripts, audio files, exhibit lists: they name past proceedings, though they may set their own deadlines. */
    RECORD_OF_PROCEEDINGS,
    /** Motions, requests, applications, stipulations: they ask for dates; only the dates the filer noticed count. */
    REQUEST,
    /** Minute entries and other records that a proceeding took place. */
    MINUTES,
    /** Orders, clerk's notices, notices of hearing and everything else. */
    ANNOUNCEMENT;

    private static final int OPENING = 240;
    private static final Pattern SERVICE = Pattern.compile(
            "^\\W{0,5}(?:(?:supplemental|amended|corrected|bnc|court's|clerk's|joint)\\s{1,3}){0,2}"
                    + "(?:(?:certificate|affidavit|declaration|proof|certification)s?(?:/\\w{1,20})?\\s{1,3}of\\s{1,3}"
                    + "(?:service|mailing|notice|noticing|counsel)|certification\\s{1,3}of\\s{1,3}counsel"
                    + "|certificate\\s{1,3}of\\s{1,3}no\\s{1,3}objection)"
                    + "|^.{0,120}?\\bbnc\\s{1,3}certificate\\b"
                    // "Notice of ... with Certificate of Mailing", "Order ... and Certificate of Mailing": the document
                    // comes with its certificate and announces what it says.
                    + "|^.{0,120}?(?<!\\b(?:with|and)\\s{1,3})(?<!&\\s{1,3})\\bcertificate\\s{1,3}of\\s{1,3}(?:mailing|notice)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern RECORD = Pattern.compile(
            "^\\W{0,5}(?:\\w{1,12}\\s{1,3}){0,3}?(?:transcript|audio\\s{1,3}file|exhibit\\s{1,3}list"
                    + "|witness\\s{1,3}list|exhibits?\\b|court\\s{1,3}reporter|notice\\s{1,3}of\\s{1,3}filing"
                    + "\\s{1,3}of\\s{1,3}(?:official\\s{1,3})?transcript|order\\s{1,3}to\\s{1,3}withdraw)"
                    + "|^.{0,80}?\\btranscript\\s{1,3}(?:ordered|request|order\\s{1,3}form)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ASKING = Pattern.compile(
            "^\\W{0,5}(?:(?:joint|consent|consented|unopposed|opposed|emergency|expedited|ex\\s{1,3}parte|amended"
                    + "|second|third|first|renewed|supplemental|stipulated|letter|sealed|notice\\s{1,3}of"
                    + "|defendant'?s'?|plaintiff'?s'?|government'?s|trustee'?s|debtor'?s'?|urgent)\\s{1,3}){0,4}"
                    + "(?:motion|request|application|stipulation(?!\\s{1,3}and\\s{1,3}order)|proposed)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MINUTE = Pattern.compile(
            "^\\W{0,5}(?:text\\s{1,3})?(?:minute\\s{1,3}(?:entry|sheet)|minutes\\b|ep:\\s{0,3}minutes"
                    + "|courtroom\\s{1,3}minutes|clerk'?s\\s{1,3}minutes|proceeding\\s{1,3}memo"
                    + "|case\\s{1,3}argued|(?:[\\w()'-]{1,20}\\s{1,3}){0,7}(?<!\\bbe\\s)(?<!\\bnot\\s)held\\b"
                    // "Detention Hearing as to Robert Roe, Jane Roe held Judge: ...": the parties stand between.
                    + "|(?:[\\w()'/&-]{1,20}\\s{1,3}){1,8}as\\s{1,3}to\\s{1,3}[^.;:]{1,160}?\\s(?<!\\bbe\\s)(?<!\\bnot\\s)held\\b)",
            Pattern.CASE_INSENSITIVE);

    /**
     * A return of service of the summons that states when the answer is due ("AFFIDAVIT OF SERVICE of Summons and
     * Complaint. ... served on <date>, answer due <date>", "PROOF OF SERVICE Executed by plaintiff ... upon ...
     * served on <date>, answer due <date>"): a summons return, which sets the answer date, not a certificate that
     * only quotes what it served.
     */
    private static final Pattern SUMMONS_RETURN = Pattern.compile(
            "^\\W{0,5}(?:amended\\s{1,3})?(?:proof|affidavit|declaration)s?\\s{1,3}of\\s{1,3}service\\s{1,3}"
                    + "(?:executed\\b|of\\s{1,3}(?:the\\s{1,3})?(?:amended\\s{1,3})?summons\\b)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ANSWER_DUE = Pattern.compile("\\banswer\\s{1,3}due\\b", Pattern.CASE_INSENSITIVE);

    static Genre of(String text) {
        if (opens(SUMMONS_RETURN, text)
                && ANSWER_DUE
                        .matcher(text)
                        .region(0, Math.min(text.length(), OPENING * 2))
                        .find()) {
            return ANNOUNCEMENT;
        }
        if (opens(SERVICE, text)) {
            return SERVICE_RECORD;
        }
        if (opens(RECORD, text)) {
            return RECORD_OF_PROCEEDINGS;
        }
        if (opens(MINUTE, text)) {
            return MINUTES;
        }
        return opens(ASKING, text) ? REQUEST : ANNOUNCEMENT;
    }

    /** Only the opening words tell the genre. */
    private static boolean opens(Pattern pattern, String text) {
        return pattern.matcher(text).region(0, Math.min(text.length(), OPENING)).lookingAt();
    }
}
