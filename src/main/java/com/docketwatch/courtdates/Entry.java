package com.docketwatch.courtdates;

import com.docketwatch.courtdates.Cues.CueMention;
import com.docketwatch.courtdates.Moments.Moment;
import java.time.LocalDate;
import java.util.List;
import java.util.function.ToIntFunction;

/** One docket entry's text with everything the readers share: its genre, sentences, dates and cues. */
final class Entry {
    /** How far around a date its sentence is read: run-on text must not make the reading quadratic. */
    static final int WINDOW = 300;

    final String text;
    final Genre genre;
    final Sentences sentences;
    final WordStarts words;
    /** Dates outside quoted references, in text order. */
    final List<Moment> moments;
    /** Cues outside quoted references, in text order. */
    final List<CueMention> cues;

    final List<Anchors.Anchor> anchors;

    Entry(String docketText, LocalDate entryDate) {
        // ACMS (appellate) texts put no-break spaces between words; one for one, so positions stay the same.
        String text = docketText.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ');
        this.text = text;
        this.genre = Genre.of(text);
        this.sentences = Sentences.of(text);
        this.words = WordStarts.of(text);
        QuotedReferences quoted = QuotedReferences.of(text, genre == Genre.ANNOUNCEMENT);
        this.moments = Moments.find(words, entryDate).stream()
                .filter(m -> !quoted.covers(m.start()))
                .toList();
        this.cues =
                Cues.find(words).stream().filter(c -> !quoted.covers(c.start())).toList();
        this.anchors = Anchors.of(this);
    }

    /** Start of the sentence holding {@code pos}, but no more than {@link #WINDOW} characters before it. */
    int windowStart(int pos) {
        return Math.max(sentenceStart(pos), pos - WINDOW);
    }

    /** End of the sentence holding {@code pos}, but no more than {@link #WINDOW} characters after it. */
    int windowEnd(int pos) {
        return Math.min(sentenceEnd(pos), pos + WINDOW);
    }

    int sentenceStart(int pos) {
        return sentences.startOf(pos);
    }

    int sentenceEnd(int pos) {
        return sentences.endOf(pos, text.length());
    }

    /** The moments starting in {@code [from, to)}. */
    List<Moment> momentsIn(int from, int to) {
        return within(moments, Moment::start, from, to);
    }

    Moment firstMomentIn(int from, int to) {
        List<Moment> in = momentsIn(from, to);
        return in.isEmpty() ? null : in.get(0);
    }

    /** The anchors whose dates start in {@code [from, to)}. */
    List<Anchors.Anchor> anchorsIn(int from, int to) {
        return within(anchors, a -> a.moment().start(), from, to);
    }

    /** The cues starting in {@code [from, to)}. */
    List<CueMention> cuesIn(int from, int to) {
        return within(cues, CueMention::start, from, to);
    }

    /** The last cue ending at or before {@code pos} and starting at or after {@code floor}, or null. */
    CueMention lastCueBefore(int floor, int pos) {
        int lo = firstIndex(cues, CueMention::end, pos + 1);
        return lo > 0 && cues.get(lo - 1).start() >= floor ? cues.get(lo - 1) : null;
    }

    /** The items of {@code sorted} (ordered by {@code key}) whose key lies in {@code [from, to)}. */
    private static <T> List<T> within(List<T> sorted, ToIntFunction<T> key, int from, int to) {
        return sorted.subList(firstIndex(sorted, key, from), firstIndex(sorted, key, Math.max(from, to)));
    }

    /** The index of the first item of {@code sorted} whose key is at least {@code bound} (binary search). */
    private static <T> int firstIndex(List<T> sorted, ToIntFunction<T> key, int bound) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (key.applyAsInt(sorted.get(mid)) < bound) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
