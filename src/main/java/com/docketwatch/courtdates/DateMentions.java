package com.docketwatch.courtdates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds calendar dates written the ways CM/ECF dockets write them: 5/8/2023, 05/08/23, 8-17-04, Dec. 1, 2009. */
final class DateMentions {
    record DateMention(int start, int end, LocalDate date) {}

    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\w/.-])(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\w/]|-\\d)");
    private static final Pattern WRITTEN = Pattern.compile(
            "\\b(january|february|march|april|may|june|july|august|september|october|november|december"
                    + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\b\\.?\\s{0,3}(\\d{1,2})(?:st|nd|rd|th)?"
                    + ",?\\s{0,3}(\\d{4})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> MONTH_PREFIXES = List.of(
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private DateMentions() {}

    static List<DateMention> find(String text, LocalDate entryDate) {
        List<DateMention> found = new ArrayList<>();
        Matcher numeric = NUMERIC.matcher(text);
        while (numeric.find()) {
            int year = numeric.group(4).length() == 2
                    ? nearEntry(Integer.parseInt(numeric.group(4)), entryDate)
                    : Integer.parseInt(numeric.group(4));
            add(found, numeric.start(), numeric.end(), year, Integer.parseInt(numeric.group(1)),
                    Integer.parseInt(numeric.group(3)));
        }
        Matcher written = WRITTEN.matcher(text);
        while (written.find()) {
            int month = MONTH_PREFIXES.indexOf(written.group(1).substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
            add(found, written.start(), written.end(), Integer.parseInt(written.group(3)), month,
                    Integer.parseInt(written.group(2)));
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
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
