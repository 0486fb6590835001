package com.docketwatch.courtdates;

import com.docketwatch.courtdates.Anchors.Anchor;
import com.docketwatch.courtdates.CourtDate.Action;
import com.docketwatch.courtdates.CourtDate.Type;
import com.docketwatch.courtdates.Cues.Cue;
import com.docketwatch.courtdates.Cues.CueMention;
import com.docketwatch.courtdates.Moments.Moment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proceedings an entry records as having taken place: "Telephone Conference held on 3/30/2021", "HEARING HELD.",
 * "CASE argued", "EP: MINUTES: Detention Hearing-...", and the "TEXT MINUTE ENTRY for sentencing proceedings held
 * before ... in Lincoln on 09/07/2016" preamble.
 */
final class Held {
    /** A minute entry's preamble comes first. */
    private static final int OPENING = 200;

    private static final Pattern PREAMBLE = Pattern.compile(
            "\\bfor\\s{1,3}(?:([\\w/ -]{1,40}?)\\s{1,3})?proceedings\\s{1,3}held\\s{1,3}before\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern JUDGE = Pattern.compile(
            "\\s{1,3}((?:(?:Chief|Senior|District|Magistrate|Bankruptcy|U\\.S\\.)\\s{1,3}){0,2}Judge\\s{1,3}"
                    + "(?:[A-Z]\\.?\\s{1,3}|[A-Z][A-Za-z'-]{1,20}\\s{0,3}){1,4})");
    private static final Pattern PLACE = Pattern.compile("\\bin\\s{1,3}([A-Z][a-z]{2,20})\\b");
    private static final Pattern EP_MINUTES =
            Pattern.compile("^\\W{0,3}EP:\\s{0,3}MINUTES:\\s{0,3}([^.;:]{1,80}?)(?=\\s{0,2}-|[.;:])");
    private static final Pattern LOOKING_BACK = Pattern.compile(
            "\\b(?:during|at|from|in|of|since|after|following|regarding|re:?|for)\\s{1,3}(?:the|a|an|said|that|this)"
                    + "\\s{1,3}$|\\btranscript\\b[^.]{0,40}$",
            Pattern.CASE_INSENSITIVE);

    /**
     * A trustee's report or a clerk's event that the meeting of creditors took place: "341 Meeting Concluded",
     * "Trustee's Report of First Meeting Held", "the initial meeting of creditors was held and concluded on
     * <date>", "Meeting of Creditors Chapter 13 Held and Concluded on <date>", "The Section 341 Meeting was
     * concluded on <date>".
     */
    private static final Pattern MEETING_HELD = Pattern.compile(
            "\\b(?:(?:section\\s{1,3})?341(?:\\s{0,2}\\(a\\))?\\s{1,3}meeting(?:\\s{1,3}of\\s{1,3}creditors)?"
                    + "|(?:first|initial)\\s{1,3}meeting(?:\\s{1,3}of\\s{1,3}creditors)?|meeting\\s{1,3}of\\s{1,3}creditors)"
                    + "(?:\\s{1,3}chapter\\s{1,3}\\d{1,2}(?:\\s{0,2}&\\s{0,2}\\d{1,2})?)?"
                    + "\\s{1,3}(?:was\\s{1,3}|has\\s{1,3}been\\s{1,3})?"
                    + "(?:held(?:\\s{1,3}and\\s{1,3}concluded)?|concluded)\\b(?!\\s{1,3}(?:in\\s{1,3}abeyance|open)\\b)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern MEETING_DATE_GAP = Pattern.compile(
            "\\s{0,3}(?:on\\s{1,3})?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s{1,3})?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MEETING_LOOKING_BACK = Pattern.compile(
            "\\b(?:during|at|from|since|after|following|regarding|re:?|for|to|not|whether|if|until|unless)"
                    + "\\s{1,3}(?:the\\s{1,3})?$|\\b(?:continued|adjourned|scheduled|notice)\\b[^.;]{0,30}$",
            Pattern.CASE_INSENSITIVE);

    private Held() {}

    static List<CourtDate> read(Entry entry) {
        List<CourtDate> found = new ArrayList<>();
        if (entry.genre != Genre.MINUTES && entry.genre != Genre.ANNOUNCEMENT) {
            return found;
        }
        Session session = Session.of(entry);
        int read = 0;
        for (CueMention cue : entry.cues) {
            if (cue.cue() != Cue.HELD
                    || !recordsSession(entry, cue)
                    || session.covers(cue.start())
                    || ++read > Anchors.MOST_ANCHORS) {
                continue;
            }
            String name = entry.text.substring(cue.start(), cue.end()).equalsIgnoreCase("argued")
                    ? "oral argument"
                    : Names.before(entry.text, entry.sentenceStart(cue.start()), cue.start());
            int nameStart = Math.max(0, entry.text.lastIndexOf(name.split(" ")[0], cue.start()));
            if (!Names.isProceeding(name)
                    || LOOKING_BACK
                            .matcher(entry.text)
                            .region(Math.max(0, nameStart - 30), nameStart)
                            .find()) {
                continue;
            }
            LocalDate date = dateHeldOn(entry, cue);
            if (date == null) {
                // "CHANGE OF PLEA held before Judge Roe as to John Doe held on 7/21/2008": the second "held" dates it.
                date = laterHeldOn(entry, cue);
            }
            found.add(held(
                    Titles.ofProceeding(name),
                    date != null ? date : session.date,
                    session,
                    Math.max(0, nameStart),
                    cue.end()));
        }
        Matcher ep = EP_MINUTES.matcher(entry.text);
        if (ep.find() && Names.isProceeding(ep.group(1).replace("A & P", "arraignment and plea"))) {
            found.add(held(Titles.ofProceeding(ep.group(1)), null, session, ep.start(1), ep.end(1)));
        }
        meetingsHeld(entry, session, found);
        if (session.name != null) {
            found.add(held(Titles.ofProceeding(session.name), session.date, session, session.start, session.end));
        } else if (found.isEmpty() && session.date != null) {
            found.add(held("proceedings", session.date, session, session.start, session.end));
        }
        return found;
    }

