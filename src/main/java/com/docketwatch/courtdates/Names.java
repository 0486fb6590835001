package com.docketwatch.courtdates;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the docket's own name for a proceeding or a thing due from the words next to a cue. */
final class Names {
    private static final int REACH = 160;
    private static final int MOST_WORDS = 7;
    private static final Pattern SHORT_ASIDE = Pattern.compile("\\((?:[^()]{0,20})\\)");
    private static final Pattern QUALIFIER = Pattern.compile(
            "\\s(?:as to|on|re:?|regarding|concerning|with|in this|of this|in the|for the|for defendant|before|between"
                    + "|at the|in order|to discuss|to address)\\s",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_AUX = Pattern.compile(
            "(?:\\s|^)(?:is|are|was|were|be|been|being|has|have|had|will|shall|should|may|hereby|currently|previously"
                    + "|presently|originally|now|also|again|still|remains?|which|that|who|herein|date|dates|time)$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> STOP_WORDS = Set.of(
            "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "your", "any",
            "such", "said", "each", "another", "order", "ordered", "notice", "hereby", "court", "which",
            "and/or", "granted", "granting", "denied", "denying", "minutes", "so", "further,", "by");
    private static final Set<String> LEADING_FILLER = Set.of(
            "of", "for", "re", "re:", "on", "with", "at", "to", "and", "or", "amended", "letter", "text", "minute",
            "entry", "new", "joint", "defendant", "defendant's", "court's", "-", "&");
    private static final Pattern PROCEEDING = Pattern.compile(
            "\\b(?:hearings?|conferences?|conf|trials?|call|arguments?|meeting|sentencing|sentence|arraignment"
                    + "|re-arraignment|appearance|plea|setting|mediation|proceedings?|confirmation|colloquy"
                    + "|teleconference|pretrial|pre-trial|js/jt|fpt|jt|calendar|case|docket)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A name whose last word is the proceeding ("... as to Robert Warren Sentencing") keeps its last phrase. */
    private static final Pattern HEAD_NOUN_LAST = Pattern.compile(
            "\\b(?:hearings?|conferences?|trials?|sentencing|arraignment|appearance|meeting|call|argument)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MOTION = Pattern.compile("\\bmotions?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_A_PROCEEDING = Pattern.compile(
            "\\b(?:presentment|examination|deposition|2004|interview|inspection|release|restriction|mediator|transcript"
                    + "|deadline|redact\\w*|designation|report|brief|writ)\\b",
            Pattern.CASE_INSENSITIVE);

    private Names() {}

    /** The name that ends just before {@code end}, read no further back than {@code floor}; "" when there is none. */
    static String before(String text, int floor, int end) {
        String segment = SHORT_ASIDE.matcher(text.substring(Math.max(floor, end - REACH), end)).replaceAll(" ");
        String[] chunks = segment.split("[.;:()\\[\\]\"]", -1);
        String last = chunks[chunks.length - 1];
        String[] commaParts = last.split(",", -1);
        for (int i = commaParts.length - 1; i >= Math.max(0, commaParts.length - 3); i--) {
            String name = clean(commaParts[i]);
            if (!name.isEmpty() && (PROCEEDING.matcher(name).find() || i == commaParts.length - 1 && !isFiller(name))) {
                return name;
            }
        }
        return "";
    }

    /** The first proceeding named between {@code from} and {@code to}: "a Status Conference" in "continued for a ..." */
    static String within(String text, int from, int to) {
        Matcher m = PROCEEDING.matcher(text).region(from, to);
        while (m.find()) {
            String upToNoun = text.substring(from, m.end());
            String name = clean(upToNoun);
            if (isProceeding(name)) {
                return name;
            }
        }
        return "";
    }

    static boolean isProceeding(String name) {
        return (PROCEEDING.matcher(name).find() || MOTION.matcher(name).find())
                && !NOT_A_PROCEEDING.matcher(name).find();
    }

    /** "Jury Selection/Jury Trial" but not "hearing On": the last word names the proceeding. */
    static boolean endsWithProceeding(String name) {
        return HEAD_NOUN_LAST.matcher(name).find();
    }

    /** Named as something that is no hearing: a presentment, an examination, a transcript deadline. */
    static boolean isExcluded(String name) {
        return NOT_A_PROCEEDING.matcher(name).find();
    }

    /** A proceeding named outright, not a motion standing in for its hearing. */
    static boolean isNamedProceeding(String name) {
        return PROCEEDING.matcher(name).find() && !NOT_A_PROCEEDING.matcher(name).find()
                && !name.toLowerCase(Locale.ROOT).matches("(?:the )?(?:case|docket|calendar)");
    }

    private static boolean isFiller(String name) {
        return TRAILING_AUX.matcher(name).find() || name.split(" ").length > 6;
    }

    private static String withoutTrailingAux(String name) {
        String previous;
        String stripped = name;
        do {
            previous = stripped;
            stripped = TRAILING_AUX.matcher(stripped).replaceAll("").trim();
        } while (!stripped.equals(previous));
        return stripped;
    }

    private static String clean(String raw) {
        String name = withoutTrailingAux(raw.replaceAll("\\s+", " ").trim());
        String padded = " " + name + " ";
        Matcher qualifier = QUALIFIER.matcher(padded);
        if (HEAD_NOUN_LAST.matcher(name).find()) {
            int after = -1;
            while (qualifier.find()) {
                after = qualifier.end();
            }
            name = after < 0 ? name : padded.substring(after).trim();
        } else if (qualifier.find(1)) {
            name = withoutTrailingAux(padded.substring(0, qualifier.start()).trim());
        }
        String[] words = name.split(" ");
        int first = Math.max(0, words.length - MOST_WORDS);
        for (int i = words.length - 1; i >= first; i--) {
            String word = words[i].toLowerCase(Locale.ROOT);
            if (STOP_WORDS.contains(word) || word.endsWith("'s") || word.endsWith("s'")
                    || word.matches(".*\\d.*") && !word.startsWith("341")) {
                first = i + 1;
                break;
            }
        }
        while (first < words.length && LEADING_FILLER.contains(words[first].toLowerCase(Locale.ROOT))) {
            first++;
        }
        return String.join(" ", Arrays.copyOfRange(words, first, words.length)).replaceAll("[-,]+$", "")
                .trim();
    }
}
