package com.docketwatch.courtdates;

import com.docketwatch.courtdates.Anchors.Anchor;
import com.docketwatch.courtdates.Cues.Cue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the name of the proceeding an anchored date belongs to. */
final class Proceedings {
    private static final int RECENT_REACH = 300;
    /** "Notice of Adjournment of Pre-trial Conference from ...": the proceeding follows the cue's first words. */
    private static final Pattern NAMED_AFTER =
            Pattern.compile("(?:adjournment|continuance)\\s", Pattern.CASE_INSENSITIVE);

    private static final Pattern HEARING_NOUN = Pattern.compile(
            "\\b(?:hearing|conference|trial|sentencing|sentence|meeting|arraignment|argument)s?\\b",
            Pattern.CASE_INSENSITIVE);

    private Proceedings() {}

    static String nameOf(Entry entry, Anchor anchor) {
        if (anchor.previous() != null) {
            return nameOf(entry, anchor.previous());
        }
        String text = entry.text;
        Cue cue = anchor.cue().cue();
        int cueStart = anchor.cue().start();
        int cueEnd = anchor.cue().end();
        int momentStart = anchor.moment().start();
        switch (cue) {
            case HOLD, TIME_LABEL:
                return Names.within(text, cueEnd, momentStart);
            case ABBREVIATION:
                return text.substring(cueStart, cueEnd);
            case DASH:
                return Names.before(text, anchor.floor(), dashBefore(text, momentStart));
            default:
                break;
        }
        if (NAMED_AFTER.matcher(text).region(cueStart, cueEnd).lookingAt()) {
            return Names.within(text, cueStart, Math.max(cueEnd, momentStart));
        }
        String before = Names.before(text, anchor.floor(), cueStart);
        if (Names.isProceeding(before)) {
            return before;
        }
        String within = Names.within(text, cueEnd, momentStart);
        if (!within.isEmpty()) {
            return within;
        }
        if (cue.moves) {
            return recent(entry, Math.max(0, cueStart - RECENT_REACH), cueStart);
        }
        return Names.isExcluded(before)
                ? before
                : recent(entry, Math.max(anchor.floor(), cueStart - RECENT_REACH), cueStart);
    }

    private static int dashBefore(String text, int pos) {
        int dash = pos - 1;
        while (dash > 0 && text.charAt(dash) != '-' && text.charAt(dash) != ':') {
            dash--;
        }
        return dash;
    }

    /**
     * The last proceeding named in {@code [from, end)}: "HEARING HELD. CONTINUED TO FEBRUARY 7, 2006" moves the
     * hearing; "Notice of Hearing Re: 13 Motion ... [PPR-1] to be held on 3/16/2010" sets it.
     */
    private static String recent(Entry entry, int from, int end) {
        Matcher noun = HEARING_NOUN.matcher(entry.text).region(from, end);
        int lastEnd = -1;
        while (noun.find()) {
            lastEnd = noun.end();
        }
        return lastEnd < 0 ? "" : Names.before(entry.text, Math.max(from, entry.sentenceStart(lastEnd - 1)), lastEnd);
    }
}
