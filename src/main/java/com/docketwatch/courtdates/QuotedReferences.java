package com.docketwatch.courtdates;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an entry that quote other entries, list its attachments or stamp it: "(RE: related document(s) 12
 * Motion ... Hearing scheduled for ...)", "(Attachments: # 1 Exhibit A - Order, November 4, 2009 ...)",
 * "(Entered: 01/20/2010)". A date inside them is never announced by this entry.
 */
final class QuotedReferences {
    private static final Pattern OPENING = Pattern.compile(
            "[(\\[]\\s{0,3}(?:re:?\\s{0,3}|see\\s{1,3})?(?:related\\s{1,3}doc|entered:|attachments:)",
            Pattern.CASE_INSENSITIVE);
    private static final int LONGEST = 3000;
    /** Only a reference to another entry can run on unclosed; attachment lists and stamps cannot. */
    private static final Pattern RELATED =
            Pattern.compile("[(\\[]\\s{0,3}(?:re:?\\s{0,3}|see\\s{1,3})?related", Pattern.CASE_INSENSITIVE);
    /**
     * In a reference whose parenthesis is never closed, the clerk's own setting that opens a later sentence: "Notice of
     * Hearing (related document(s) 34 Motion to Withdraw ... Filed by Ann Roe. Hearing scheduled for 2/12/2021 at
     * 10:00 AM at Courtroom 3-C", "Notice Of Continuance (RE: related document(s) 23 Order ... Hearing scheduled
     * 2/23/2021", "... - Hearing Scheduled For 2/11/2021".
     */
    private static final Pattern OWN_SETTING = Pattern.compile(
            "(?:[.;]|\\s-)\\s{1,3}((?:[A-Z][\\w/&'-]{0,20}\\s{1,3}){0,4}?(?i:hearings?|conferences?|meetings?|trials?)"
                    + "\\s{1,3}(?i:(?:is\\s{1,3})?(?:re-?)?scheduled|(?:is\\s{1,3})?set|to\\s{1,3}be\\s{1,3}held"
                    + "|continued\\s{1,3}to)\\b)");

    private final int[] starts;
    private final int[] ends;

    private QuotedReferences(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    static QuotedReferences of(String text) {
        return of(text, false);
    }

    /**
     * With {@code ownTail}, a reference to another entry whose parenthesis is never closed ends where the entry's own
     * setting begins (orders and notices only: there the setting is the clerk's, not a quote; a minute entry's
     * reference may quote the setting of the hearing it records).
     */
    static QuotedReferences of(String text, boolean ownTail) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = OPENING.matcher(text);
        int from = 0;
        boolean tailRead = false;
        while (from < text.length() && m.find(from)) {
            int end = closing(text, m.start());
            // Once per text: an unclosed reference is a slip of the clerk's, and the scan stays linear.
            if (ownTail
                    && end < 0
                    && !tailRead
                    && (tailRead = true)
                    && RELATED.matcher(text).region(m.start(), text.length()).lookingAt()) {
                Matcher own = OWN_SETTING.matcher(text).region(m.end(), Math.min(text.length(), m.start() + LONGEST));
                end = own.find() ? own.start(1) : -end;
            } else if (end < 0) {
                end = -end;
            }
            spans.add(new int[] {m.start(), end});
            from = Math.max(end, m.end());
        }
        return new QuotedReferences(
                spans.stream().mapToInt(s -> s[0]).toArray(),
                spans.stream().mapToInt(s -> s[1]).toArray());
    }

    boolean covers(int pos) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] > pos) {
                hi = mid - 1;
            } else if (ends[mid] <= pos) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Just past the closing bracket, or minus the limit when the bracket is never closed. */
    private static int closing(String text, int open) {
        int depth = 0;
        int limit = Math.min(text.length(), open + LONGEST);
        for (int i = open; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && --depth == 0) {
                return i + 1;
            }
        }
        return -limit;
    }
}
