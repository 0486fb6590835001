package com.docketwatch.alerts;

import com.docketwatch.alerts.SubscriptionDao.NewSubscription;
import com.docketwatch.alerts.SubscriptionDao.Row;
import com.docketwatch.alerts.delivery.Channels;
import com.docketwatch.alerts.delivery.DeliveryDao;
import com.docketwatch.alerts.delivery.Outcome;
import com.docketwatch.alerts.delivery.WebhookSigner;
import com.docketwatch.auth.Caller;
import com.docketwatch.cases.CaseDao;
import com.docketwatch.courts.CourtDao;
import com.docketwatch.events.Events;
import com.docketwatch.filings.FilingKind;
import com.docketwatch.platform.Text;
import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.errors.ApiException;
import com.docketwatch.platform.net.AddressPolicy;
import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.Cursor;
import com.docketwatch.platform.request.Ids;
import com.docketwatch.platform.request.Page;
import com.docketwatch.platform.request.PageRequest;
import com.docketwatch.reminders.LeadTime;
import com.docketwatch.reminders.ReminderService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/** Reporters' subscriptions: validated, owned by the creating key, invisible (404) to other keys. */
public final class SubscriptionService {
    /** Each lead time is a reminder row per covered hearing, planned inside editors' transactions. */
    private static final int MAX_LEAD_TIMES = 10;

    private final Jdbi jdbi;
    private final Clock clock;
    private final AddressPolicy addresses;
    private final Channels channels;
    private final boolean emailEnabled;
    private final ReminderService reminders;
    private final int maxPerKey;
    private final DeliveryOperations operations;

    public SubscriptionService(
            Jdbi jdbi,
            Clock clock,
            AddressPolicy addresses,
            Channels channels,
            boolean emailEnabled,
            ReminderService reminders,
            int maxPerKey,
            DeliveryOperations operations) {
        this.operations = operations;
        this.reminders = reminders;
        this.maxPerKey = maxPerKey;
        this.jdbi = jdbi;
        this.clock = clock;
        this.addresses = addresses;
        this.channels = channels;
        this.emailEnabled = emailEnabled;
    }

