package com.docketwatch.cases;

import com.docketwatch.platform.db.Daos;
import com.docketwatch.reminders.LeadTime;
import com.docketwatch.reminders.ReminderDao;
import com.docketwatch.reminders.ReminderDao.NewlyCovered;
import com.docketwatch.reminders.ReminderDao.Planned;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What a case's new parties or a new link change for the hearing reminders of subscriptions already
 * there: a party subscription that a new party makes match, and an {@code include_related} subscription
 * of a case just linked, cover the hearings already on the calendar from then on, so they get those
 * hearings' reminders whose time is still ahead (hearings scheduled later plan theirs as usual).
 * Reminders a subscription has already are left as they are.
 */
public final class Coverage {
    private Coverage() {}

    /** Parties named {@code names} were added to the case, in the caller's transaction. */
    public static void partiesAdded(Handle h, long caseId, List<String> names, Instant now) {
        if (!names.isEmpty()) {
            plan(h, Daos.on(h, ReminderDao.class).partyHearings(caseId, names.toArray(String[]::new), now), now);
        }
    }

    /** The two cases were just linked, in the caller's transaction. */
    public static void linked(Handle h, long caseId, long otherId, Instant now) {
        plan(h, Daos.on(h, ReminderDao.class).linkedHearings(caseId, otherId, now), now);
    }

    private static void plan(Handle h, List<NewlyCovered> covered, Instant now) {
        List<Planned> planned = new ArrayList<>();
        for (NewlyCovered c : covered) {
            ZoneId zone = ZoneId.of(c.timezone());
            for (String lead : c.reminderLeadTimes()) {
                Instant due = LeadTime.parse(lead).before(c.scheduledAt(), zone);
                if (due.isAfter(now)) {
                    planned.add(new Planned(c.subscriptionId(), c.hearingId(), lead, due));
                }
            }
        }
        if (!planned.isEmpty()) {
            Daos.on(h, ReminderDao.class).planNew(planned);
        }
    }
}
