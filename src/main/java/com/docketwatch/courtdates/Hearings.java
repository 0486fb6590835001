package com.docketwatch.courtdates;

import com.docketwatch.courtdates.Anchors.Anchor;
import com.docketwatch.courtdates.CourtDate.Action;
import com.docketwatch.courtdates.CourtDate.Type;
import com.docketwatch.courtdates.Cues.Cue;
import com.docketwatch.courtdates.Moments.Moment;
import com.docketwatch.courtdates.TimeMentions.TimeMention;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hearings an entry sets, moves or cancels on a stated date: "Status Conference set for ...", "continued to ...". */
final class Hearings {
    private static final Set<Cue> SETTING = EnumSet.of(
            Cue.SET, Cue.LONG_SET, Cue.HOLD, Cue.RESET, Cue.FROM, Cue.TIME_LABEL, Cue.ABBREVIATION, Cue.DASH);
    private static final Set<Cue> NOTICED_BY_FILER = EnumSet.of(Cue.SET, Cue.LONG_SET);
    private static final String BE = "(?:(?:is|are|be|been|was|were|has|have|shall|will|hereby|being)\\s{1,3}){0,3}";
    private static final Pattern PREDICATE = Pattern.compile(
            "\\b" + BE + "(?:(?:vacated|stricken|cancell?ed)\\s{0,3},?\\s{0,3}and\\s{1,3}"
                    + "(?:the\\s{1,3}matter\\s{1,3})?)?"
                    + "(re-?set|re-?scheduled|continued|adjourned|moved|changed|postponed|advanced)\\b"
                    + "|\\b" + BE + "(vacated|cancell?ed|canceled|stricken|terminated|withdrawn|off\\s{1,3}calendar"
                    + "|adjourned\\s{1,3}sine\\s{1,3}die|not\\s{1,3}held|(?:heard\\s{1,3})?on\\s{1,3}the\\s{1,3}"
                    + "(?:briefs|papers)|taken\\s{1,3}off(?:\\s{1,3}calendar)?"
                    + "|taken\\s{1,3}under\\s{1,3}submission)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ASKED_TO_MOVE = Pattern.compile(
            "\\b(?:to|for)\\s{1,3}(?:an?\\s{1,3})?(adjourn|continu|reschedul|postpon|vacat|cancel|extend|advanc"
                    + "|mov(?:e|ing)"
                    + "|reset|re-set|strik|stay|set|schedul|expedit)\\w*\\b[^.;:()\\[\\]]{0,45}$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VACATING_VERB_BEFORE = Pattern.compile(
            "(?<!\\bto\\s)\\b(?:vacat(?:es|ed|ing)|cancel(?:s|led|ed|ling|ing)|strik(?:es|ing)|terminat(?:es|ed"
                    + "|ing))\\b"
                    + "(?!\\s{0,3},?\\s{0,3}and\\s{1,3}re)[^.;]{0,50}$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VACATING_OPENING = Pattern.compile(
            "^\\W{0,3}(?:[\\w/&'-]{1,20}\\s{1,3}){0,4}?(?:hearing|conference|meeting|trial|call|sentencing)s?\\s{1,3}"
                    + "(?:cancell?ed|canceled|vacated|not\\s{1,3}held|off\\s{1,3}calendar|stricken)\\b"
                    + "(?!\\s{0,2}/\\s{0,2}re|\\s{1,3}and\\s{1,3}re)",
            Pattern.CASE_INSENSITIVE);
    private static final WordStarts.Start REMARK_WORDS = WordStarts.oneOf(Set.of("not", "proceedings"));
    private static final Pattern VACATING_REMARK =
            Pattern.compile("not\\s{1,3}called\\b|proceedings:\\s{0,3}vacated\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DENIED = Pattern.compile("\\bden(?:ied|ying|y|ies)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern GRANTED =
            Pattern.compile("\\bgrant(?:ed|ing|s)?\\b|\\ballowed\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MOVING_OPENING = Pattern.compile(
            "^.{0,80}?(?<!set/)\\b(?:continu|adjourn|reschedul|re-schedul|reset\\b|re-set"
                    + "|change\\s{1,3}of\\s{1,3}hearing"
                    + "|new\\s{1,3}dates|time\\s{1,3}change|amended\\s{1,3}notice\\s{1,3}of\\s{1,3}hearing)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern MOVING_NAME =
            Pattern.compile("\\b(?:continued|adjourned|rescheduled|reset)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_APPEARANCE = Pattern.compile(
            "\\b(?:decided|determined|resolved|considered)\\s{1,3}on\\s{1,3}the\\s{1,3}(?:papers|briefs|record)"
                    + "|\\bno\\s{1,3}(?:appearances?|oral\\s{1,3}argument)\\s{1,3}(?:are|is|will\\s{1,3}be)\\s{1,3}"
                    + "(?:required|necessary|permitted)",
            Pattern.CASE_INSENSITIVE);
    /** "ordered submitted on the briefs without oral argument on March 30, 2023": the argument will not be held. */
    private static final Pattern SUBMITTED_INSTEAD = Pattern.compile("submitted\\b", Pattern.CASE_INSENSITIVE);
    /** The predicates of {@link #PREDICATE} that turn a setting into a submission rather than cancel it. */
    private static final Pattern SUBMISSION =
            Pattern.compile("\\bon\\s{1,3}the\\s|\\bunder\\s{1,3}submission", Pattern.CASE_INSENSITIVE);

    private static final int PREDICATE_REACH = 160;

    /** VACATED: cancelled in so many words ("is VACATED", "off calendar"); SUBMITTED: turned into a submission. */
    private enum Fate {
        KEEP,
        SUPERSEDED,
        VACATED,
        SUBMITTED,
        TIME_CHANGED
    }

    /** What became of a request to move the setting, when the setting is the object of one. */
    private enum Request {
        NONE,
        ONLY_ASKED,
        DENIED,
        GRANTED_WITHOUT_NEW_DATE
    }

    private Hearings() {}

    static List<CourtDate> read(Entry entry) {
        List<CourtDate> found = new ArrayList<>();
        if (entry.genre == Genre.RECORD_OF_PROCEEDINGS || entry.genre == Genre.SERVICE_RECORD) {
            return found;
        }
        boolean vacatingEntry = VACATING_OPENING
                .matcher(entry.text)
                .region(0, Math.min(entry.text.length(), 200))
                .lookingAt();
        boolean movingEntry = MOVING_OPENING.matcher(entry.text).find();
        for (Anchor anchor : entry.anchors) {
            Cue cue = anchor.cue().cue();
            if (!SETTING.contains(cue) || entry.genre == Genre.REQUEST && !NOTICED_BY_FILER.contains(cue)) {
                continue;
            }
            String name = Proceedings.nameOf(entry, anchor);
            if (!Names.isProceeding(name) || cue == Cue.DASH && !Names.endsWithProceeding(name)) {
                continue;
            }
            read(entry, anchor, name, vacatingEntry, movingEntry, found);
        }
        return found;
    }

    private static void read(
            Entry entry,
            Anchor anchor,
            String name,
            boolean vacatingEntry,
            boolean movingEntry,
            List<CourtDate> found) {
        Moment moment = anchor.moment();
        Cue cue = anchor.cue().cue();
        if (cue == Cue.FROM) {
            return;
        }
        Action action =
                cue.moves || movingEntry || MOVING_NAME.matcher(name).find() ? Action.RESCHEDULED : Action.SCHEDULED;
        if (SUBMITTED_INSTEAD
                .matcher(entry.text)
                .region(anchor.cue().start(), anchor.cue().end())
                .lookingAt()) {
            action = Action.VACATED;
        }
        LocalTime time = moment.time();
        boolean cancelledOutright = false;
        switch (fate(entry, moment)) {
            case SUPERSEDED -> {
                return;
            }
            case VACATED -> {
                action = Action.VACATED;
                cancelledOutright = true;
            }
            case SUBMITTED -> {
                action = Action.VACATED;
                cancelledOutright = !cue.moves && (vacatingEntry || vacatingVerbBefore(entry, anchor));
            }
            case TIME_CHANGED -> {
                action = Action.RESCHEDULED;
                time = newTime(entry, moment);
            }
            case KEEP -> {
                switch (request(entry, anchor)) {
                    case ONLY_ASKED -> {
                        return;
                    }
                    case DENIED -> action = Action.SCHEDULED;
                    case GRANTED_WITHOUT_NEW_DATE -> {
                        action = Action.VACATED;
                        cancelledOutright = true;
                    }
                    case NONE -> {
                        if (!cue.moves
                                && (vacatingEntry
                                        || vacatingVerbBefore(entry, anchor)
                                        || vacatingRemarkAfter(entry, moment))) {
                            action = Action.VACATED;
                            cancelledOutright = true;
                        }
                    }
                    default -> throw new IllegalStateException();
                }
            }
            default -> throw new IllegalStateException();
        }
        // A papers-only motion day ("will be decided on the papers and no appearances are required") is no
        // hearing, but an explicit cancellation of a named setting is: "set for 3/18/2024 is VACATED. The motion
        // will be decided on the papers."
        if (!cancelledOutright
                && NO_APPEARANCE
                        .matcher(entry.text)
                        .region(moment.end(), Math.min(entry.text.length(), moment.end() + PREDICATE_REACH))
                        .find()) {
            return;
        }
        String title = Titles.ofProceeding(name);
        Venue.Place place = Venue.after(entry.text, moment.end(), entry.sentenceEnd(moment.end()));
        int start = Math.min(anchor.cue().start(), moment.start());
        found.add(new CourtDate(
                Type.HEARING,
                action,
                Titles.kindOf(title),
                title,
                moment.date(),
                time,
                place.location(),
                place.judge(),
                start,
                moment.end()));
    }

    /**
     * What the rest of the sentence does to the setting: "set for 7/27/2012 is reset to 9/28/2012" supersedes it,
     * "set for 11/30/09 is continued." or "... is vacated" cancels it, "set for 02/22/2005 10:00 AM is moved to
     * 02:00:00 PM" changes its time.
     */
    private static Fate fate(Entry entry, Moment moment) {
        int end = Math.min(entry.sentenceEnd(moment.end()), moment.end() + PREDICATE_REACH);
        Matcher predicate = PREDICATE.matcher(entry.text).region(moment.end(), end);
        if (!predicate.find() || !ownsPredicate(entry, moment.end(), predicate.start())) {
            return Fate.KEEP;
        }
        if (movedLater(entry, predicate.end())) {
            return Fate.SUPERSEDED;
        }
        if (predicate.group(1) != null && newTime(entry, moment) != null) {
            return Fate.TIME_CHANGED;
        }
        return SUBMISSION.matcher(predicate.group()).find() ? Fate.SUBMITTED : Fate.VACATED;
    }

    /**
     * A predicate belongs to this setting unless another cue or another proceeding comes first; other settings
     * may share it ("the pretrial conference set for May 11 and the trial set for June 1 are CONTINUED").
     */
    private static boolean ownsPredicate(Entry entry, int from, int to) {
        boolean furtherSetting = false;
        for (Cues.CueMention cue : entry.cuesIn(from, to)) {
            if (cue.cue() != Cue.SET && cue.cue() != Cue.BY) {
                return false;
            }
            furtherSetting |= cue.cue() == Cue.SET;
        }
        String between = entry.text.substring(from, to);
        return between.indexOf('(') < 0
                && between.indexOf(')') < 0
                && (furtherSetting || !Names.isNamedProceeding(between));
    }

    /** Whether the proceeding moves to a new date after the predicate: "is reset to 9/28/2012". */
    private static boolean movedLater(Entry entry, int from) {
        for (Anchor anchor : entry.anchorsIn(from, entry.windowEnd(from))) {
            if (anchor.cue().cue().moves) {
                return true;
            }
        }
        return false;
    }

    private static LocalTime newTime(Entry entry, Moment moment) {
        int end = Math.min(entry.sentenceEnd(moment.end()), moment.end() + PREDICATE_REACH);
        for (TimeMention time : TimeMentions.find(WordStarts.of(entry.text.substring(moment.end(), end)))) {
            return time.time();
        }
        return null;
    }

    /**
     * Whether the date is one a request asks to move ("LETTER MOTION to Adjourn Conference scheduled for ...") and
     * what became of the request: an order denying it confirms the setting, one granting it with no new date
     * cancels it.
     */
    private static Request request(Entry entry, Anchor anchor) {
        int from =
                Math.max(entry.sentenceStart(anchor.cue().start()), anchor.cue().start() - 90);
        Matcher asked =
                ASKED_TO_MOVE.matcher(entry.text).region(from, anchor.cue().start());
        if (!asked.find()) {
            return Request.NONE;
        }
        String sentence = entry.text.substring(
                entry.windowStart(anchor.moment().start()),
                entry.windowEnd(anchor.moment().start()));
        if (entry.genre == Genre.REQUEST) {
            return Request.ONLY_ASKED;
        }
        if (DENIED.matcher(sentence).find()) {
            return Request.DENIED;
        }
        return GRANTED.matcher(sentence).find() && entry.anchors.size() == 1
                ? Request.GRANTED_WITHOUT_NEW_DATE
                : Request.ONLY_ASKED;
    }

    /** "Docket Call set for 1/21/2009. CASE NOT CALLED: answer filed." */
    private static boolean vacatingRemarkAfter(Entry entry, Moment moment) {
        int nextSentence = Math.min(entry.text.length() - 1, entry.sentenceEnd(moment.end()));
        int to = Math.min(entry.windowEnd(nextSentence), moment.end() + 2 * Entry.WINDOW);
        return entry.words.first(moment.end(), to, REMARK_WORDS, VACATING_REMARK) != null;
    }

    private static boolean vacatingVerbBefore(Entry entry, Anchor anchor) {
        int from =
                Math.max(entry.sentenceStart(anchor.cue().start()), anchor.cue().start() - 70);
        return VACATING_VERB_BEFORE
                .matcher(entry.text)
                .region(from, anchor.cue().start())
                .find();
    }
}