    public SubscriptionView create(Caller owner, SubscriptionRequest r) {
        Check check = new Check();
        long targets = Stream.of(r.caseId(), r.court(), r.party(), r.query())
                .filter(v -> v != null && !v.isBlank())
                .count();
        if (targets != 1) {
            check.fail("target", "exactly one of case_id, court, party, query is required");
        }
        if (r.party() != null && r.party().chars().anyMatch(Character::isISOControl)) {
            // Party names are matched against the case's names joined by a control character (DeliveryDao).
            check.fail("party", "must not contain control characters");
        }
        Long caseId = r.caseId() == null ? null : Ids.parse(r.caseId()).getAsLong();
        boolean includeRelated = Boolean.TRUE.equals(r.includeRelated());
        if (includeRelated && caseId == null) {
            check.fail(
                    "include_related", "applies only to a case_id subscription (it follows that case's related cases)");
        }
        List<String> events = distinct(r.events());
        if (events.isEmpty()) {
            check.fail("events", "name at least one event: " + String.join(", ", Events.ALL));
        }
        events.stream().filter(e -> !Events.ALL.contains(e)).forEach(e -> check.fail("events", "unknown event " + e));
        List<String> kinds = r.filingKinds() == null
                ? null
                : distinct(r.filingKinds().stream().map(FilingKind::wire).toList());
        List<String> leads = distinct(r.reminderLeadTimes());
        if (leads.size() > MAX_LEAD_TIMES) {
            check.fail("reminder_lead_times", "at most " + MAX_LEAD_TIMES + " lead times per subscription");
        }
        for (String lead : leads.subList(0, Math.min(leads.size(), MAX_LEAD_TIMES))) {
            try {
                LeadTime.requested(lead);
            } catch (DateTimeParseException e) {
                check.fail("reminder_lead_times", lead + " is not an ISO-8601 lead time such as P7D, PT24H or P1DT2H");
            } catch (IllegalArgumentException e) {
                check.fail(
                        "reminder_lead_times",
                        e.getMessage().startsWith(lead + " must")
                                ? e.getMessage()
                                : lead + " is not an ISO-8601 lead time such as P7D, PT24H or P1DT2H");
            }
        }
        ChannelRequest ch = r.channel();
        String url = null;
        String email = null;
        if (ch.type() == ChannelType.WEBHOOK || ch.type() == ChannelType.SLACK) {
            if (ch.url() == null || ch.url().isBlank()) {
                check.fail("channel.url", "is required");
            } else {
                url = ch.url().trim();
                addresses.refuse(url).ifPresent(why -> check.fail("channel.url", why));
                if (url.length() > 2000) {
                    check.fail("channel.url", "must be at most 2000 characters");
                }
            }
        } else {
            if (!emailEnabled) {
                check.fail("channel.type", "email alerts are not configured on this server (DOCKETWATCH_SMTP_HOST)");
            } else if (ch.address() == null || !validEmail(ch.address())) {
                check.fail("channel.address", "is not an email address");
            } else {
                email = ch.address().trim();
            }
        }
        String delivery = (r.delivery() == null ? Delivery.IMMEDIATE : r.delivery()).wire();
        LocalTime digestAt = null;
        String zone = null;
        Integer digestDay = weeklyDigestDay(check, delivery, r.digestDay());
        if ("daily_digest".equals(delivery) || "weekly_digest".equals(delivery)) {
            try {
                digestAt = LocalTime.parse(r.digestAt() == null ? "07:00" : r.digestAt());
            } catch (DateTimeParseException e) {
                check.fail("digest_at", "must be a time of day such as 07:00");
            }
            zone = r.timezone() == null ? "UTC" : r.timezone();
        } else if (r.digestAt() != null || r.timezone() != null) {
            check.fail(
                    "delivery",
                    "digest_at and timezone apply only to \"delivery\": \"daily_digest\" or \"weekly_digest\"");
        }
        check.orThrow();
        String secret = ch.type() != ChannelType.WEBHOOK ? null : WebhookSigner.newSecret();
        byte[] sealed = secret == null ? null : channels.secrets().seal(secret.getBytes(StandardCharsets.UTF_8));
        Long finalCaseId = caseId;
        NewSubscription s = new NewSubscription(
                owner.keyId(),
                caseId,
                includeRelated,
                Text.blankToNull(r.court()),
                r.party() == null || r.party().isBlank()
                        ? null
                        : r.party().trim().toLowerCase(Locale.ROOT),
                Text.blankToNull(r.query()),
                events.toArray(String[]::new),
                kinds == null ? null : kinds.toArray(String[]::new),
                ch.type().wire(),
                url,
                sealed,
                email,
                leads.isEmpty() ? null : leads.toArray(String[]::new),
                delivery,
                digestDay,
                digestAt,
                zone,
                digestDay == null ? firstDigestSkips(digestAt, zone) : lastWeeklyDigest(digestDay, digestAt, zone));
        Row row = jdbi.inTransaction(h -> {
            if (finalCaseId != null
                    && Daos.on(h, CaseDao.class).find(finalCaseId).isEmpty()) {
                throw ApiException.invalid("case_id", "no case with id " + finalCaseId);
            }
            if (s.courtId() != null
                    && Daos.on(h, CourtDao.class).find(s.courtId()).isEmpty()) {
                throw ApiException.invalid("court", "no court with id '" + s.courtId() + "'");
            }
            SubscriptionDao dao = Daos.on(h, SubscriptionDao.class);
            // The key's row is locked first, so that concurrent creates count one after the other.
            dao.lockOwner(owner.keyId());
            long held = dao.count(owner.keyId());
            if (held >= maxPerKey) {
                throw limitReached(held);
            }
            Row created = dao.insert(s);
            if (!leads.isEmpty()) {
                reminders.planSubscription(h, created.id(), leads);
            }
            return created;
        });
        return view(row).withSecret(secret);
    }

