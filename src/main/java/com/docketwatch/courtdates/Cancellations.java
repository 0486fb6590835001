package com.docketwatch.courtdates;

import com.docketwatch.courtdates.CourtDate.Action;
import com.docketwatch.courtdates.CourtDate.Type;
import com.docketwatch.courtdates.Moments.Moment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proceedings cancelled with no setting cue in the sentence, dated ("THE 5/23/2006 HEARING ... IS "
 * + "CANCELLED") or not: "Bond exoneration hearing is vacated", "Trial of this case is
 * continued pending resolution ...", "341 Meeting Off Calendar", and a "Notice of Adjournment of Hearing" that gives
 * no new date.
 */
final class Cancellations {
    private static final Pattern CANCELLED = Pattern.compile(
            "\\b(?:(?:is|are|was|were|be|been|has|have|will|shall|hereby)\\s{1,3}){0,3}(?:vacated|cancell?ed|canceled"
                    + "|stricken|terminated|withdrawn|(?:taken\\s{1,3})?off\\s{1,3}calendar"
                    + "|adjourned\\s{1,3}sine\\s{1,3}die|not\\s{1,3}held)\\b"
                    + "(?!\\s{0,2}/\\s{0,2}re|\\s{1,3}and\\s{1,3}re)"
                    + "|\\b(?:is|are|was|were|be|been)\\s{1,3}(?:hereby\\s{1,3})?continued\\b",
            Pattern.CASE_INSENSITIVE);
    private static final WordStarts.Start FIRST_WORDS = WordStarts.oneOf(Set.of(
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "has",
            "have",
            "will",
            "shall",
            "hereby",
            "vacated",
            "cancelled",
            "canceled",
            "stricken",
            "terminated",
            "withdrawn",
            "taken",
            "off",
            "adjourned",
            "not",
            "continued"));
    private static final int REACH = 60;
    /** The cancelled proceeding is the predicate's own subject: "Bond exoneration hearing is vacated". */
    private static final Pattern SUBJECT_JUST_BEFORE = Pattern.compile(
            "\\b(?:hearing|conference|trial|meeting|sentencing|call|argument|appearance|arraignment|setting|plea)s?"
                    + "(?:\\s{1,3}(?:on|re:?|regarding|as\\s{1,3}to|for|of|in|set|scheduled)\\b[^.;,()]{0,80})?"
                    + "[\\s,]{0,3}$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ADJOURNMENT_NOTICE = Pattern.compile(
            "^\\W{0,3}(?:amended\\s{1,3})?notice\\s{1,3}of\\s{1,3}(?:adjournment|continuance)\\s{1,3}of\\s{1,3}"
                    + "(?:the\\s{1,3})?((?:\\w{1,20}\\s{1,3})?(?:hearing|conference|trial|meeting))",
            Pattern.CASE_INSENSITIVE);

    private Cancellations() {}

    static List<CourtDate> read(Entry entry, boolean hearingsFound) {
        List<CourtDate> found = new ArrayList<>();
        if (entry.genre != Genre.ANNOUNCEMENT && entry.genre != Genre.MINUTES) {
            return found;
        }
        List<MatchResult> predicates = new ArrayList<>();
        entry.words.matchAll(
                FIRST_WORDS, CANCELLED, REACH, Anchors.MOST_ANCHORS, m -> predicates.add(m.toMatchResult()));
        for (MatchResult cancelled : predicates) {
            int sentenceStart = entry.windowStart(cancelled.start());
            List<Moment> dated = entry.momentsIn(sentenceStart, entry.windowEnd(cancelled.start()));
            if (dated.size() > 1
                    || dated.size() == 1
                            && !entry.anchorsIn(
                                            dated.get(0).start(), dated.get(0).end())
                                    .isEmpty()) {
                continue;
            }
            String name = Names.before(entry.text, sentenceStart, cancelled.start());
            if (Names.isNamedProceeding(name)
                    && SUBJECT_JUST_BEFORE
                            .matcher(entry.text)
                            .region(Math.max(sentenceStart, cancelled.start() - 120), cancelled.start())
                            .find()) {
                Moment on = dated.isEmpty() ? null : dated.get(0);
                found.add(vacated(
                        Titles.ofProceeding(name),
                        on,
                        Math.max(sentenceStart, cancelled.start() - name.length()),
                        cancelled.end()));
            }
        }
        Matcher notice = ADJOURNMENT_NOTICE.matcher(entry.text);
        if (found.isEmpty() && !hearingsFound && notice.find()) {
            found.add(vacated(Titles.ofProceeding(notice.group(1)), null, notice.start(1), notice.end(1)));
        }
        return found;
    }

    private static CourtDate vacated(String title, Moment on, int start, int end) {
        return new CourtDate(
                Type.HEARING,
                Action.VACATED,
                Titles.kindOf(title),
                title,
                on == null ? null : on.date(),
                on == null ? null : on.time(),
                null,
                null,
                start,
                end);
    }
}
