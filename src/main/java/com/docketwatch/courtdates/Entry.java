package com.docketwatch.courtdates;

import com.docketwatch.courtdates.Cues.CueMention;
import com.docketwatch.courtdates.Moments.Moment;
import java.time.LocalDate;
import java.util.List;

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
        int lo = 0;
        int hi = moments.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (moments.get(mid).start() < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int end = lo;
        while (end < moments.size() && moments.get(end).start() < to) {
            end++;
        }
        return moments.subList(lo, end);
    }

    Moment firstMomentIn(int from, int to) {
        int lo = 0;
        int hi = moments.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (moments.get(mid).start() < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < moments.size() && moments.get(lo).start() < to ? moments.get(lo) : null;
    }

    /** The anchors whose dates start in {@code [from, to)}. */
    List<Anchors.Anchor> anchorsIn(int from, int to) {
        int lo = 0;
        int hi = anchors.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (anchors.get(mid).moment().start() < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int end = lo;
        while (end < anchors.size() && anchors.get(end).moment().start() < to) {
            end++;
        }
        return anchors.subList(lo, end);
    }

    /** The cues starting in {@code [from, to)}. */
    List<CueMention> cuesIn(int from, int to) {
        int lo = 0;
        int hi = cues.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cues.get(mid).start() < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int end = lo;
        while (end < cues.size() && cues.get(end).start() < to) {
            end++;
        }
        return cues.subList(lo, end);
    }

    /** The last cue ending at or before {@code pos} and starting at or after {@code floor}, or null. */
    CueMention lastCueBefore(int floor, int pos) {
        int lo = 0;
        int hi = cues.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cues.get(mid).end() <= pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo > 0 && cues.get(lo - 1).start() >= floor ? cues.get(lo - 1) : null;
    }
}
