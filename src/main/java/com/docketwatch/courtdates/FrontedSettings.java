package com.docketwatch.courtdates;

import com.docketwatch.courtdates.CourtDate.Action;
import com.docketwatch.courtdates.CourtDate.Type;
import com.docketwatch.courtdates.Moments.Moment;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings that give the date before the proceeding: "On 5/8/2023 at 10:30 AM there shall be an Initial Scheduling
 * Conference before Magistrate Judge ...", "On June 1, 2021, at 2:00 p.m., the Court will hold a status conference",
 * "On Tuesday, June 1, 2021, counsel shall appear for a status conference". The date opens its sentence (or follows
 * "ORDER:" / "ORDERED that"), and the proceeding must be named right after the verb.
 */
final class FrontedSettings {
    private static final String WEEKDAY = "(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s{1,3})?";
    /** What stands before the date: the sentence's start, a colon, or "ORDERED that", then "On" or "At". */
    private static final Pattern LEAD = Pattern.compile(
            "(?:^\\W{0,3}|[.:;]\\s{1,3}|\\bORDER(?:ED)?[:.,]?\\s{1,3}|\\bORDERED\\s{1,3}that\\s{1,3})(?:on|at)\\s{1,3}"
                    + WEEKDAY + "$",
            Pattern.CASE_INSENSITIVE);
    /** The verb after the date that sets a proceeding; it must follow the date (and its time) at once. */
    static final Pattern VERB = Pattern.compile(
            "^[\\s,]{0,4}(?:there\\s{1,3}(?:shall|will)\\s{1,3}be"
                    + "|the\\s{1,3}(?:court|undersigned)\\s{1,3}(?:will|shall)\\s{1,3}(?:hold|conduct|convene)"
                    + "|(?:all\\s{1,3})?(?:counsel|(?:the\\s{1,3})?parties)\\s{1,3}(?:shall|will|must|are\\s{1,3}to)"
                    + "\\s{1,3}(?:appear|attend|participate)\\s{1,3}(?:for|at|in))\\s{1,3}",
            Pattern.CASE_INSENSITIVE);
    /**
     * The proceeding named right after the verb: "an Initial Scheduling Conference", "a telephonic status conference";
     * no preposition or "no" among its words ("there shall be no hearing", "a ruling at the hearing").
     */
    private static final Pattern NAME = Pattern.compile(
            "^(?:(?:an?|the)\\s{1,3})?((?:(?!(?:no|not|at|on|for|to|in|by|with|of|after|before)\\s)[\\w/'&-]{1,25}"
                    + "\\s{1,3}){0,5}?(?:hearing|conference|teleconference|trial"
                    + "|sentencing|arraignment|argument|call|appearance|meeting)s?)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern MOVING_NAME =
            Pattern.compile("\\b(?:continued|adjourned|rescheduled|reset)\\b", Pattern.CASE_INSENSITIVE);
    private static final int LEAD_REACH = 60;

    private FrontedSettings() {}

    static List<CourtDate> read(Entry entry) {
        List<CourtDate> found = new ArrayList<>();
        if (entry.genre != Genre.ANNOUNCEMENT && entry.genre != Genre.MINUTES) {
            return found;
        }
        String text = entry.text;
        for (Moment moment : entry.moments) {
            if (found.size() == Anchors.MOST_ANCHORS) {
                break;
            }
            int sentenceEnd = entry.windowEnd(moment.end());
            if (!ledIn(entry, moment)) {
                continue;
            }
            Matcher verb = VERB.matcher(text).region(moment.end(), sentenceEnd);
            if (!verb.lookingAt()) {
                continue;
            }
            Matcher named = NAME.matcher(text).region(verb.end(), sentenceEnd);
            if (!named.lookingAt()) {
                continue;
            }
            String name = Names.within(text, named.start(1), named.end(1));
            if (!Names.isNamedProceeding(name)) {
                continue;
            }
            String title = Titles.ofProceeding(name);
            Action action = MOVING_NAME.matcher(name).find() ? Action.RESCHEDULED : Action.SCHEDULED;
            Venue.Place place = Venue.after(text, named.end(), entry.sentenceEnd(named.end()));
            found.add(new CourtDate(
                    Type.HEARING,
                    action,
                    Titles.kindOf(title),
                    title,
                    moment.date(),
                    moment.time(),
                    place.location(),
                    place.judge(),
                    moment.start(),
                    named.end()));
        }
        return found;
    }

    /** Whether the date opens its sentence after "On" or "At" (a colon or "ORDERED that" may come first). */
    static boolean ledIn(Entry entry, Moment moment) {
        int sentenceStart = entry.sentenceStart(moment.start());
        Matcher lead = LEAD.matcher(entry.text);
        if (moment.start() - sentenceStart <= LEAD_REACH) {
            lead.region(sentenceStart, moment.start());
        } else {
            lead.region(moment.start() - LEAD_REACH, moment.start()).useAnchoringBounds(false);
        }
        return lead.find();
    }

    /** "On 5/8/2023 there shall be ...": the date is the proceeding's, not a deadline's. */
    static boolean setsAProceeding(Entry entry, Moment moment) {
        return VERB.matcher(entry.text)
                .region(moment.end(), entry.windowEnd(moment.end()))
                .lookingAt();
    }
}
