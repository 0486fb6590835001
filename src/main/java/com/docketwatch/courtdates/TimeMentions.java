package com.docketwatch.courtdates;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds clock times: "10:30 AM", "3:00 p.m.", "02:00:00 PM", "10;15 A.M.", "@900am", "9 a.m.", "noon", "at 10:30". */
final class TimeMentions {
    record TimeMention(int start, int end, LocalTime time) {}

    private static final String MERIDIEM = "(?:([ap])\\.?\\s?m\\b\\.?|(noon)\\b)";
    private static final Pattern TIME = Pattern.compile(
            "(?<![\\w:.$])(?:"
                    + "([0-9l]{1,2})\\s?[:;]\\s?([0-5]\\d)(?::[0-5]\\d)?(?!\\d|:\\d)(?:\\s{0,2}" + MERIDIEM + ")?"
                    + "|(1[0-2]|0?[1-9])([0-5]\\d)\\s?([ap])\\.?m(?-i:(?![a-z]))\\.?"
                    + "|(1[0-2]|0?[1-9])\\s?([ap])\\.?\\s?m(?-i:(?![a-z]))\\.?"
                    + "|\\b(noon)\\b)",
            Pattern.CASE_INSENSITIVE);

    private static final int REACH = 30;

    private TimeMentions() {}

    static List<TimeMention> find(WordStarts words) {
        List<TimeMention> found = new ArrayList<>();
        words.matchAll(TimeMentions::canStart, TIME, REACH, DateMentions.MOST, m -> {
            LocalTime time = read(m);
            if (time != null) {
                found.add(new TimeMention(m.start(), m.end(), time));
            }
        });
        return found;
    }

    /**
     * One to four digits (the first may be the letter l typed for a 1, "@l0:00 a.m.") followed by a colon, a
     * semicolon or an a/p; or "noon".
     */
    private static boolean canStart(String text, int i) {
        char c = text.charAt(i);
        if ((c == 'n' || c == 'N')) {
            return WordStarts.word(text, i).equals("noon");
        }
        int end = c == 'l' ? i + 1 : i;
        while (end < text.length() && end - i < 5 && Character.isDigit(text.charAt(end))) {
            end++;
        }
        int digits = end - i;
        if (digits < 1 || digits > 4 || end >= text.length()) {
            return false;
        }
        char next = text.charAt(end) == ' ' && end + 1 < text.length() ? text.charAt(end + 1) : text.charAt(end);
        return next == ':' || next == ';' || "aApP".indexOf(next) >= 0;
    }

    private static LocalTime read(Matcher m) {
        if (m.group(1) != null) {
            int hour = Integer.parseInt(m.group(1).toLowerCase(Locale.ROOT).replace('l', '1'));
            int minute = Integer.parseInt(m.group(2));
            if (m.group(4) != null) {
                return hour == 12 && minute == 0 ? LocalTime.NOON : null;
            }
            return m.group(3) != null ? withMeridiem(hour, minute, m.group(3)) : courtHours(hour, minute);
        }
        if (m.group(5) != null) {
            return withMeridiem(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), m.group(7));
        }
        if (m.group(8) != null) {
            return withMeridiem(Integer.parseInt(m.group(8)), 0, m.group(9));
        }
        return LocalTime.NOON;
    }

    private static LocalTime withMeridiem(int hour, int minute, String meridiem) {
        if (hour < 1 || hour > 12) {
            return hour > 12 && hour < 24 ? LocalTime.of(hour, minute) : null;
        }
        boolean pm = meridiem.equalsIgnoreCase("p");
        return LocalTime.of(hour % 12 + (pm ? 12 : 0), minute);
    }

    /** A time written without AM/PM follows court hours: 1:00-6:59 is afternoon, 7:00-12:59 morning or noon. */
    private static LocalTime courtHours(int hour, int minute) {
        if (hour > 23) {
            return null;
        }
        return LocalTime.of(hour >= 1 && hour <= 6 ? hour + 12 : hour, minute);
    }
}