    /** A digest subscribed to after today's digest time starts tomorrow: today counts as already sent. */
    private java.time.LocalDate firstDigestSkips(LocalTime digestAt, String zone) {
        if (digestAt == null) {
            return null;
        }
        java.time.ZonedDateTime local = clock.instant().atZone(java.time.ZoneId.of(zone));
        return local.toLocalTime().isBefore(digestAt) ? null : local.toLocalDate();
    }

    /** The ISO day of the week (1 = Monday) of a weekly digest: {@code digest_day}, Monday by default. */
    private static Integer weeklyDigestDay(Check check, String delivery, String day) {
        if (!"weekly_digest".equals(delivery)) {
            if (day != null) {
                check.fail("digest_day", "applies only to \"delivery\": \"weekly_digest\"");
            }
            return null;
        }
        if (day == null) {
            return java.time.DayOfWeek.MONDAY.getValue();
        }
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).equals(day)) {
                return d.getValue();
            }
        }
        check.fail("digest_day", "must be one of monday, tuesday, wednesday, thursday, friday, saturday, sunday");
        return null;
    }

    /**
     * A weekly digest starts with the next digest time: the date of the last one already passed (this
     * week's, or last week's if this week's is still ahead) counts as sent. DigestDao's WEEK_SLOT is the
     * same date in SQL.
     */
    private java.time.LocalDate lastWeeklyDigest(int day, LocalTime digestAt, String zone) {
        if (digestAt == null) {
            return null;
        }
        java.time.ZonedDateTime local = clock.instant().atZone(java.time.ZoneId.of(zone));
        java.time.LocalDate slot = local.toLocalDate()
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.of(day)));
        return slot.equals(local.toLocalDate()) && local.toLocalTime().isBefore(digestAt) ? slot.minusWeeks(1) : slot;
    }

    public SubscriptionView get(Caller owner, long id) {
        return view(find(owner, id));
    }

    public Page<SubscriptionView> list(Caller owner, PageRequest page) {
        Cursor c = page.decode(1);
        List<Row> rows = jdbi.withHandle(h ->
                Daos.on(h, SubscriptionDao.class).list(owner.keyId(), c == null ? 0 : c.getLong(0), page.fetchSize()));
        return Page.of(rows, page, r -> Cursor.of(r.id()), SubscriptionService::view);
    }

    /** Only {@code paused} can change. */
    public SubscriptionView patch(Caller owner, long id, JsonNode body) {
        if (!(body instanceof ObjectNode patch)) {
            throw ApiException.badRequest("A JSON object is required");
        }
        Check check = new Check();
        patch.fieldNames().forEachRemaining(f -> {
            if (!f.equals("paused")) {
                check.fail(f, "cannot be changed; only paused can (create a new subscription instead)");
            }
        });
        if (!patch.has("paused") || !patch.get("paused").isBoolean()) {
            check.fail("paused", "must be true or false");
        }
        check.orThrow();
        SubscriptionView changed = jdbi.inTransaction(h -> operations.setPaused(
                        h, owner.keyId(), id, patch.get("paused").asBoolean()))
                .map(SubscriptionService::view)
                .orElseThrow(() -> notFound(id));
        operations.resumed();
        return changed;
    }

    public void delete(Caller owner, long id) {
        if (jdbi.inTransaction(h -> Daos.on(h, SubscriptionDao.class).delete(owner.keyId(), id)) == 0) {
            throw notFound(id);
        }
    }

    public Page<DeliveryView> deliveries(Caller owner, long id, PageRequest page) {
        find(owner, id);
        Cursor c = page.decode(1);
        List<DeliveryDao.LogRow> rows = jdbi.withHandle(h ->
                Daos.on(h, DeliveryDao.class).log(id, c == null ? Long.MAX_VALUE : c.getLong(0), page.fetchSize()));
        return Page.of(rows, page, r -> Cursor.of(r.id()), DeliveryView::of);
    }

    /** The subscription's reminders: planned (pending) and settled (sent, missed, cancelled, skipped). */
    public Page<com.docketwatch.reminders.ReminderView> reminders(Caller owner, long id, PageRequest page) {
        find(owner, id);
        Cursor c = page.decode(1);
        var rows = jdbi.withHandle(h -> Daos.on(h, com.docketwatch.reminders.ReminderDao.class)
                .list(id, c == null ? 0 : c.getLong(0), page.fetchSize()));
        return Page.of(rows, page, r -> Cursor.of(r.id()), r -> r);
    }

    /** Sends a signed {@code ping} now and reports what the receiver answered; nothing is logged or retried. */
    public PingView ping(Caller owner, long id) {
        Row s = find(owner, id);
        String messageId = "ping_" + UUID.randomUUID();
        String body = "{\"id\":\"" + messageId + "\",\"type\":\"ping\",\"occurred_at\":\"" + clock.instant()
                + "\",\"subscription_id\":\"" + s.id() + "\",\"data\":{}}";
        if ("slack".equals(s.channelType())) {
            Outcome slack =
                    channels.pingSlack(s.webhookUrl(), s.id(), messageId).join();
            return new PingView(slack.delivered(), slack.statusCode(), slack.error(), slack.durationMs());
        }
        Outcome o = "webhook".equals(s.channelType())
                ? channels.ping(
                                s.webhookUrl(),
                                jdbi.withHandle(
                                        h -> Daos.on(h, SubscriptionDao.class).secret(id)),
                                messageId,
                                body)
                        .join()
                : channels.pingEmail(
                                s.email(),
                                "[DocketWatch] Test alert for subscription " + s.id(),
                                "This is a test alert from DocketWatch. Your subscription " + s.id()
                                        + " will send alerts here.\n")
                        .join();
        return new PingView(o.delivered(), o.statusCode(), o.error(), o.durationMs());
    }

    private Row find(Caller owner, long id) {
        return jdbi.withHandle(h -> Daos.on(h, SubscriptionDao.class).find(owner.keyId(), id))
                .orElseThrow(() -> notFound(id));
    }

    private ApiException limitReached(long held) {
        return new ApiException(
                409,
                "limit-reached",
                "Limit reached",
                "This key has " + held + " subscriptions, the most one key may have (" + maxPerKey
                        + "); delete one before subscribing again",
                null);
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("No subscription with id " + id);
    }

    private static SubscriptionView view(Row r) {
        ChannelView channel = new ChannelView(r.channelType(), r.webhookUrl(), r.email());
        return new SubscriptionView(
                Ids.str(r.id()),
                Ids.str(r.caseId()),
                r.includeRelated(),
                r.courtId(),
                r.party(),
                r.query(),
                r.events(),
                channel,
                r.reminderLeadTimes() == null ? List.of() : r.reminderLeadTimes(),
                r.filingKinds(),
                r.delivery(),
                r.digestDay() == null
                        ? null
                        : java.time.DayOfWeek.of(r.digestDay()).name().toLowerCase(Locale.ROOT),
                r.digestAt() == null ? null : r.digestAt().toString(),
                r.digestZone(),
                r.paused(),
                r.disabledAt() != null ? "disabled" : r.paused() ? "paused" : "active",
                r.disabledAt(),
                r.disabledReason(),
                null,
                r.createdAt(),
                r.updatedAt());
    }

    private static List<String> distinct(List<String> values) {
        return values == null
                ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(
                        values.stream().filter(v -> v != null).toList()));
    }

    private static boolean validEmail(String s) {
        try {
            new InternetAddress(s.trim(), true).validate();
            return s.contains("@");
        } catch (AddressException e) {
            return false;
        }
    }
}