    /** The meeting of creditors reported held or concluded, once, dated when the date follows at once. */
    private static void meetingsHeld(Entry entry, Session session, List<CourtDate> found) {
        Matcher m = MEETING_HELD.matcher(entry.text);
        if (!m.find()
                || MEETING_LOOKING_BACK
                        .matcher(entry.text)
                        .region(Math.max(0, m.start() - 40), m.start())
                        .find()) {
            return;
        }
        int stop = Math.min(entry.text.length(), m.end() + 40);
        Moment on = entry.firstMomentIn(m.end(), stop);
        LocalDate date = on != null
                        && MEETING_DATE_GAP
                                .matcher(entry.text)
                                .region(m.end(), on.start())
                                .matches()
                ? on.date()
                : null;
        String title = Titles.ofProceeding("341 meeting");
        for (int i = 0; i < found.size(); i++) {
            CourtDate known = found.get(i);
            if (known.title().equals(title)) {
                if (known.date() == null && date != null) {
                    found.set(i, held(title, date, session, known.start(), known.end()));
                }
                return;
            }
        }
        found.add(held(title, date, session, m.start(), m.end()));
    }

    private static CourtDate held(String title, LocalDate date, Session session, int start, int end) {
        return new CourtDate(
                Type.HEARING,
                Action.HELD,
                Titles.kindOf(title),
                title,
                date,
                null,
                session.place,
                session.judge,
                start,
                end);
    }

    /** Minutes record sessions; elsewhere only a docket event's own capitalised "Held" / "HELD" does. */
    private static boolean recordsSession(Entry entry, CueMention cue) {
        return entry.genre == Genre.MINUTES || Character.isUpperCase(entry.text.charAt(cue.start()));
    }

    private static LocalDate laterHeldOn(Entry entry, CueMention cue) {
        int stop = entry.sentenceEnd(cue.end());
        for (CueMention later : entry.cues) {
            if (later.start() > cue.end() && later.start() < stop && later.cue() == Cue.HELD) {
                return dateHeldOn(entry, later);
            }
        }
        return null;
    }

    private static LocalDate dateHeldOn(Entry entry, CueMention cue) {
        for (Anchor anchor : entry.anchorsIn(cue.end(), cue.end() + Entry.WINDOW)) {
            if (anchor.cue().equals(cue)) {
                return anchor.moment().date();
            }
        }
        return null;
    }

    /**
     * What the minute entry's preamble says of the session: the proceeding it names ("for bench trial proceedings
     * held before"), or null when it names none, and its date, place and judge.
     */
    private record Session(String name, LocalDate date, String place, String judge, int start, int end) {
        /** The preamble's own "proceedings held before" is the session, not another proceeding held. */
        boolean covers(int position) {
            return start < end && position >= start && position < end;
        }

        static Session of(Entry entry) {
            Matcher preamble = PREAMBLE.matcher(entry.text).region(0, Math.min(entry.text.length(), OPENING));
            if (entry.genre != Genre.MINUTES || !preamble.find()) {
                return new Session(null, null, null, null, 0, 0);
            }
            String named = preamble.group(1) == null ? "" : preamble.group(1).trim();
            String name = Names.isNamedProceeding(named) ? named : null;
            Matcher judge = JUDGE.matcher(entry.text).region(preamble.end(), entry.text.length());
            String judgeName = judge.lookingAt() ? judge.group(1).trim() : null;
            int stop = entry.sentenceEnd(preamble.end());
            int colon = entry.text.indexOf(':', preamble.end());
            if (colon >= 0 && colon < stop) {
                stop = colon;
            }
            Moment on = entry.firstMomentIn(preamble.end(), stop);
            boolean dated = on != null
                    && entry.text
                            .substring(Math.max(0, on.start() - 4), on.start())
                            .matches("(?i).*\\bon\\s{1,3}");
            Matcher place = PLACE.matcher(entry.text).region(preamble.end(), dated ? on.start() : stop);
            return new Session(
                    name,
                    dated ? on.date() : null,
                    place.find() ? place.group(1) : null,
                    judgeName,
                    preamble.start(),
                    dated ? on.end() : preamble.end());
        }
    }
}
