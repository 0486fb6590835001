package com.docketwatch.ingest.rss;

import com.docketwatch.ingest.Docket;
import com.docketwatch.ingest.DocketPlan;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a CM/ECF RSS feed (with Rome) into one docket stub per case, in juriscraper's shape, so feed
 * items go through the same import as whole dockets. An item looks like
 * <pre>
 *   title:       1:16-cv-05836-NGG-JO Dong v. Miller et al
 *   description: [Order on Motion for Extension of Time] Dong v. Miller et al (&lt;a href="...show_case_doc?63,..."&gt;63&lt;/a&gt;)
 *   link:        https://ecf.nyed.uscourts.gov/cgi-bin/DktRpt.pl?392475
 *   pubDate:     Tue, 22 May 2018 21:39:48 GMT
 * </pre>
 * The docket number loses the judges' initials; the bracketed event name becomes the short
 * description; the linked number, when there is one, the entry number.
 */
public final class RssParser {
    private static final Pattern TITLE = Pattern.compile(
            "^\\s*((?:\\d{1,2}:)?\\d{2}-[A-Za-z]{1,5}-\\d{2,7}|\\d{2}-\\d{3,7})((?:-[A-Za-z0-9]{1,6})*)\\s*(.*)$",
            Pattern.DOTALL);
    private static final Pattern EVENT = Pattern.compile("^\\s*\\[(.*?)]\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern DOC_LINK =
            Pattern.compile("<a\\s+href=\"([^\"]*)\"\\s*>\\s*(\\d+)\\s*</a>", Pattern.CASE_INSENSITIVE);
    private static final Pattern CASE_ID = Pattern.compile("DktRpt\\.pl\\?(\\d{1,20})(?!\\d)");

    /** The feed did not parse as RSS or Atom. */
    public static final class NotAFeed extends Exception {
        NotAFeed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The items of a feed, grouped by case; how many items were left out (no docket number or date, a
     * caption over {@link DocketPlan#MAX_CAPTION} characters), and why, for the log.
     */
    public record Parsed(List<Docket> dockets, int items, int unreadable, List<String> problems) {}

    private RssParser() {}

    public static Parsed parse(byte[] body, String court) throws NotAFeed {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false); // no DTDs, no external entities
            feed = input.build(new XmlReader(new ByteArrayInputStream(body)));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new NotAFeed("not an RSS or Atom feed: " + e.getMessage(), e);
        }
        Map<String, Stub> byDocket = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int index = -1;
        for (SyndEntry item : feed.getEntries()) {
            index++;
            Matcher t = TITLE.matcher(item.getTitle() == null ? "" : item.getTitle());
            if (!t.matches() || item.getPublishedDate() == null) {
                problems.add("item " + index + " skipped: no docket number or no pubDate");
                continue;
            }
            String docketNumber = t.group(1);
            String caption = t.group(3).strip();
            if (caption.length() > DocketPlan.MAX_CAPTION) {
                problems.add("item " + index + " (" + docketNumber + ") skipped: its title is over "
                        + DocketPlan.MAX_CAPTION + " characters");
                continue;
            }
            Stub stub = byDocket.computeIfAbsent(docketNumber, n -> new Stub(caption, caseId(item)));
            String text =
                    item.getDescription() == null ? "" : item.getDescription().getValue();
            Matcher ev = EVENT.matcher(text == null ? "" : text);
            String event = ev.matches() ? ev.group(1).strip() : null;
            Matcher doc = DOC_LINK.matcher(text == null ? "" : text);
            boolean linked = doc.find();
            String number = linked ? doc.group(2) : null;
            String at =
                    item.getPublishedDate().toInstant().atOffset(ZoneOffset.UTC).toString();
            stub.entries.add(new Docket.Entry(
                    number, at, null, null, event, null, null, null, null, null, linked ? link(doc.group(1)) : null));
        }
        List<Docket> dockets = new ArrayList<>(byDocket.size());
        byDocket.forEach((number, s) -> dockets.add(new Docket(
                court,
                number,
                s.caption,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                s.pacerCaseId,
                null,
                null,
                null,
                s.entries,
                null)));
        return new Parsed(dockets, feed.getEntries().size(), problems.size(), List.copyOf(problems));
    }

    /**
     * The item's document link, its HTML entities decoded, when it is an absolute http(s) URL the import
     * accepts; anything else is left out rather than costing the item.
     */
    static String link(String href) {
        String url = com.docketwatch.ingest.Html.unescape(href.strip());
        return url != null
                        && url.length() <= DocketPlan.MAX_URL
                        && new com.docketwatch.platform.request.HttpUrl.Validator().isValid(url, null)
                ? url
                : null;
    }

    private static String caseId(SyndEntry item) {
        for (String s : new String[] {item.getLink(), item.getUri()}) {
            if (s != null) {
                Matcher m = CASE_ID.matcher(s);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    private static final class Stub {
        final String caption;
        final String pacerCaseId;
        final List<Docket.Entry> entries = new ArrayList<>();

        Stub(String caption, String pacerCaseId) {
            this.caption = caption.isEmpty() ? null : caption;
            this.pacerCaseId = pacerCaseId;
        }
    }
}
