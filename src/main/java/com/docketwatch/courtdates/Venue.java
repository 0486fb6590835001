package com.docketwatch.courtdates;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads where and before whom a proceeding sits from the words right after its date. */
final class Venue {
    record Place(String location, String judge) {}

    private static final int REACH = 200;
    private static final String NAME_WORD = "(?:[A-Z][A-Za-z'-]{1,20}|[A-Z]\\.?)";
    private static final Pattern JUDGE = Pattern.compile(
            "^[\\s,]{0,3}(?:or\\s{1,3}soon\\s{1,3}thereafter\\s{1,3})?(?:in\\s{1,3}[^;]{1,120}?\\s{1,3})?before"
                    + "\\s{1,3}(?:the\\s{1,3})?((?:(?:Honorable|Hon\\.)\\s{1,3}|(?:[A-Z][a-z]{1,12}\\s{1,3}){0,3}Judge"
                    + "\\s{1,3})" + NAME_WORD + "(?:\\s{1,3}" + NAME_WORD + "){0,3}|[A-Z]{2,4}\\b)");
    private static final Pattern JUDGE_STOP = Pattern.compile(
            "\\s(?:Final|Jury|Status|Motion|Trial|Hearing|Conference|Defendant|Defendant's|Government|Government's"
                    + "|Motions|Time|Signed|Court|The|This|In|On)\\b.*$");
    private static final Pattern INITIALS = Pattern.compile("^\\s{0,2},?\\s{0,2}([A-Z]{2,4})\\b(?![a-z])");
    private static final Pattern NOT_INITIALS = Pattern.compile(
            "AM|PM|US|USA|NY|CI|RE|THE|AND|FOR|TO|BY|ON|AT|IN|IS|ARE|WAS|BE|OF|AN|OR|NO|SO|IT|AS|ALL|NOT|HAS");
    private static final Pattern REMOTE = Pattern.compile(
            "\\b((?:by|through|via)\\s{1,3}(?:telephone|video\\s{0,3}conference|video|zoom|videoconference|phone)"
                    + "|telephonically|in\\s{1,3}chambers)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AT_PLACE =
            Pattern.compile("^[\\s,]{0,3}(?:at|in)\\s{1,3}(?!the\\s{1,3}(?:request|interest))((?:[^;()\\[\\]]"
                    + "|\\([^()]{0,30}\\)){1,160}?)"
                    + "(?=\\s{1,3}before\\b|\\s{0,2}\\.?\\s{0,2}$|\\s{0,2}\\((?![A-Z/ ]{2,8}\\)|Judge\\s)"
                    + "|\\s{1,3}(?:re|for|regarding|on|to|RE)\\b"
                    + "|\\s{1,3}(?:[A-Z][\\w/-]{1,20}\\s{1,3}){1,4}(?:due|deadline)\\b"
                    + "|\\s{0,2};|,\\s{1,3}(?:and|which|with|for)\\b|(?<=[a-z]{3}|\\d|\\))\\.\\s{1,3}[A-Z])");
    private static final Pattern COURTROOM = Pattern.compile("^\\s{1,3}([A-Z][\\w ]{0,30}?(?:Courtroom|Room|Crtrm"
            + "|Ctrm)\\s{0,3}[\\w#-]{1,6}(?:\\s{1,3}-\\s{1,3}[A-Z]{2,4})?)");
    private static final Pattern JUDGE_IN_PLACE = Pattern.compile("\\((Judge [A-Z][A-Za-z'-]{1,20})\\)");

    private Venue() {}

    static Place after(String text, int from, int sentenceEnd) {
        int to = Math.min(sentenceEnd, Math.min(text.length(), from + REACH));
        String rest = text.substring(from, to);
        String location = location(rest);
        String judge = judge(rest);
        if (judge == null && location != null) {
            Matcher named = JUDGE_IN_PLACE.matcher(location);
            judge = named.find() ? named.group(1) : null;
        }
        return new Place(location, judge);
    }

    private static String location(String rest) {
        Matcher remote = REMOTE.matcher(rest);
        Matcher at = AT_PLACE.matcher(rest);
        if (at.find() && !at.group(1).startsWith("check")) {
            return at.group(1).trim().replaceAll("[.,]+$", "");
        }
        Matcher courtroom = COURTROOM.matcher(rest);
        if (courtroom.find()) {
            return courtroom.group(1).trim();
        }
        return remote.find() && remote.start() < 120 ? remote.group(1) : null;
    }

    private static String judge(String rest) {
        Matcher before = JUDGE.matcher(rest);
        if (before.find()) {
            return JUDGE_STOP.matcher(before.group(1)).replaceAll("").trim();
        }
        Matcher initials = INITIALS.matcher(rest);
        if (initials.find() && !NOT_INITIALS.matcher(initials.group(1)).matches()) {
            return initials.group(1);
        }
        return null;
    }
}
