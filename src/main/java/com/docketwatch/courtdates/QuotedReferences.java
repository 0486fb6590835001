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

    private final int[] starts;
    private final int[] ends;

    private QuotedReferences(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    static QuotedReferences of(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = OPENING.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int end = closing(text, m.start());
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
        return limit;
    }
}
