package com.docketwatch.courtdates;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The words that tie a date to a proceeding or a deadline: "set for", "continued to", "held on", "due "
 * + "by", "no later than". */
final class Cues {
    enum Cue {
        /** "set for", "scheduled for", "calendared:": the date follows at once. */
        SET(false, false),
        /** "to be held on", "scheduled to commence", "will be at": the date may follow a "before ..., in ..., "
         * + "at" stretch. */
        LONG_SET(false, true),
        /** "will hold": the proceeding is named after the verb. */
        HOLD(false, true),
        /** "reset for", "continued to", "adjourned to", "moved to", "rescheduled to". */
        RESET(true, true),
        /** "continued from", "rescheduled from": the old date follows, the new one after "to". */
        FROM(true, false),
        /** "held", "argued": a proceeding that took place. */
        HELD(false, false),
        /** "due", "due by", "deadline is". */
        DUE(false, false),
        /** "DUE DATE OF X:": the thing due is named before the colon. */
        DUE_LABEL(false, false),
        /** "DATE AND TIME OF CONFERENCE:". */
        TIME_LABEL(false, false),
        /** "last day to oppose discharge is". */
        LAST_DAY(false, false),
        /** "extended to", "extended through". */
        EXTENDED(false, false),
        /** "by", "on or before", "no later than", "has until": a deadline when the sentence obliges someone. */
        BY(false, false),
        /** Abbreviated settings of old Hawaii minutes: "JS/JT 8-17-04", "FPT 7-26-04". */
        ABBREVIATION(false, false),
        /** No word at all, only a dash or colon after the proceeding: "Jury Selection/Jury Trial-October 19, 2004". */
        DASH(false, false);

        /** The cue moves a proceeding to a new date. */
        final boolean moves;
        /** Words may stand between the cue and its date ("will be held in Courtroom 4 on ..."). */
        final boolean longReach;

        Cue(boolean moves, boolean longReach) {
            this.moves = moves;
            this.longReach = longReach;
        }
    }

    record CueMention(int start, int end, Cue cue) {}

    private static final Cue[] BY_GROUP = {
        Cue.DUE_LABEL,
        Cue.TIME_LABEL,
        Cue.DUE,
        Cue.LAST_DAY,
        Cue.EXTENDED,
        Cue.FROM,
        Cue.RESET,
        Cue.LONG_SET,
        Cue.HOLD,
        Cue.SET,
        Cue.HELD,
        Cue.BY,
        Cue.ABBREVIATION
    };
    /** The words a cue can begin with. */
    private static final WordStarts.Start FIRST_WORDS = WordStarts.oneOf(Set.of(
            "due",
            "date",
            "deadline",
            "last",
            "extended",
            "continued",
            "rescheduled",
            "re",
            "scheduled",
            "adjourned",
            "moved",
            "changed",
            "reset",
            "postponed",
            "renoticed",
            "adjourning",
            "remains",
            "will",
            "shall",
            "to",
            "set",
            "setting",
            "resetting",
            "scheduling",
            "calendared",
            "noticed",
            "held",
            "argued",
            "on",
            "no",
            "non",
            "not",
            "has",
            "have",
            "up",
            "must",
            "should",
            "by",
            "until",
            "through",
            "thru",
            "js",
            "jt",
            "fpt",
            "adjournment",
            "continuance",
            "notice",
            "bar",
            "submitted"));

    private static final int REACH = 100;
    /** As with dates ({@link DateMentions#MOST}): a text with more cues than this is no docket text. */
    private static final int MOST = 4 * DateMentions.MOST;

    private static final String S = "\\s{1,3}";
    /**
     * The verb first, then the proceeding and "for": "set Arraignment for 10:15 10/27/03", "reset Calendar Call for
     * 9:31 1/5/04", "Order Resetting Hearing for 02-16-10", "reset telephone conference for 10:00 a.m. on 8/22/03".
     */
    private static final String NAMED_FOR =
            "(?=" + S + "(?:(?:the|a|an)" + S + ")?(?:(?!for\\b|on\\b)[\\w/&-]{1,20}" + S + "){0,4}?"
                    + "(?:hearing|conference|call|trial|arraignment|sentencing|appearance|meeting|argument)s?" + S
                    + "(?:for|on)" + S + "(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?" + S + ")?"
                    + "(?:\\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\\.?" + S + "\\d))";

