package com.docketwatch.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.alerts.delivery.DeliveryDao.Due;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a Slack message says for each kind of event, in the court's time zone, within Slack's limits. */
class SlackMessagesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final SlackMessages slack = new SlackMessages(JSON, "https://dw.example.org/");

    @Test
    void eachEventSaysWhatHappenedInWords() throws Exception {
        Instant monday2pm = OffsetDateTime.parse("2025-02-03T14:00:05-08:00").toInstant();
        assertThat(said(
                        "filing.created",
                        "{\"title\": \"Order denying motion for preliminary injunction\"}",
                        monday2pm))
                .isEqualTo("New filing: Order denying motion for preliminary injunction");
        assertThat(said(
                        "hearing.rescheduled",
                        "{\"kind\": \"motion_hearing\", \"scheduled_at\": \"2025-02-04T18:00:00Z\","
                                + " \"timezone\": \"America/Los_Angeles\"}",
                        monday2pm))
                .isEqualTo("Hearing moved to Tue 4 Feb 2025, 10:00 PST");
        assertThat(said(
                        "hearing.reminder",
                        "{\"kind\": \"status_conference\", \"scheduled_at\": \"2025-02-04T14:00:00-08:00\","
                                + " \"timezone\": \"America/Los_Angeles\", \"lead_time\": \"P1D\"}",
                        monday2pm))
                .isEqualTo("Reminder: status conference tomorrow 14:00 PST");
        assertThat(said(
                        "hearing.reminder",
                        "{\"kind\": \"status_conference\", \"scheduled_at\": \"2025-02-03T15:00:00-08:00\"}",
                        monday2pm))
                .as("the court's zone when the data has none")
                .isEqualTo("Reminder: status conference today 15:00 PST");
        assertThat(said(
                        "hearing.reminder",
                        "{\"kind\": \"hearing\", \"scheduled_at\": \"2025-07-10T09:30:00-07:00\"}",
                        monday2pm))
                .isEqualTo("Reminder: hearing on Thu 10 Jul 2025, 09:30 PDT");
        assertThat(said(
                        "hearing.scheduled",
                        "{\"kind\": \"deadline\", \"scheduled_at\": \"2025-03-01T00:00:00-08:00\", \"time_known\": false}",
                        monday2pm))
                .isEqualTo("Deadline scheduled for Sat 1 Mar 2025");
        assertThat(said("case.status_changed", "{\"from_status\": \"open\", \"status\": \"on_appeal\"}", monday2pm))
                .isEqualTo("Status changed: open → on appeal");
        assertThat(said("claim.updated", "{\"title\": \"Breach of contract\", \"status\": \"dismissed\"}", monday2pm))
                .isEqualTo("Claim Breach of contract: dismissed");
    }

    @Test
    void aMessageIsATextFallbackAndBlocksWithTheCaseAsALink() throws Exception {
        JsonNode m = JSON.readTree(
                slack.event(due("filing.created", "{\"title\": \"A <b> & c\", \"entry_number\": 7}", null)));
        assertThat(m.get("text").asText()).isEqualTo("Musk v. Altman (4:24-cv-04722): New filing: A &lt;b&gt; &amp; c");
        assertThat(m.get("blocks")).hasSize(3);
        assertThat(m.at("/blocks/0/text/text").asText())
                .isEqualTo("*<https://dw.example.org/#case=42|Musk v. Altman · 4:24-cv-04722>*");
        assertThat(m.at("/blocks/1/text/text").asText()).isEqualTo("New filing: A &lt;b&gt; &amp; c\nDocket entry 7");
        assertThat(m.at("/blocks/2/type").asText()).isEqualTo("context");
    }

    @Test
    void aDigestIsOneMessageWithinSlacksFiftyBlocks() throws Exception {
        List<Due> events = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            events.add(due("filing.created", "{\"title\": \"Notice " + i + "\"}", null));
        }
        JsonNode m = JSON.readTree(slack.digest("Digest for 2025-02-04", events));
        assertThat(m.get("text").asText()).isEqualTo("DocketWatch digest for 2025-02-04: 120 events");
        assertThat(m.get("blocks")).hasSize(50);
        assertThat(m.at("/blocks/0/type").asText()).isEqualTo("header");
        assertThat(m.at("/blocks/49/elements/0/text").asText()).startsWith("… and 72 more");
    }

    private String said(String type, String data, Instant at) {
        Due d = due(type, data, at);
        try {
            return slack.whatHappened(d, JSON.readTree(d.data()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Due due(String type, String data, Instant at) {
        return new Due(
                1,
                99,
                5,
                0,
                Instant.now(),
                type,
                at == null ? Instant.now() : at,
                data,
                42,
                "Musk v. Altman",
                "4:24-cv-04722",
                "cand",
                "slack",
                "https://hooks.slack.example/x",
                null,
                null,
                "America/Los_Angeles",
                Instant.now(),
                0,
                "hooks.slack.example");
    }
}
