package com.docketwatch.courtdates;

import com.docketwatch.courtdates.Anchors.Anchor;
import com.docketwatch.courtdates.CourtDate.Action;
import com.docketwatch.courtdates.CourtDate.Type;
import com.docketwatch.courtdates.Cues.Cue;
import com.docketwatch.courtdates.Moments.Moment;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deadlines: "Answer due 2/9/2021", "Objections due by ...", "Last day to oppose discharge is ...", "EXTENDED TO
 * APRIL 4, 2006", "Transcript Designation set for ...", and "by" / "on or before" / "no later than" dates in a
 * sentence that obliges someone ("shall be filed on or before 3/10/2014").
 */
final class Deadlines {
    private static final Set<Cue> NOTICED_BY_FILER = EnumSet.of(Cue.DUE, Cue.DUE_LABEL, Cue.LAST_DAY, Cue.BY);
    private static final Pattern OBLIGATION = Pattern.compile(
            "\\b(?:shall|must|are\\s{1,3}to|is\\s{1,3}to|to\\s{1,3}be|directed|ordered|required|due|deadline"
                    + "|has\\s{1,3}until|have\\s{1,3}until|submit(?:ted)?|file[ds]?|serve[ds]?|pay|paid|complete[ds]?"
                    + "|(?:self-)?surrender|extend(?:ed|ing))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANSWERING_PAPERS =
            Pattern.compile("\\b(?:objection|response|opposition|repl(?:y|ies)|answer)s?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ASKING_FOR_TIME = Pattern.compile(
            "\\b(?:motion|request|application|stipulation)\\b[^.;]{0,80}\\b(?:extend|extension|enlarge|continu)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_A_DEADLINE = Pattern.compile(
            "\\b(?:release\\s{1,3}of\\s{1,3}transcript|restrict\\w*|excludable|estimated|access|period)\\b"
                    + "|(?<!\\b(?:response|opposition|reply|objection)s?\\s{1,3}to\\s{1,3})\\bstay\\b",
            Pattern.CASE_INSENSITIVE);
    /** "to and including" / "through and including" is a deadline only where the sentence extends time. */
    private static final Pattern BARE_INCLUDING = Pattern.compile("^(?:to|through|thru)\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern EXTENDING = Pattern.compile(
            "\\b(?:extend(?:s|ed|ing)?|extension)\\b(?![^.;]{0,200}\\bperiods?\\b)", Pattern.CASE_INSENSITIVE);
    /** "Letter requesting a one week extension, through and including ...": asked for, not granted. */
    private static final Pattern ASKED_NOT_GRANTED = Pattern.compile(
            "\\b(?:request(?:s|ed|ing)?|seek(?:s|ing)?|asks?|asking|proposed)\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern GRANTED =
            Pattern.compile("\\b(?:order(?:ed)?|grant(?:s|ed|ing)?|so-?\\s{0,2}ordered)\\b", Pattern.CASE_INSENSITIVE);
    /** "Extending Defendant's Time to Move, Answer or Otherwise Respond to the Complaint to and Including ...". */
    private static final Pattern TIME_TO = Pattern.compile(
            "\\btime\\s{1,3}(?:by\\s{1,3}which\\s{1,3}[^.;]{0,60}?\\s{1,3}may\\s{1,3}|to\\s{1,3})([\\w'/, -]{1,60}?)"
                    + "(?=\\s{1,3}(?:to|up|through|thru|is|in)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** "Defendants shall have through and including May 26, 2021 to file a responsive pleading". */
    private static final Pattern HAVE_BEFORE =
            Pattern.compile("\\b(?:shall|will|to|now)\\s{1,3}have\\s{1,3}$", Pattern.CASE_INSENSITIVE);

    private static final Pattern FRONTED_ON = Pattern.compile(
            "^\\W{0,3}(?:\\d\\)\\s{0,2})?on\\s{1,3}(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s{1,3})?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern THEN_SHALL =
            Pattern.compile("^,?\\s{1,3}[^.;]{0,60}?\\b(?:shall|must)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DUE_BEFORE =
            Pattern.compile("\\bdue(?:\\s{1,3}by)?\\s{0,3}$", Pattern.CASE_INSENSITIVE);
    /** "Self Surrender on April 28, 2009": the thing due is the surrender itself. */
    private static final Pattern SURRENDER_BEFORE = Pattern.compile("\\bsurrender\\s$", Pattern.CASE_INSENSITIVE);

    private static final Pattern DOING = Pattern.compile(
            "\\b(?:file|submit|serve|pay|complete|provide|produce|contact|return)\\s{1,3}(?:(?:a|an|the|his|her|its"
                    + "|their|any|all|each)\\s{1,3})?((?:[\\w'/-]{1,20}\\s{1,3}){0,3}[\\w'/-]{1,20})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OBJECT_ENDS = Pattern.compile(
            "\\s(?:by|on|no|not|with|to|within|in|and|for|at|of|that|which|regarding|re|\\w+ing)\\b.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DONE = Pattern.compile(
            "((?:[\\w'/-]{1,20}\\s{1,3}){0,5}?[\\w'/-]{1,20})\\s{1,3}(?:shall|must|are\\s{1,3}to|is\\s{1,3}to|to)"
                    + "\\s{1,3}be\\s{1,3}(?:\\w{1,15}\\s{1,3})?(?:filed|submitted|served|completed|assigned|paid)\\b",
            Pattern.CASE_INSENSITIVE);

    private Deadlines() {}

    static List<CourtDate> read(Entry entry) {
        List<CourtDate> found = new ArrayList<>();
        if (entry.genre == Genre.SERVICE_RECORD) {
            return found;
        }
        for (Anchor anchor : entry.anchors) {
            String title = titleIfDeadline(entry, anchor);
            if (title != null && !NOT_A_DEADLINE.matcher(title).find()) {
                Moment moment = anchor.moment();
                found.add(new CourtDate(
                        Type.DEADLINE,
                        Action.DUE,
                        "deadline",
                        title,
                        moment.date(),
                        moment.time(),
                        null,
                        null,
                        Math.min(anchor.cue().start(), moment.start()),
                        moment.end()));
            }
        }
        for (Moment moment : entry.moments) {
            if (frontedOn(entry, moment)) {
                String title = doing(entry, moment.end(), entry.windowEnd(moment.end()));
                found.add(new CourtDate(
                        Type.DEADLINE,
                        Action.DUE,
                        "deadline",
                        title,
                        moment.date(),
                        moment.time(),
                        null,
                        null,
                        moment.start(),
                        moment.end()));
            }
        }
        return found;
    }

    private static String titleIfDeadline(Entry entry, Anchor anchor) {
        Anchor head = root(anchor);
        Cue cue = head.cue().cue();
        String text = entry.text;
        int sentenceStart = entry.windowStart(anchor.moment().start());
        String sentence =
                text.substring(sentenceStart, entry.windowEnd(anchor.moment().start()));
        if (entry.genre == Genre.REQUEST
                && (!NOTICED_BY_FILER.contains(cue)
                        || ASKING_FOR_TIME.matcher(sentence).find()
                        || cue == Cue.BY && !ANSWERING_PAPERS.matcher(sentence).find())) {
            return null;
        }
        int cueStart = head.cue().start();
        int cueEnd = head.cue().end();
        return switch (cue) {
            case DUE -> Titles.ofThingDue(Names.before(text, head.floor(), cueStart));
            case EXTENDED ->
                BARE_INCLUDING.matcher(text).region(cueStart, cueEnd).lookingAt()
                        ? extendedTimeTitle(entry, sentenceStart, cueStart, head)
                        : Titles.ofThingDue(Names.before(text, head.floor(), cueStart));
            case DUE_LABEL, LAST_DAY ->
                Titles.ofThingDue(text.substring(cueEnd, head.moment().start())
                        .replaceAll("(?i)\\s(?:is|date)\\s*$|[:\\s-]+$", ""));
            case SET -> {
                String name = Proceedings.nameOf(entry, head);
                yield name.isEmpty() || Names.isProceeding(name) || entry.genre == Genre.REQUEST
                        ? null
                        : Titles.ofThingDue(name);
            }
            case BY -> OBLIGATION.matcher(sentence).find() ? titleOfBy(entry, head, sentenceStart, cueStart) : null;
            default -> null;
        };
    }

    /** "to and including <date>" where the sentence grants more time; null elsewhere (periods, requests). */
    private static String extendedTimeTitle(Entry entry, int sentenceStart, int cueStart, Anchor head) {
        String text = entry.text;
        if (HAVE_BEFORE
                .matcher(text)
                .region(Math.max(sentenceStart, cueStart - 16), cueStart)
                .find()) {
            String doing = doing(entry, head.moment().end(), entry.windowEnd(cueStart));
            return doing;
        }
        if (!EXTENDING.matcher(text).region(sentenceStart, cueStart).find()
                || ASKED_NOT_GRANTED
                                .matcher(text)
                                .region(sentenceStart, cueStart)
                                .find()
                        && !GRANTED.matcher(text)
                                .region(sentenceStart, cueStart)
                                .find()) {
            return null;
        }
        String doing = timeTo(text, sentenceStart, cueStart);
        return Titles.ofThingDue(doing != null ? doing : Names.before(text, head.floor(), cueStart));
    }

    /** What the extended time is for: "Time to Move, Answer or Otherwise Respond" gives "move, answer or ...". */
    private static String timeTo(String text, int from, int to) {
        Matcher timeTo = TIME_TO.matcher(text).region(from, to);
        String doing = null;
        while (timeTo.find()) {
            doing = timeTo.group(1);
        }
        return doing;
    }

    private static String titleOfBy(Entry entry, Anchor anchor, int sentenceStart, int cueStart) {
        String text = entry.text;
        if (SURRENDER_BEFORE
                .matcher(text)
                .region(Math.max(sentenceStart, cueStart - 12), cueStart)
                .find()) {
            return Titles.ofThingDue(Names.before(text, anchor.floor(), cueStart));
        }
        Matcher due = DUE_BEFORE.matcher(text).region(Math.max(sentenceStart, cueStart - 12), cueStart);
        if (due.find()) {
            return Titles.ofThingDue(Names.before(text, anchor.floor(), due.start()));
        }
        if (EXTENDING.matcher(text).region(sentenceStart, cueStart).find()) {
            String doing = timeTo(text, sentenceStart, cueStart);
            if (doing != null) {
                return Titles.ofThingDue(doing);
            }
        }
        Matcher done = DONE.matcher(text).region(sentenceStart, cueStart);
        String subject = null;
        while (done.find()) {
            subject = done.group(1);
        }
        if (subject != null) {
            return Titles.ofThingDue(Names.before(subject, 0, subject.length()));
        }
        String doing = doing(entry, sentenceStart, cueStart);
        return doing.equals("deadline") ? doing(entry, anchor.moment().end(), entry.windowEnd(cueStart)) : doing;
    }

    private static String doing(Entry entry, int from, int to) {
        Matcher doing = DOING.matcher(entry.text).region(from, to);
        return doing.find()
                ? Titles.ofThingDue(OBJECT_ENDS.matcher(doing.group(1)).replaceAll(""))
                : "deadline";
    }

    /** "On Tuesday, December 1, 2015, counsel shall jointly contact my judicial assistant". */
    private static boolean frontedOn(Entry entry, Moment moment) {
        int sentenceStart = entry.sentenceStart(moment.start());
        return moment.start() - sentenceStart <= 30
                && FRONTED_ON
                        .matcher(entry.text)
                        .region(sentenceStart, moment.start())
                        .matches()
                && THEN_SHALL
                        .matcher(entry.text)
                        .region(moment.end(), entry.windowEnd(moment.start()))
                        .find()
                && !FrontedSettings.setsAProceeding(entry, moment);
    }

    private static Anchor root(Anchor anchor) {
        return anchor.previous() == null ? anchor : root(anchor.previous());
    }
}
