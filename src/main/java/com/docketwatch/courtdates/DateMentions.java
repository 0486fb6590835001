package com.docketwatch.courtdates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Finds calendar dates written the ways CM/ECF dockets write them: 5/8/2023, 05/08/23, 8-17-04, Dec. 1, 2009. */
final class DateMentions {
    record DateMention(int start, int end, LocalDate date) {}

    private static final Pattern NUMERIC =
            Pattern.compile("(?<![\\w/.-])(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\w/]|-\\d)");
    private static final Pattern WRITTEN = Pattern.compile(
            "\\b(january|february|march|april|may|june|july|august|september|october|november|december"
                    + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\b\\.?\\s{0,3}(\\d{1,2})(?:st|nd|rd|th)?"
                    + ",?\\s{0,3}(\\d{4})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final WordStarts.Start MONTHS = WordStarts.oneOf(Set.of(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sept",
            "sep",
            "oct",
            "nov",
            "dec"));
    private static final int REACH = 40;
    /**
     * Real docket texts hold a few dozen dates at most (13,000 entries of 490 dockets: never more than 35); past
     * this many a text is no docket text and the rest of it is not searched for dates.
     */
    static final int MOST = 1000;

    private static final List<String> MONTH_PREFIXES =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private DateMentions() {}

    static List<DateMention> find(WordStarts words, LocalDate entryDate) {
        List<DateMention> found = new ArrayList<>();
        words.matchAll(DateMentions::startsNumericDate, NUMERIC, REACH, MOST, numeric -> {
            int year = numeric.group(4).length() == 2
                    ? nearEntry(Integer.parseInt(numeric.group(4)), entryDate)
                    : Integer.parseInt(numeric.group(4));
            add(
                    found,
                    numeric.start(),
                    numeric.end(),
                    year,
                    Integer.parseInt(numeric.group(1)),
                    Integer.parseInt(numeric.group(3)));
        });
        words.matchAll(MONTHS, WRITTEN, REACH, MOST, written -> {
            int month = MONTH_PREFIXES.indexOf(written.group(1).substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
            add(
                    found,
                    written.start(),
                    written.end(),
                    Integer.parseInt(written.group(3)),
                    month,
                    Integer.parseInt(written.group(2)));
        });
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    /** The shape of "5/8/2023" or "8-17-04", checked by hand so that the pattern runs only on likely dates. */
    private static boolean startsNumericDate(String text, int i) {
        int month = digits(text, i);
        if (month < 1 || month > 2 || i + month >= text.length()) {
            return false;
        }
        char separator = text.charAt(i + month);
        int dayStart = i + month + 1;
        int day = separator == '/' || separator == '-' ? digits(text, dayStart) : 0;
        int yearStart = dayStart + day + 1;
        return day >= 1
                && day <= 2
                && yearStart < text.length()
                && text.charAt(yearStart - 1) == separator
                && (digits(text, yearStart) == 2 || digits(text, yearStart) == 4);
    }

    private static int digits(String text, int from) {
        int end = from;
        while (end < text.length() && end - from < 5 && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end - from;
    }

    /** A two-digit year is taken in the century that puts it nearest the entry's own year. */
    static int nearEntry(int twoDigits, LocalDate entryDate) {
        int anchor = entryDate == null ? 2000 : entryDate.getYear();
        int best = anchor - Math.floorMod(anchor, 100) + twoDigits;
        for (int candidate : new int[] {best - 100, best + 100}) {
            if (Math.abs(candidate - anchor) < Math.abs(best - anchor)) {
                best = candidate;
            }
        }
        return best;
    }

    private static void add(List<DateMention> found, int start, int end, int year, int month, int day) {
        try {
            found.add(new DateMention(start, end, LocalDate.of(year, month, day)));
        } catch (DateTimeException notADate) {
            // "13/45/2010" and the like are numbers that only look like dates
        }
    }
}
