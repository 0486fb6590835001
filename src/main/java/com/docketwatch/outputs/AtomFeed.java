package com.docketwatch.outputs;

import com.docketwatch.filings.FilingDao.FeedRow;
import com.docketwatch.platform.Text;
import com.docketwatch.timeline.TimelineService;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * Filings as an RFC 4287 Atom feed, newest first. Entry ids are tag URIs that never change
 * ({@code tag:docketwatch,2024:filing/<id>}); {@code updated} is when the filing was recorded,
 * {@code published} the start of its filing date in the court's zone.
 */
public final class AtomFeed {
    public static final String TAG = "tag:docketwatch,2024:";

    private AtomFeed() {}

    /**
     * @param id the feed's own stable id; {@code withCaption}: prefix entry titles with the case
     * (a feed across cases); {@code empty}: the feed's {@code updated} when it has no entries.
     */
    public static String render(
            List<FeedRow> filings, String id, String title, URI self, URI page, boolean withCaption, Instant empty) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setEncoding("UTF-8");
        feed.setUri(id);
        feed.setTitle(Text.xmlSafe(title));
        feed.setAuthors(List.of(person("DocketWatch")));
        feed.setGenerator("DocketWatch");
        feed.setLinks(List.of(
                link("self", self.toString(), "application/atom+xml"),
                link("alternate", page.toString(), "text/html")));
        feed.setPublishedDate(Date.from(filings.stream()
                .map(FeedRow::createdAt)
                .max(Comparator.naturalOrder())
                .orElse(empty)));
        List<SyndEntry> entries = new ArrayList<>(filings.size());
        for (FeedRow f : filings) {
            entries.add(entry(f, page, withCaption));
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Could not write the Atom feed " + id, e);
        }
    }

    private static SyndEntry entry(FeedRow f, URI page, boolean withCaption) {
        SyndEntry e = new SyndEntryImpl();
        e.setUri(TAG + "filing/" + f.id());
        String title = (f.entryNumber() == null ? "" : "Dkt. " + f.entryNumber() + ": ") + f.title();
        e.setTitle(Text.xmlSafe(withCaption ? f.caption() + " \u2014 " + title : title));
        String casePage = page.resolve("/#case=" + f.caseId()).toString();
        e.setLink(f.documentUrl() != null ? f.documentUrl() : casePage);
        if (f.documentUrl() != null) {
            e.setLinks(List.of(link("alternate", f.documentUrl(), null), link("related", casePage, "text/html")));
        }
        e.setUpdatedDate(Date.from(f.createdAt()));
        e.setPublishedDate(
                Date.from(f.filedOn().atStartOfDay(ZoneId.of(f.timezone())).toInstant()));
        if (f.filedBy() != null) {
            e.setAuthors(List.of(person(f.filedBy())));
        }
        SyndCategory kind = new SyndCategoryImpl();
        kind.setName(f.kind());
        e.setCategories(List.of(kind));
        SyndContent summary = new SyndContentImpl();
        summary.setType("text");
        summary.setValue(Text.xmlSafe(TimelineService.label(f.kind()) + " filed " + f.filedOn() + " in " + f.caption()
                + ", No. " + f.docketNumber() + " (" + f.court() + ")"
                + (f.description() == null ? "" : "\n\n" + f.description())));
        e.setDescription(summary);
        return e;
    }

    private static SyndPerson person(String name) {
        SyndPerson p = new SyndPersonImpl();
        p.setName(Text.xmlSafe(name));
        return p;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink l = new SyndLinkImpl();
        l.setRel(rel);
        l.setHref(href);
        l.setType(type);
        return l;
    }
}
