package com.docketwatch.courtdates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the sentences of a docket entry start. A period ends a sentence only when the next word starts a new one and
 * the word before it is no abbreviation or initial ("Dkt. No. 40", "Gregory H. Woods", "824 Market St., 5th Fl.").
 */
final class Sentences {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "no", "nos", "dkt", "doc", "docs", "st", "fl", "ave", "rm", "mr", "mrs", "ms", "dr", "jr", "sr", "inc",
            "co", "corp", "ltd", "v", "vs", "hon", "esq", "et", "al", "ft", "mt", "blvd", "ste", "bldg", "ctrm",
            "crtrm", "cir", "ct", "sec", "para", "atty", "deft", "fed", "civ", "crim", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "u.s", "e.g", "i.e", "r", "p", "pp",
            "dist", "div", "gov", "govt", "ex", "exh", "art", "ch", "chap", "cert", "cf", "seq");

    private final int[] starts;

    private Sentences(int[] starts) {
        this.starts = starts;
    }

    static Sentences of(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ';' || (c == '|' && i + 1 < n && text.charAt(i + 1) == '|')) {
                starts.add(i + 1);
            } else if ((c == '.' || c == '?' || c == '!') && endsSentence(text, i)) {
                starts.add(i + 1);
            }
        }
        return new Sentences(starts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Start of the sentence holding position {@code pos}. */
    int startOf(int pos) {
        int i = Arrays.binarySearch(starts, pos);
        return i >= 0 ? starts[i] : starts[-i - 2];
    }

    /** End (exclusive) of the sentence holding position {@code pos}. */
    int endOf(int pos, int textLength) {
        int i = Arrays.binarySearch(starts, pos);
        int next = i >= 0 ? i + 1 : -i - 1;
        return next < starts.length ? starts[next] : textLength;
    }

    private static boolean endsSentence(String text, int dot) {
        int next = dot + 1;
        int n = text.length();
        if (next < n && !Character.isWhitespace(text.charAt(next))) {
            return false;
        }
        while (next < n && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        if (next < n && !startsSentence(text.charAt(next))) {
            return false;
        }
        int wordStart = dot;
        while (wordStart > 0
                && wordStart > dot - 12
                && !Character.isWhitespace(text.charAt(wordStart - 1))
                && text.charAt(wordStart - 1) != '(') {
            wordStart--;
        }
        String word = text.substring(wordStart, dot).toLowerCase(Locale.ROOT);
        if (word.equals("a.m") || word.equals("p.m")) {
            return !text.regionMatches(true, next, "on ", 0, 3);
        }
        boolean initial =
                word.length() == 1 && Character.isLetter(word.charAt(0)) && Character.isUpperCase(text.charAt(dot - 1));
        return !initial && !ABBREVIATIONS.contains(word) && !word.matches("(?:[a-z]\\.){1,4}[a-z]?");
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '(' || c == '[' || c == '"' || c == '*';
    }
}
