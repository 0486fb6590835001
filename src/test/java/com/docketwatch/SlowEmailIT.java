package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.Db;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.SlowSmtp;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A slow SMTP server (5 s a message) and more emails than senders: each email is sent once. Before
 * issue 12's #8 the lease was the webhook timeout times three (3 s here) while emails queued behind
 * each other on four threads; leases ran out mid-send, other workers claimed the rows again and sent
 * them a second time. Now an email is claimed only with a free sender, the lease covers the SMTP
 * limit, and a late outcome cannot overwrite a newer one (DeliveryLeaseTest).
 */
@DocketWatchIT
class SlowEmailIT {
    static final Duration SLOW = Duration.ofSeconds(5);
    static final SlowSmtp SMTP = new SlowSmtp(SLOW);
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create(
            ConfigOverride.config("alerts.smtpHost", "127.0.0.1"),
            ConfigOverride.config("alerts.smtpPort", Integer.toString(SMTP.port())),
            ConfigOverride.config("alerts.mailFrom", "alerts@docketwatch.test"),
            ConfigOverride.config("alerts.pollInterval", "PT0.1S"),
            // Short leases: 1 s webhooks, 8 s emails (all in), 1 s margin.
            ConfigOverride.config("alerts.webhookTimeout", "PT1S"),
            ConfigOverride.config("alerts.smtpTimeout", "PT8S"),
            ConfigOverride.config("alerts.leaseMargin", "PT1S"));

    @Client
    static Api api;

    @Client
    static Db db;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    @Court
    static String court;

    @AfterAll
    static void tearDown() {
        SMTP.close();
    }

    @Test
    void moreSlowEmailsThanSendersAreEachSentOnce() throws Exception {
        String caseId = api.newCase(editor, court);
        String sub = api.post(
                        "/api/v1/subscriptions",
                        reporter,
                        Map.of(
                                "case_id",
                                caseId,
                                "events",
                                List.of("filing.created"),
                                "channel",
                                Map.of("type", "email", "address", "desk@newsroom.test")))
                .expect(201)
                .json()
                .get("id")
                .asText();
        int n = 12; // three rounds of the four senders: 15 s and more, five leases of the old 3 s
        for (int i = 1; i <= n; i++) {
            api.post(
                            "/api/v1/cases/" + caseId + "/filings",
                            editor,
                            Map.of(
                                    "filed_on",
                                    "2026-05-18",
                                    "kind",
                                    "notice",
                                    "title",
                                    "Slow filing number " + i + " of " + n))
                    .expect(201);
        }

        assertThat(SMTP.mail().waitForIncomingEmail(90_000, n)).isTrue();
        // Long enough for any lease taken over to have sent its copy.
        Thread.sleep(Duration.ofSeconds(12).toMillis());

        Map<String, Long> copies = new TreeMap<>();
        for (MimeMessage m : SMTP.mail().getReceivedMessages()) {
            Matcher number = Pattern.compile("Slow filing number (\\d+) of").matcher(subject(m));
            copies.merge(number.find() ? number.group(1) : subject(m), 1L, Long::sum);
        }
        assertThat(copies)
                .as("each email once")
                .isEqualTo(IntStream.rangeClosed(1, n).boxed().collect(Collectors.toMap(Object::toString, i -> 1L)));

        JsonNode log = api.get("/api/v1/subscriptions/" + sub + "/deliveries", reporter)
                .json()
                .get("data");
        assertThat(log).hasSize(n);
        log.forEach(d -> {
            assertThat(d.get("status").asText()).isEqualTo("delivered");
            assertThat(d.get("attempts").asInt()).isOne();
        });
        assertThat(db.count(
                        "select count(*) from delivery_attempts a join deliveries d on d.id = a.delivery_id "
                                + "where d.subscription_id = ?",
                        Long.parseLong(sub)))
                .isEqualTo(n);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
