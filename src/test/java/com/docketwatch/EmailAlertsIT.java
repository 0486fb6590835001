package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.TestApp;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Email alerts over real SMTP into GreenMail. */
@DocketWatchIT
class EmailAlertsIT {
    static final GreenMail MAIL = startMail();
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create(
            ConfigOverride.config("alerts.smtpHost", "127.0.0.1"),
            ConfigOverride.config(
                    "alerts.smtpPort", Integer.toString(MAIL.getSmtp().getPort())),
            ConfigOverride.config("alerts.mailFrom", "alerts@docketwatch.test"),
            ConfigOverride.config("alerts.publicBaseUrl", "https://docketwatch.example"),
            ConfigOverride.config("alerts.pollInterval", "PT0.1S"));

    @Client
    static Api api;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    @AfterAll
    static void tearDown() {
        MAIL.stop();
    }

    @Test
    void eachEventArrivesAsOneEmailWithCaptionAndEventInTheSubject() throws Exception {
        String court = api.court(editor);
        String caseId = api.post(
                        "/api/v1/cases",
                        editor,
                        Map.of(
                                "court",
                                court,
                                "docket_number",
                                "4:24-cv-04722-YGR",
                                "caption",
                                "Musk v. Altman",
                                "filed_on",
                                "2024-08-05"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.post(
                        "/api/v1/subscriptions",
                        reporter,
                        Map.of(
                                "case_id",
                                caseId,
                                "events",
                                List.of("filing.created", "case.status_changed"),
                                "channel",
                                Map.of("type", "email", "address", "desk@newsroom.test")))
                .expect(201);

        api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        Map.of(
                                "filed_on",
                                "2026-05-18",
                                "kind",
                                "judgment",
                                "title",
                                "Judgment",
                                "description",
                                "Judgment entered for defendants."))
                .expect(201);
        api.post(
                        "/api/v1/cases/" + caseId + "/status-changes",
                        editor,
                        Map.of("status", "judgment_entered", "effective_on", "2026-05-18"))
                .expect(201);

        assertThat(MAIL.waitForIncomingEmail(20_000, 2)).isTrue();
        List<MimeMessage> messages = Arrays.asList(MAIL.getReceivedMessages());
        assertThat(messages).hasSize(2);
        MimeMessage filing = messages.stream()
                .filter(m -> subject(m).contains("filing.created"))
                .findFirst()
                .orElseThrow();
        assertThat(subject(filing))
                .contains("Musk v. Altman")
                .contains("filing.created")
                .contains("Judgment");
        assertThat(filing.getAllRecipients()[0].toString()).isEqualTo("desk@newsroom.test");
        assertThat(filing.getFrom()[0].toString()).isEqualTo("alerts@docketwatch.test");
        String body = GreenMailUtil.getBody(filing);
        assertThat(body)
                .contains("Musk v. Altman")
                .contains("4:24-cv-04722-YGR")
                .contains("Judgment entered for defendants.")
                .contains("https://docketwatch.example/api/v1/cases/" + caseId);
        MimeMessage status = messages.stream()
                .filter(m -> subject(m).contains("case.status_changed"))
                .findFirst()
                .orElseThrow();
        assertThat(subject(status)).contains("open -> judgment_entered");
    }

    @Test
    void invalidAddressIs422() {
        String court = api.court(editor);
        String caseId = api.newCase(editor, court);
        api.post(
                        "/api/v1/subscriptions",
                        reporter,
                        Map.of(
                                "case_id",
                                caseId,
                                "events",
                                List.of("filing.created"),
                                "channel",
                                Map.of("type", "email", "address", "not an address")))
                .problem(422);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail startMail() {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }
}
