package com.docketwatch.courtdates;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a name as written into a title (lowercase, abbreviations spelled out) and a DocketWatch hearing kind. */
final class Titles {
    private static final Pattern MEETING_OF_CREDITORS =
            Pattern.compile("\\b341\\b|meeting of creditors|first meeting|creditors'? meeting");
    private static final Pattern ORAL_ARGUMENT = Pattern.compile("^(?:the )?case$|oral argument");
    private static final Pattern TRAILING_DATE = Pattern.compile("\\s(?:date|dates|time|deadline)$");
    private static final Pattern REPEATED_WORD = Pattern.compile("\\b(\\w+)(?:\\s\\1\\b)+");
    /** "notice of hearing of status conference": the words that only wrap the proceeding's name. */
    private static final Pattern WRAPPER = Pattern.compile(
            "^(?:.*\\s)?(?:hearing|notice|date|dates|agenda|continuance|adjournment|setting|disposition)"
                    + "\\s(?:of|on|for)\\s");

    private Titles() {}

    static String ofProceeding(String name) {
        String title = tidy(name);
        title = title.replace("js/jt", "jury selection/jury trial")
                .replace("a & p", "arraignment and plea")
                .replaceAll("\\bfpt\\b", "final pretrial conference")
                .replaceAll("\\bjt\\b", "jury trial")
                .replaceAll("\\bconf\\b", "conference");
        if (MEETING_OF_CREDITORS.matcher(title).find()) {
            return "341 meeting of creditors";
        }
        if (ORAL_ARGUMENT.matcher(title).find()) {
            return "oral argument";
        }
        title = REPEATED_WORD
                .matcher(TRAILING_DATE.matcher(title).replaceAll(""))
                .replaceAll("$1");
        Matcher wrapper = WRAPPER.matcher(title);
        if (wrapper.find() && Names.isNamedProceeding(title.substring(wrapper.end()))) {
            title = title.substring(wrapper.end());
        }
        if (!Names.isNamedProceeding(title)) {
            return "motion hearing";
        }
        return title;
    }

    static String ofThingDue(String name) {
        String title = TRAILING_DATE.matcher(tidy(name)).replaceAll("");
        return title.isEmpty() ? "deadline" : title;
    }

    /** DocketWatch's kind for a proceeding title; arraignments, appearances, pleas and 341 meetings are hearings. */
    static String kindOf(String title) {
        if (title.contains("sentenc")) {
            return "sentencing";
        }
        if (title.matches(".*\\b(?:initial|scheduling|case management|rule 16|initial pretrial|initial pre-trial)"
                + "\\b.*conference.*")) {
            return "case_management_conference";
        }
        if (title.matches(".*\\b(?:pretrial|pre-trial)\\b.*") && !title.contains("trial setting")) {
            return "pretrial_conference";
        }
        if (title.contains("status")) {
            return "status_conference";
        }
        if (title.contains("motion")) {
            return "motion_hearing";
        }
        if (title.matches(".*\\btrials?\\b.*") && !title.contains("setting")) {
            return "trial";
        }
        if (title.matches(".*\\b(?:hearing|arraignment|appearance|plea|argument|meeting|confirmation)\\b.*")) {
            return "hearing";
        }
        return "other";
    }

    private static String tidy(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("^[\\s,.:;-]+|[\\s,.:;-]+$", "");
    }
}
