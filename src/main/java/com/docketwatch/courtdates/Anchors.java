package com.docketwatch.courtdates;

import com.docketwatch.courtdates.Cues.Cue;
import com.docketwatch.courtdates.Cues.CueMention;
import com.docketwatch.courtdates.Moments.Moment;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Ties each date to the cue that governs it: the nearest cue before it in its sentence when only filler words lie
 * between ("set for Friday, ..."), or the cue of the date before it in a list ("scheduled for 2/18/2010 at 01:00 PM.,
 * 3/22/2010 at 11:00 AM"), or the "from" date before it ("continued from 1/3/2005 to 1/18/2005").
 */
final class Anchors {
    /**
     * A date and its cue; {@code previous} is the anchor whose name it shares (lists, "from ... to", "set for
     * 7/27/2012 is reset to 9/28/2012"), {@code floor} the position before which its name cannot start.
     */
    record Anchor(Moment moment, CueMention cue, Anchor previous, int floor) {}

    private static final String WEEKDAY = "(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s{1,3})?";
    private static final Pattern FILLER = Pattern.compile(
            "[\\s,:\\-]{0,6}(?:(?:a\\s{1,3})?hearing\\s{1,3})?(?:on[\\s:]{1,3})?(?:the\\s{1,3})?" + WEEKDAY,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LONG_FILLER_END = Pattern.compile(
            "(?:\\bon|\\bfor|\\bto|\\bis|\\bat|:)[\\s,:]{0,3}" + WEEKDAY + "$", Pattern.CASE_INSENSITIVE);
    private static final Pattern THING_DUE_FILLER = Pattern.compile(
            "(?![^;]*\\b(?:within|days|after|prior|following|from|weeks)\\b)[^\\d;]{0,45}", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL_FILLER =
            Pattern.compile("[^\\d;.:]{1,80}:\\s{0,3}" + WEEKDAY, Pattern.CASE_INSENSITIVE);
    private static final Pattern LAST_DAY_FILLER = Pattern.compile("[^\\d;]{1,90}", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_GAP =
            Pattern.compile("[\\s.,;]{0,6}(?:and|&)?[\\s,]{0,3}", Pattern.CASE_INSENSITIVE);
    private static final Pattern TO_GAP = Pattern.compile(
            "\\s{0,3},?\\s{0,3}(?:to|until|till)\\s{1,3}(?:on\\s{1,3})?" + WEEKDAY, Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_DASH = Pattern.compile("[A-Za-z]\\s{0,2}[-:]\\s{0,2}$");
    private static final Pattern VERB_ONLY = Pattern.compile("re-?set(?:ting)?", Pattern.CASE_INSENSITIVE);
    private static final int LONG_REACH = 220;
    /**
     * No real entry announces more than a few dozen dates (at most 25 in 13,000 entries of 490 dockets); reading
     * stops at this many so that a pathological text costs no more than a long docket entry.
     */
    static final int MOST_ANCHORS = 100;

    private Anchors() {}

    static List<Anchor> of(Entry entry) {
        List<Anchor> anchors = new ArrayList<>();
        Anchor last = null;
        int previousEnd = 0;
        for (Moment moment : entry.moments) {
            if (anchors.size() == MOST_ANCHORS) {
                break;
            }
            int sentenceStart = entry.sentenceStart(moment.start());
            int floor = Math.max(sentenceStart, previousEnd);
            Anchor anchor =
                    anchor(entry, moment, floor, last != null && last.moment().end() >= sentenceStart ? last : null);
            if (anchor != null) {
                anchors.add(anchor);
                last = anchor;
            }
            previousEnd = moment.end();
        }
        return anchors;
    }

    private static Anchor anchor(Entry entry, Moment moment, int floor, Anchor last) {
        String text = entry.text;
        CueMention cue = entry.lastCueBefore(floor, moment.start());
        if (cue != null && fillerFits(cue.cue(), text, cue.end(), moment.start())) {
            boolean movesTheLast = cue.cue() == Cue.RESET
                    && last != null
                    && last.moment().end() == floor
                    && !namesItsOwnProceeding(text, cue, moment);
            return new Anchor(moment, cue, movesTheLast ? last : null, floor);
        }
        CueMention farther = cue;
        for (int tries = 0; tries < 3 && farther != null; tries++) {
            farther = entry.lastCueBefore(floor, farther.start());
            if (farther != null
                    && farther.cue().longReach
                    && fillerFits(farther.cue(), text, farther.end(), moment.start())) {
                return new Anchor(moment, farther, null, floor);
            }
        }
        if (last != null && last.moment().end() == floor) {
            if (last.cue().cue() == Cue.FROM && fits(TO_GAP, text, floor, moment.start())) {
                CueMention to = new CueMention(floor, moment.start(), Cue.RESET);
                return new Anchor(moment, to, last, floor);
            }
            if (fits(LIST_GAP, text, floor, moment.start()) && last.cue().cue() != Cue.FROM) {
                return new Anchor(moment, last.cue(), last, floor);
            }
        }
        int dashFrom = Math.max(floor, moment.start() - 4);
        if (cue == null
                && NAME_DASH.matcher(text).region(dashFrom, moment.start()).find()) {
            return new Anchor(moment, new CueMention(moment.start(), moment.start(), Cue.DASH), null, floor);
        }
        return null;
    }

    /** "reset Calendar Call for 9:31 1/5/04": the proceeding follows the verb, so no earlier date is moved. */
    private static boolean namesItsOwnProceeding(String text, CueMention cue, Moment moment) {
        return VERB_ONLY.matcher(text).region(cue.start(), cue.end()).matches()
                && Names.isNamedProceeding(text.substring(cue.end(), moment.start()));
    }

    private static boolean fillerFits(Cue cue, String text, int from, int to) {
        if (fits(FILLER, text, from, to)) {
            return true;
        }
        return switch (cue) {
            case LONG_SET, HOLD ->
                to - from <= LONG_REACH
                        && LONG_FILLER_END.matcher(text).region(from, to).find();
            case RESET ->
                to - from <= 60
                        && LONG_FILLER_END.matcher(text).region(from, to).find();
            case HELD ->
                to - from <= 45
                        && LONG_FILLER_END.matcher(text).region(from, to).find();
            case DUE -> fits(THING_DUE_FILLER, text, from, to);
            case DUE_LABEL, TIME_LABEL -> fits(LABEL_FILLER, text, from, to);
            case LAST_DAY -> fits(LAST_DAY_FILLER, text, from, to);
            default -> false;
        };
    }

    private static boolean fits(Pattern filler, String text, int from, int to) {
        return to >= from
                && to - from <= LONG_REACH
                && filler.matcher(text).region(from, to).matches();
    }
}
