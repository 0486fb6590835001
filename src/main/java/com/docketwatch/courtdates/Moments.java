package com.docketwatch.courtdates;

import com.docketwatch.courtdates.DateMentions.DateMention;
import com.docketwatch.courtdates.TimeMentions.TimeMention;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Pairs each date with the time written next to it: after it ("5/8/2023 at 10:30 AM") or before ("9:00 a.m. on"). */
final class Moments {
    /** A date (and time) and the span they cover together. */
    record Moment(int start, int end, LocalDate date, LocalTime time) {}

    private static final int MAX_GAP = 40;
    private static final Pattern GAP_BEFORE_TIME = Pattern.compile(
            "[\\s,]{0,4}(?:-\\s{0,3})?(?:(?:at|@|(?:hearing\\s{1,3})?time:?|starting at|beginning at|commencing "
                    + "at|from)[\\s,]{0,4})?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GAP_AFTER_TIME = Pattern.compile(
            "\\s{0,3}(?:\\([^()]{0,25}\\)\\s{0,3})?,?\\s{0,3}(?:on\\s{1,3})?(?:on\\s{1,3})?"
                    + "(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s{1,3})?",
            Pattern.CASE_INSENSITIVE);

    private Moments() {}

    static List<Moment> find(WordStarts words, LocalDate entryDate) {
        String text = words.text;
        List<DateMention> dates = DateMentions.find(words, entryDate);
        List<TimeMention> times = withoutDateParts(TimeMentions.find(words), dates);
        boolean[] used = new boolean[times.size()];
        TimeMention[] after = new TimeMention[dates.size()];
        int t = 0;
        for (int d = 0; d < dates.size(); d++) {
            DateMention date = dates.get(d);
            while (t < times.size() && times.get(t).start() < date.end()) {
                t++;
            }
            if (t < times.size()
                    && gapMatches(text, date.end(), times.get(t).start(), GAP_BEFORE_TIME)
                    && (d + 1 == dates.size()
                            || dates.get(d + 1).start() > times.get(t).start())) {
                after[d] = times.get(t);
                used[t] = true;
            }
        }
        List<Moment> moments = new ArrayList<>(dates.size());
        int b = 0;
        for (int d = 0; d < dates.size(); d++) {
            DateMention date = dates.get(d);
            if (after[d] != null) {
                moments.add(new Moment(date.start(), after[d].end(), date.date(), after[d].time()));
                continue;
            }
            while (b + 1 < times.size() && times.get(b + 1).end() <= date.start()) {
                b++;
            }
            TimeMention before = b < times.size() && times.get(b).end() <= date.start() ? times.get(b) : null;
            if (before != null && !used[b] && gapMatches(text, before.end(), date.start(), GAP_AFTER_TIME)) {
                used[b] = true;
                moments.add(new Moment(before.start(), date.end(), date.date(), before.time()));
            } else {
                moments.add(new Moment(date.start(), date.end(), date.date(), null));
            }
        }
        return moments;
    }

    private static boolean gapMatches(String text, int from, int to, Pattern gap) {
        return to >= from
                && to - from <= MAX_GAP
                && gap.matcher(text).region(from, to).matches();
    }

    /** "11/16/2010" must not also read as the times "11:16" or the like; times inside dates are dropped. */
    private static List<TimeMention> withoutDateParts(List<TimeMention> times, List<DateMention> dates) {
        List<TimeMention> kept = new ArrayList<>(times.size());
        int d = 0;
        for (TimeMention time : times) {
            while (d < dates.size() && dates.get(d).end() <= time.start()) {
                d++;
            }
            if (d >= dates.size() || dates.get(d).start() >= time.end()) {
                kept.add(time);
            }
        }
        return kept;
    }
}
