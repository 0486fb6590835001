package com.docketwatch.courtdates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores predicted court dates against hand labels exactly as score-dates.mjs does: per entry, one-to-one; a hearing
 * matches on type, date, time and action class (scheduled = rescheduled, vacated, held), a deadline on type and date;
 * pairs whose kinds also agree are matched first; kinds agree when one contains the other, ignoring case.
 */
final class Scorer {
    private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern CLOCK = Pattern.compile("^(\\d{1,2}):(\\d{2})");

    /** A label or a prediction in the labels' shape. */
    record Item(String type, String action, String kind, String date, String time) {
        static Item of(CourtDate date) {
            return new Item(
                    date.type().wire(),
                    date.action().wire(),
                    date.title(),
                    date.date() == null ? null : date.date().toString(),
                    date.time() == null ? null : date.time().toString());
        }

        String key() {
            String t = type.toLowerCase(Locale.ROOT);
            if (t.equals("hearing")) {
                return "hearing|" + actionClass(action) + "|" + normDate(date) + "|" + normTime(time);
            }
            return t.equals("deadline") ? "deadline|" + normDate(date) : "?" + t;
        }
    }

    /** Precision, recall and kind agreement of one row of the table. */
    static final class Tally {
        int tp;
        int fp;
        int fn;
        int kindAgree;

        Double precision() {
            return tp + fp == 0 ? null : (double) tp / (tp + fp);
        }

        Double recall() {
            return tp + fn == 0 ? null : (double) tp / (tp + fn);
        }

        Double kindAgreement() {
            return tp == 0 ? null : (double) kindAgree / tp;
        }
    }

    /** An entry's misses and false alarms, for reading what went wrong. */
    record Miss(String source, List<Item> missed, List<Item> unexpected) {}

    final Tally hearings = new Tally();
    final Tally deadlines = new Tally();
    final Map<String, Tally> hearingsByClass = new LinkedHashMap<>();
    final List<Miss> misses = new ArrayList<>();
    int entries;
    int negatives;
    int cleanNegatives;
    int exactEntries;

    Scorer() {
        for (String actionClass : List.of("on calendar", "vacated", "held")) {
            hearingsByClass.put(actionClass, new Tally());
        }
    }

    void add(String source, List<Item> labels, List<Item> predictions) {
        entries++;
        List<Item> missed = new ArrayList<>(labels);
        List<Item> extra = new ArrayList<>(predictions);
        for (boolean byKind : new boolean[] {true, false}) {
            for (Item label : labels) {
                if (!missed.contains(label)) {
                    continue;
                }
                for (Item prediction : extra) {
                    if (prediction.key().equals(label.key()) && (!byKind || kindsAgree(label.kind, prediction.kind))) {
                        count(label, prediction);
                        missed.remove(label);
                        extra.remove(prediction);
                        break;
                    }
                }
            }
        }
        for (Item label : missed) {
            tallyOf(label).fn++;
            classTallyOf(label).fn++;
        }
        for (Item prediction : extra) {
            tallyOf(prediction).fp++;
            classTallyOf(prediction).fp++;
        }
        if (labels.isEmpty()) {
            negatives++;
            if (predictions.isEmpty()) {
                cleanNegatives++;
            }
        }
        if (missed.isEmpty() && extra.isEmpty()) {
            exactEntries++;
        } else {
            misses.add(new Miss(source, missed, extra));
        }
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(row("hearings", hearings));
        hearingsByClass.forEach((name, tally) -> out.append(row("  " + name, tally)));
        out.append(row("deadlines", deadlines));
        out.append(String.format(
                Locale.ROOT,
                "%nnegative entries kept clean: %d/%d    exact entries: %d/%d%n",
                cleanNegatives,
                negatives,
                exactEntries,
                entries));
        return out.toString();
    }

    private void count(Item label, Item prediction) {
        boolean agree = kindsAgree(label.kind, prediction.kind);
        Tally tally = tallyOf(label);
        tally.tp++;
        if (agree) {
            tally.kindAgree++;
        }
        Tally byClass = classTallyOf(label);
        byClass.tp++;
        if (agree) {
            byClass.kindAgree++;
        }
    }

    private Tally tallyOf(Item item) {
        return item.type.equalsIgnoreCase("deadline") ? deadlines : hearings;
    }

    /** The hearing action class's row; deadlines and unknown classes count in a row nobody prints. */
    private Tally classTallyOf(Item item) {
        Tally tally = item.type.equalsIgnoreCase("hearing") ? hearingsByClass.get(actionClass(item.action)) : null;
        return tally == null ? new Tally() : tally;
    }

    static boolean kindsAgree(String a, String b) {
        String x = normKind(a);
        String y = normKind(b);
        if (x.isEmpty() || y.isEmpty()) {
            return x.equals(y);
        }
        return x.contains(y) || y.contains(x);
    }

    private static String normKind(String kind) {
        return kind == null
                ? ""
                : kind.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    private static String actionClass(String action) {
        String a = action == null ? "" : action.toLowerCase(Locale.ROOT);
        if (a.equals("scheduled") || a.equals("rescheduled")) {
            return "on calendar";
        }
        return a.equals("vacated") || a.equals("held") ? a : "?" + a;
    }

    private static String normDate(String date) {
        if (date == null || date.isEmpty()) {
            return null;
        }
        Matcher m = ISO_DATE.matcher(date);
        return m.find() ? m.group(1) + "-" + m.group(2) + "-" + m.group(3) : "?" + date;
    }

    private static String normTime(String time) {
        if (time == null || time.isEmpty()) {
            return null;
        }
        Matcher m = CLOCK.matcher(time.trim());
        return m.find() ? (m.group(1).length() == 1 ? "0" : "") + m.group(1) + ":" + m.group(2) : "?" + time;
    }

    private static String row(String name, Tally t) {
        return String.format(
                Locale.ROOT,
                "%-22s P %s  R %s   tp %4d  fp %4d  fn %4d   kind %s%n",
                name,
                pct(t.precision()),
                pct(t.recall()),
                t.tp,
                t.fp,
                t.fn,
                pct(t.kindAgreement()));
    }

    private static String pct(Double x) {
        return x == null ? "   n/a" : String.format(Locale.ROOT, "%5.1f%%", 100 * x);
    }
}