    private static final Pattern CUE = Pattern.compile(
            String.join(
                    "|",
                    "(\\bdue" + S + "date" + S + "of\\b)",
                    "(\\bdate" + S + "(?:and" + S + "time" + S + ")?of\\b)",
                    "(\\bdeadline(?:" + S + "(?:is|set" + S + "for|date(?:" + S + "is)?)\\b|\\s{0,2}:)" + "|\\bdue(?:"
                            + S + "(?:by|on|date(?:" + S + "is)?)\\b)?:?)",
                    "(\\blast" + S + "(?:day|date)" + S + "(?:to|for)\\b|\\bbar" + S + "date" + S + "for\\b)",
                    "(\\bextended" + S + "(?:to|through|thru|until)(?:" + S + "and" + S + "including)?\\b"
                            // "Extending Defendant's Time to Answer ... to and Including 7/17/2021": a deadline only in
                            // a
                            // sentence that extends time (Deadlines checks).
                            + "|(?<!\\bup\\s)(?<!\\bextended\\s)\\b(?:to|through|thru)" + S + "and" + S
                            + "including\\b)",
                    "(\\b(?:continued|re-?scheduled|adjourned|moved|changed|re-?set|postponed)" + S + "from\\b"
                            + "|\\b(?:adjournment|continuance)" + S + "of\\b[^.;()\\d]{1,80}?\\bfrom\\b)",
                    "(\\b(?:re-?set|re-?scheduled|re-?noticed)" + S + "(?:for|to|on)\\b"
                            + "|\\b(?:continued|adjourned|postponed)" + S + "(?:to|t0|until|till|for)\\b(?!" + S
                            + "be\\b)"
                            + "|\\bmoved" + S + "to\\b|\\badjourning\\b|\\bre-?set\\b(?=" + S + "\\d)"
                            + "|\\bre-?set(?:ting)?\\b" + NAMED_FOR
                            // "341 Meeting Continued on 12/10/2009 at 01:00 PM", not "continued on 3/4/2010 to
                            // 4/5/2010".
                            + "|\\bcontinued" + S + "on\\b(?=" + S + "\\d)(?!" + S + "[\\d/.-]{6,10},?" + S
                            + "(?:to|until)\\b)"
                            + "|\\b(?:adjournment|continuance)" + S + "of\\b)",
                    "(\\b(?:scheduled|set|remains" + S + "scheduled)" + S + "to" + S + "(?:commence|begin|start)(?:" + S
                            + "on)?\\b|\\b(?:will|shall)" + S + "(?:commence|begin|start|take" + S + "place|be" + S
                            + "held"
                            + "|be" + S + "at)\\b(?:" + S + "on\\b)?:?|\\bto" + S + "be" + S + "held(?:" + S
                            + "on\\b)?:?)",
                    "(\\b(?:will|shall)" + S + "(?:hold|conduct|convene)\\b"
                            + "|(?<!\\bpreviously\\s)(?<!\\bhad\\s)\\bset(?:ting)?\\b" + NAMED_FOR
                            // "Order ... and scheduling further hearing on November 18, 2021 at 10:00 a.m."
                            + "|\\bscheduling\\b(?!" + S + "(?:conference|order|call)\\b)" + NAMED_FOR
                            + "|(?<!\\bpreviously\\s)(?<!\\bhad\\s)\\bset" + S + "(?:(?:the|this)" + S
                            + "(?:matter|case)" + S
                            + "for\\b|(?=an?" + S + "[\\w -]{0,60}\\b(?:hearing|conference)" + S + "(?:for|on)" + S
                            + "\\d))"
                            + "|\\bnotice" + S + "of\\b(?=" + S + "(?:oral" + S + "argument|hearing)" + S + "(?:on|for)"
                            + S
                            + "(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?" + S
                            + ")?(?:\\d|(?:jan|feb|mar|apr|may|jun|jul"
                            + "|aug|sep|oct|nov|dec)[a-z]{0,6}\\.?" + S + "\\d))"
                            + "|\\bsubmitted\\b(?=[^.;]{0,60}?\\bwithout" + S + "oral" + S + "argument" + S + "on\\b))",
                    "(\\b(?:set|scheduled|calendared|noticed)\\s{0,3}(?:for|on)\\b|\\bcalendared\\b:?|\\b(?:set"
                            + "|scheduled)\\b(?="
                            + S + "\\d))",
                    "((?<!\\bbe\\s)(?<!\\bbeen\\s)(?<!\\bnot\\s)\\bheld\\b(?!" + S + "(?:in" + S
                            + "abeyance|under|open|harmless|liable|responsible|that|to)\\b)|\\bargued\\b)",
                    "(\\bon" + S + "or" + S + "before\\b|\\bno[tn]?" + S + "later" + S + "than\\b:?|\\b(?:has|have)" + S
                            + "until\\b|\\bup" + S + "to" + S + "and" + S + "including\\b|\\b(?:to|shall|must|should)"
                            + S
                            + "be" + S + "(?:\\w{1,15}" + S + ")?(?:filed|submitted|served|made|paid|completed)" + S
                            + "on\\b(?!" + S + "or\\b)|\\bby\\b|\\buntil\\b|(?<=\\bsurrender\\s)on\\b)",
                    "((?-i:\\b(?:JS/JT|FPT|JT|JS)\\b))"),
            Pattern.CASE_INSENSITIVE);

    private Cues() {}

    static List<CueMention> find(WordStarts words) {
        List<CueMention> found = new ArrayList<>();
        words.matchAll(FIRST_WORDS, CUE, REACH, MOST, m -> {
            for (int g = 1; g <= BY_GROUP.length; g++) {
                if (m.group(g) != null) {
                    found.add(new CueMention(m.start(), m.end(), BY_GROUP[g - 1]));
                    break;
                }
            }
        });
        return found;
    }
}
