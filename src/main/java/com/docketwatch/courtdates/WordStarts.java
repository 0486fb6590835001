package com.docketwatch.courtdates;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the words of a text start, found in one pass, and patterns run only where a match can begin: at a word start
 * that passes a cheap test. Trying a large alternation at every character is what makes a regex scan slow on long
 * texts; this keeps the scans linear and fast.
 */
final class WordStarts {
    private static final int LONGEST_WORD = 14;

    /** Decides whether a match may begin at a word start. */
    @FunctionalInterface
    interface Start {
        boolean at(String text, int wordStart);
    }

    final String text;
    private final int[] starts;

    private WordStarts(String text, int[] starts) {
        this.text = text;
        this.starts = starts;
    }

    static WordStarts of(String text) {
        int[] starts = new int[Math.max(16, text.length() / 4)];
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean wordChar = Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && !inWord) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i;
            }
            inWord = wordChar;
        }
        return new WordStarts(text, Arrays.copyOf(starts, count));
    }

    /** A test that accepts words whose lowercase form is one of {@code words}. */
    static Start oneOf(Set<String> words) {
        StringBuilder firstLetters = new StringBuilder();
        for (String word : words) {
            firstLetters.append(word.charAt(0));
        }
        String initials = firstLetters.toString();
        return (text, i) ->
                initials.indexOf(Character.toLowerCase(text.charAt(i))) >= 0 && words.contains(word(text, i));
    }

    /**
     * The first {@code most} matches, each at most {@code reach} characters long, the next one starting after the
     * last ended.
     */
    void matchAll(Start canStart, Pattern pattern, int reach, int most, Consumer<Matcher> found) {
        Matcher m = matcher(pattern);
        int after = 0;
        int count = 0;
        for (int i = 0; i < starts.length && count < most; i++) {
            int start = starts[i];
            if (start >= after
                    && canStart.at(text, start)
                    && lookingAt(m, start, Math.min(text.length(), start + reach))) {
                found.accept(m);
                after = m.end();
                count++;
            }
        }
    }

    /** The first match starting in {@code [from, to)} and ending by {@code to}, or null. */
    Matcher first(int from, int to, Start canStart, Pattern pattern) {
        Matcher m = matcher(pattern);
        int i = Arrays.binarySearch(starts, from);
        for (i = i >= 0 ? i : -i - 1; i < starts.length && starts[i] < to; i++) {
            if (canStart.at(text, starts[i]) && lookingAt(m, starts[i], to)) {
                return m;
            }
        }
        return null;
    }

    /** The lowercase letters of the word starting at {@code start}; "" for implausibly long words. */
    static String word(String text, int start) {
        int end = start;
        int limit = Math.min(text.length(), start + LONGEST_WORD + 1);
        while (end < limit && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return end - start > LONGEST_WORD ? "" : text.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private Matcher matcher(Pattern pattern) {
        return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    private static boolean lookingAt(Matcher m, int from, int to) {
        m.region(from, to);
        return m.lookingAt();
    }
}
