package com.docketwatch.courtdates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the docket's own name for a proceeding or a thing due from the words next to a cue. */
final class Names {
    private static final int REACH = 160;
    private static final int MOST_WORDS = 7;
    private static final int LONGEST_ASIDE = 40;
    private static final String BOUNDARIES = ".;:()[]\"";
    private static final Set<String> TRAILING_AUX = Set.of(
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "being",
            "has",
            "have",
            "had",
            "will",
            "shall",
            "should",
            "may",
            "hereby",
            "currently",
            "previously",
            "presently",
            "originally",
            "now",
            "also",
            "again",
            "still",
            "remain",
            "remains",
            "which",
            "that",
            "who",
            "herein",
            "date",
            "dates",
            "time");
    private static final Set<String> QUALIFIERS =
            Set.of("on", "re", "re:", "regarding", "concerning", "with", "before", "between");
    private static final Set<String> TWO_WORD_QUALIFIERS = Set.of(
            "as to",
            "in this",
            "of this",
            "in the",
            "for the",
            "for defendant",
            "at the",
            "in order",
            "to discuss",
            "to address");
    private static final Set<String> STOP_WORDS = Set.of(
            "the",
            "a",
            "an",
            "this",
            "that",
            "these",
            "those",
            "his",
            "her",
            "its",
            "their",
            "our",
            "your",
            "any",
            "such",
            "said",
            "each",
            "another",
            "order",
            "ordered",
            "notice",
            "hereby",
            "court",
            "which",
            "and/or",
            "granted",
            "granting",
            "denied",
            "denying",
            "minutes",
            "so",
            "further,",
            "by");
    private static final Set<String> LEADING_FILLER = Set.of(
            "of",
            "for",
            "re",
            "re:",
            "on",
            "with",
            "at",
            "to",
            "and",
            "or",
            "amended",
            "letter",
            "text",
            "minute",
            "entry",
            "new",
            "joint",
            "defendant",
            "defendant's",
            "court's",
            "-",
            "&");
    private static final Pattern PROCEEDING = Pattern.compile(
            "\\b(?:hearings?|conferences?|conf|trials?|call|arguments?|meeting|sentencing|sentence|arraignment"
                    + "|re-arraignment|appearance|plea|setting|mediation|proceedings?|confirmation|colloquy"
                    + "|teleconference|pretrial|pre-trial|js/jt|fpt|jt|calendar|case|docket|preliminary\\s+examinations?)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A name whose last word is the proceeding ("... as to Robert Warren Sentencing") keeps its last phrase. */
    private static final Pattern HEAD_NOUN_LAST = Pattern.compile(
            "\\b(?:hearings?|conferences?|trials?|sentencing|arraignment|appearance|meeting|call|argument"
                    + "|preliminary\\s+examination)$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern AS_TO = Pattern.compile("\\s(?:as|As|AS)\\s{1,3}(?:to|To|TO)\\s");
    private static final Pattern MOTION = Pattern.compile("\\bmotions?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_A_PROCEEDING = Pattern.compile(
            // A criminal "Preliminary Examination" (Fed. R. Crim. P. 5.1) is a hearing; a Rule 2004 or medical one is
            // not.
            "\\btime\\s+to\\b|(?<!\\bpreliminary\\s)\\bexamination\\b|\\b(?:presentment|deposition|2004|interview|inspection|release|restriction"
                    + "|mediator|transcript"
                    + "|deadline|redact\\w*|designation|report|brief|writ)\\b",
            Pattern.CASE_INSENSITIVE);

    private Names() {}

    /** The name that ends just before {@code end}, read no further back than {@code floor}; "" when there is none. */
    static String before(String text, int floor, int end) {
        String segment = withoutShortAsides(text.substring(Math.max(floor, end - REACH), end));
        int boundary = -1;
        for (int i = segment.length() - 1; i >= 0 && boundary < 0; i--) {
            if (BOUNDARIES.indexOf(segment.charAt(i)) >= 0) {
                boundary = i;
            }
        }
        String tail = segment.substring(boundary + 1);
        Matcher asTo = AS_TO.matcher(tail);
        if (asTo.find()) {
            // "Detention Hearing as to Robert Roe, Jane Roe held": the proceeding comes before the parties.
            int comma = tail.indexOf(',', asTo.end());
            String name = clean(words(tail.substring(0, comma < 0 ? tail.length() : comma)));
            if (PROCEEDING.matcher(name).find() && endsWithProceeding(name)) {
                return name;
            }
        }
        String[] commaParts = tail.split(",", -1);
        for (int i = commaParts.length - 1; i >= Math.max(0, commaParts.length - 3); i--) {
            String name = clean(words(commaParts[i]));
            if (!name.isEmpty() && (PROCEEDING.matcher(name).find() || i == commaParts.length - 1)) {
                return name;
            }
        }
        return "";
    }

    /** The first proceeding named between {@code from} and {@code to}: "a Status Conference" in "continued for "
     * + "a ..." */
    static String within(String text, int from, int to) {
        Matcher m = PROCEEDING.matcher(text).region(from, to);
        while (m.find()) {
            int end = m.end();
            // "Calendar Call", "Status Conference Hearing": the name runs to the last of its proceeding nouns.
            while (m.find()
                    && m.start() - end <= 3
                    && text.substring(end, m.start()).isBlank()) {
                end = m.end();
            }
            m.region(end, to);
            String name = clean(words(text.substring(from, end)));
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
        return PROCEEDING.matcher(name).find()
                && !NOT_A_PROCEEDING.matcher(name).find()
                && !name.toLowerCase(Locale.ROOT).matches("(?:the )?(?:case|docket|calendar)");
    }

    /** "Alcazar Jr (n/a) held", "341(a) meeting": short asides are dropped so that they cut no name short. */
    private static String withoutShortAsides(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        int i = 0;
        while (i < segment.length()) {
            int close = segment.charAt(i) == '(' ? segment.indexOf(')', i) : -1;
            int reopen = close > i ? segment.indexOf('(', i + 1) : -1;
            if (close > i && close - i <= LONGEST_ASIDE + 1 && (reopen < 0 || reopen > close)) {
                out.append(' ');
                i = close + 1;
            } else {
                out.append(segment.charAt(i++));
            }
        }
        return out.toString();
    }

    private static List<String> words(String phrase) {
        List<String> words = new ArrayList<>();
        for (String word : phrase.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static List<String> withoutTrailingAux(List<String> words) {
        int end = words.size();
        while (end > 0 && TRAILING_AUX.contains(lower(words.get(end - 1)))) {
            end--;
        }
        return words.subList(0, end);
    }

    /**
     * Where a qualifier ("on", "as to", "in this") starts at word {@code i}, its length in words; else 0. "With"
     * qualifies only before a lowercase word: "conference with the undersigned", not "Sentence With PSR".
     */
    private static int qualifierAt(List<String> words, int i) {
        String word = lower(words.get(i));
        if (QUALIFIERS.contains(word)) {
            boolean capitalisedNext = i + 1 < words.size()
                    && Character.isUpperCase(words.get(i + 1).charAt(0));
            return word.equals("with") && capitalisedNext ? 0 : 1;
        }
        return i + 1 < words.size() && TWO_WORD_QUALIFIERS.contains(lower(words.get(i)) + " " + lower(words.get(i + 1)))
                ? 2
                : 0;
    }

    private static String clean(List<String> raw) {
        List<String> words = withoutTrailingAux(raw);
        if (!words.isEmpty()
                && HEAD_NOUN_LAST.matcher(words.get(words.size() - 1)).find()) {
            for (int i = words.size() - 1; i >= 0; i--) {
                int length = qualifierAt(words, i);
                if (length > 0) {
                    words = words.subList(i + length, words.size());
                    break;
                }
            }
        } else {
            for (int i = 1; i < words.size(); i++) {
                if (qualifierAt(words, i) > 0) {
                    words = withoutTrailingAux(words.subList(0, i));
                    break;
                }
            }
        }
        int first = Math.max(0, words.size() - MOST_WORDS);
        for (int i = words.size() - 1; i >= first; i--) {
            String word = lower(words.get(i));
            if (STOP_WORDS.contains(word)
                    || word.endsWith("'s")
                    || word.endsWith("s'")
                    || hasDigit(word) && !word.startsWith("341")) {
                first = i + 1;
                break;
            }
        }
        while (first < words.size() && LEADING_FILLER.contains(lower(words.get(first)))) {
            first++;
        }
        return String.join(" ", words.subList(first, words.size()))
                .replaceAll("[-,]+$", "")
                .trim();
    }

    private static boolean hasDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
