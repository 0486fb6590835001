package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.Db;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.MutableClock;
import com.docketwatch.support.Receiver;
import com.docketwatch.support.SlowSmtp;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A revoked key's subscriptions fall silent at once: no alert for what happens next, no retry of a
 * failed one, no hearing reminder, no digest, no email. What was waiting ends as failed (reminders as
 * cancelled), unsent. Another key's identical subscriptions go on receiving everything.
 */
@DocketWatchIT
class RevokedKeyIT {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final MutableClock CLOCK = new MutableClock(ZonedDateTime.now(NEW_YORK)
            .plusDays(1)
            .withHour(6)
            .withMinute(0)
            .withSecond(0)
            .withNano(0)
            .toInstant());
    static final Receiver REVOKED = new Receiver();
    static final Receiver LIVE = new Receiver();
    static final GreenMail MAIL = SlowSmtp.startMail();
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.withClock(
            CLOCK,
            ConfigOverride.config("alerts.webhookAllowHosts", "localhost"),
            ConfigOverride.config("alerts.smtpHost", "127.0.0.1"),
            ConfigOverride.config(
                    "alerts.smtpPort", Integer.toString(MAIL.getSmtp().getPort())),
            ConfigOverride.config("alerts.pollInterval", "PT0.1S"),
            ConfigOverride.config("alerts.digestCron", "0/1 * * * * ?"),
            ConfigOverride.config("alerts.retryInitialDelay", "PT1M"));
    static final Duration WAIT = Duration.ofSeconds(20);

    @Client
    static Api api;

    @Client
    static Db db;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String live;

    @Court
    static String court;

    @AfterAll
    static void tearDown() {
        REVOKED.close();
        LIVE.close();
        MAIL.stop();
    }

    @Test
    void revokingAKeyStopsItsAlertsRetriesRemindersDigestsAndEmails() throws Exception {
        JsonNode key = api.post(
                        "/api/v1/keys",
                        TestApp.ADMIN_KEY,
                        Map.of("name", "leaving reporter " + UUID.randomUUID(), "role", "reporter"))
                .expect(201)
                .json();
        String leaving = key.get("key").asText();
        String caseId = api.newCase(editor, court);
        for (String[] who : new String[][] {
            {leaving, REVOKED.url("/"), "leaving@newsroom.test"}, {live, LIVE.url("/"), "live@newsroom.test"}
        }) {
            subscribe(who[0], caseId, Map.of("type", "webhook", "url", who[1] + "hook"), "PT1H", null);
            subscribe(who[0], caseId, Map.of("type", "email", "address", who[2]), null, null);
            subscribe(who[0], caseId, Map.of("type", "webhook", "url", who[1] + "digest"), null, "07:00");
        }

        // Before the revocation: the leaving key's webhook fails once (to be retried in a minute), its
        // email arrives, its digest holds the filing, its reminder an hour before the hearing is planned.
        REVOKED.answer(500);
        api.post(
                        "/api/v1/cases/" + caseId + "/hearings",
                        editor,
                        Map.of(
                                "kind",
                                "motion_hearing",
                                "location",
                                "Courtroom 1",
                                "scheduled_at",
                                OffsetDateTime.ofInstant(CLOCK.instant().plus(Duration.ofHours(2)), NEW_YORK)
                                        .toString()))
                .expect(201);
        file(caseId, "Filed before the revocation");
        REVOKED.await(h -> h.path().equals("/hook"), 1, WAIT);
        LIVE.await(h -> h.path().equals("/hook"), 1, WAIT);
        assertThat(MAIL.waitForIncomingEmail(WAIT.toMillis(), 2)).isTrue();
        waitFor("the failed webhook is retrying", () -> db.count("""
                        select count(*) from deliveries d join subscriptions s on s.id = d.subscription_id
                        where s.owner_key_id = ? and d.status = 'retrying'""", keyId(key)) == 1);

        api.delete("/api/v1/keys/" + key.get("id").asText(), TestApp.ADMIN_KEY).expect(204);
        file(caseId, "Filed after the revocation");
        // The live key's alerts of that filing arrive before the clock jumps: a jump of an hour expires every
        // lease at once, and a send still in flight would be claimed and sent again.
        LIVE.await(h -> h.path().equals("/hook"), 2, WAIT);
        assertThat(MAIL.waitForIncomingEmail(WAIT.toMillis(), 3)).isTrue();
        waitFor("the live key's alerts are settled", () -> db.count("""
                        select count(*) from deliveries d join subscriptions s on s.id = d.subscription_id
                        where s.owner_key_id <> ? and d.status in ('pending', 'retrying')
                          and s.delivery = 'immediate'""", keyId(key)) == 0);

        // Past the retry, the reminder (at 07:00) and the digest (07:00 New York).
        CLOCK.advance(Duration.ofMinutes(65));
        LIVE.await(h -> h.path().equals("/hook"), 3, WAIT); // the new filing and the reminder
        LIVE.await(h -> h.path().equals("/digest"), 1, WAIT);
        assertThat(MAIL.waitForIncomingEmail(WAIT.toMillis(), 3)).isTrue();
        Thread.sleep(3000); // anything the revoked key's subscriptions still had coming would be here now

        assertThat(REVOKED.hits()).as("only the attempt before the revocation").hasSize(1);
        assertThat(Arrays.stream(MAIL.getReceivedMessages())
                        .map(RevokedKeyIT::to)
                        .sorted()
                        .toList())
                .containsExactly("leaving@newsroom.test", "live@newsroom.test", "live@newsroom.test");

        long owner = keyId(key);
        assertThat(db.rows("""
                        select s.channel_type || ' ' || s.delivery as sub, d.status, d.last_error
                        from deliveries d join subscriptions s on s.id = d.subscription_id
                        where s.owner_key_id = ? and d.status <> 'delivered'
                        order by d.id""", owner))
                .as("waiting deliveries end as failed, unsent; none for the filing after the revocation")
                .extracting(r -> r.get("sub") + ": " + r.get("status") + ": " + r.get("last_error"))
                .containsExactlyInAnyOrder(
                        "webhook immediate: failed: not sent: the API key that owns this subscription was revoked",
                        "webhook daily_digest: failed: not sent: the API key that owns this subscription was revoked");
        assertThat(db.count(
                        "select count(*) from reminders r join subscriptions s on s.id = r.subscription_id "
                                + "where s.owner_key_id = ? and r.status = 'cancelled'",
                        owner))
                .isOne();
        assertThat(db.count(
                        "select count(*) from reminders r join subscriptions s on s.id = r.subscription_id "
                                + "where s.owner_key_id <> ? and r.status = 'sent'",
                        owner))
                .isOne();
    }

    private static void subscribe(
            String key, String caseId, Map<String, String> channel, String leadTime, String digestAt) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "case_id",
                caseId,
                "events",
                leadTime == null ? List.of("filing.created") : List.of("filing.created", "hearing.reminder"),
                "channel",
                channel));
        if (leadTime != null) {
            body.put("reminder_lead_times", List.of(leadTime));
        }
        if (digestAt != null) {
            body.putAll(Map.of("delivery", "daily_digest", "digest_at", digestAt, "timezone", NEW_YORK.getId()));
        }
        api.post("/api/v1/subscriptions", key, body).expect(201);
    }

    private static void file(String caseId, String title) {
        api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of("filed_on", "2026-05-18", "kind", "order", "title", title))
                .expect(201);
    }

    private static long keyId(JsonNode key) {
        return Long.parseLong(key.get("id").asText());
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
