package com.docketwatch.outputs;

import com.docketwatch.hearings.HearingDao.CalendarRow;
import com.docketwatch.timeline.TimelineService;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Hearings as an RFC 5545 calendar. One VEVENT per hearing, its UID stable ({@code hearing-<id>@docketwatch})
 * and its SEQUENCE the hearing's change counter, so a calendar app updates the event in place when the
 * hearing moves; vacated ones are {@code STATUS:CANCELLED}. DTSTART is in the court's time zone with
 * that zone's VTIMEZONE. DTSTAMP is when the hearing last changed, so an unchanged calendar is
 * byte-for-byte the same (and its ETag too). Hearings have no end time: each lasts an hour here.
 */
public final class HearingCalendar {
    static final Duration LENGTH = Duration.ofHours(1);
    private static final TimeZoneRegistry ZONES =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    private HearingCalendar() {}

    public static String render(List<CalendarRow> hearings, String name, URI page) {
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//DocketWatch//Hearings 1.0//EN"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(new XProperty("X-WR-CALNAME", name));
        cal.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), Duration.ofHours(1)));
        cal.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
        TreeSet<String> zones = new TreeSet<>();
        hearings.forEach(h -> zones.add(h.timezone()));
        for (String zone : zones) {
            TimeZone tz = ZONES.getTimeZone(zone);
            if (tz != null) {
                cal.add(tz.getVTimeZone());
            }
        }
        for (CalendarRow h : hearings) {
            cal.add(event(h, page));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(cal, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VEvent event(CalendarRow h, URI page) {
        boolean vacated = "vacated".equals(h.status());
        String summary = (vacated ? "[Vacated] " : "") + TimelineService.label(h.kind()) + ": " + h.caption();
        if (h.title() != null) {
            summary = (vacated ? "[Vacated] " : "") + capitalised(h.title()) + ": " + h.caption();
        }
        VEvent e;
        if (!h.timeKnown()) {
            // A date without a time of day: an all-day event on that date in the court's zone.
            e = new VEvent(h.scheduledAt().atZone(ZoneId.of(h.timezone())).toLocalDate(), summary);
        } else if (ZONES.getTimeZone(h.timezone()) != null) {
            e = new VEvent(ZonedDateTime.ofInstant(h.scheduledAt(), ZoneId.of(h.timezone())), LENGTH, summary);
        } else {
            e = new VEvent(h.scheduledAt(), LENGTH, summary); // a zone ical4j does not know: UTC
        }
        e.replace(new DtStamp(h.updatedAt()));
        e.add(new Uid("hearing-" + h.id() + "@docketwatch"));
        e.add(new Sequence(h.sequence()));
        e.add(vacated ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        if (h.location() != null) {
            e.add(new Location(h.location()));
        }
        StringBuilder text = new StringBuilder(h.caption())
                .append(", No. ")
                .append(h.docketNumber())
                .append("\nStatus: ")
                .append(h.status());
        if (h.outcome() != null) {
            text.append("\nOutcome: ").append(h.outcome());
        }
        if (h.description() != null) {
            text.append("\n\n").append(h.description());
        }
        e.add(new Description(text.toString()));
        e.add(new Created(h.createdAt()));
        e.add(new LastModified(h.updatedAt()));
        e.add(new Url(page.resolve("/#case=" + h.caseId())));
        return e;
    }

    private static String capitalised(String title) {
        return title.isEmpty() ? title : Character.toUpperCase(title.charAt(0)) + title.substring(1);
    }
}
