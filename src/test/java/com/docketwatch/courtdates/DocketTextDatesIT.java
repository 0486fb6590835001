package com.docketwatch.courtdates;

import static org.assertj.core.api.Assertions.assertThat;

import com.docketwatch.DocketWatchConfiguration;
import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** POST /docket-text/dates: the court-date reader over HTTP; nothing is stored. */
@DocketWatchIT
class DocketTextDatesIT {
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.create();
    private static final String PATH = "/api/v1/docket-text/dates";

    @Client
    static Api api;

    @Key("editor")
    static String editor;

    @Key("reporter")
    static String reporter;

    @Court
    static String court;

    @Test
    void aSettingIsReadWithItsTimeAndTheCourtsOffset() {
        JsonNode data = api.post(
                        PATH,
                        editor,
                        Map.of(
                                "court",
                                court,
                                "entry_date",
                                "2023-07-10",
                                "text",
                                "ORDER: the status conference scheduled for July 31, 2023 is adjourned to "
                                        + "October 30, 2023, at 3:00 p.m. in Courtroom 4B. Signed by Judge Ann Smith on 7/10/2023."))
                .expect(200)
                .json()
                .get("data");
        assertThat(data).hasSize(1);
        JsonNode d = data.get(0);
        assertThat(d.get("type").asText()).isEqualTo("hearing");
        assertThat(d.get("action").asText()).isEqualTo("rescheduled");
        assertThat(d.get("kind").asText()).isEqualTo("status_conference");
        assertThat(d.get("title").asText()).isEqualTo("status conference");
        assertThat(d.get("date").asText()).isEqualTo("2023-10-30");
        assertThat(d.get("time").asText()).isEqualTo("15:00");
        assertThat(d.get("starts_at").asText()).isEqualTo("2023-10-30T15:00:00-07:00");
    }

    @Test
    void aDeadlineWithoutTimeHasNoStart() {
        JsonNode d = api.post(
                        PATH,
                        editor,
                        Map.of(
                                "court",
                                court,
                                "entry_date",
                                "2023-03-13",
                                "text",
                                "SUMMONS Returned Executed by Acme Corp. Widget Inc. served on 3/13/2023, answer due 4/3/2023."))
                .expect(200)
                .json()
                .get("data")
                .get(0);
        assertThat(d.get("type").asText()).isEqualTo("deadline");
        assertThat(d.get("action").asText()).isEqualTo("due");
        assertThat(d.get("kind").asText()).isEqualTo("deadline");
        assertThat(d.get("date").asText()).isEqualTo("2023-04-03");
        assertThat(d.get("time").isNull()).isTrue();
        assertThat(d.get("starts_at").isNull()).isTrue();
    }

    @Test
    void datesThatAreOnlyReferencesAreNotCourtDates() {
        assertThat(api.post(
                                PATH,
                                editor,
                                Map.of(
                                        "court",
                                        court,
                                        "entry_date",
                                        "2010-01-14",
                                        "text",
                                        "BNC Certificate of Mailing - Hearing (RE: related document(s) 12 Hearing "
                                                + "Scheduled) Hearing scheduled for 2/18/2010 at 01:00 PM. Service Date 01/14/2010."))
                        .expect(200)
                        .json()
                        .get("data"))
                .isEmpty();
    }

    @Test
    void badRequestsAreClearAndStoreNothing() {
        JsonNode p = api.post(PATH, editor, Map.of("court", "nosuchcourt", "entry_date", "2023-01-01", "text", "x"))
                .problem(422);
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("court");
        p = api.post(PATH, editor, Map.of("court", court, "text", "x")).problem(422);
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("entry_date");
        p = api.post(PATH, editor, Map.of("court", court, "entry_date", "2023-01-01"))
                .problem(422);
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("text");
        api.post(PATH, editor, Map.of("court", court, "entry_date", "01/02/2023", "text", "x"))
                .problem(422);
        api.post(PATH, editor, "{\"court\": ").problem(400);
        api.post(PATH, editor, Map.of("court", court, "entry_date", "2023-01-01", "text", "x", "extra", 1))
                .problem(422);
        api.post(PATH, reporter, Map.of("court", court, "entry_date", "2023-01-01", "text", "x"))
                .problem(403);
        api.post(PATH, editor, Map.of("court", court, "entry_date", "2023-01-01", "text", "a".repeat(1 << 20)))
                .problem(413);
    }

    /**
     * The development set, read through the endpoint, meets the targets set for the held-out set: one test
     * when the shared fixtures are beside the project, none otherwise (a plain clone skips nothing).
     */
    @TestFactory
    Stream<DynamicTest> theDevelopmentSetThroughTheEndpointMeetsTheTargets() {
        return DevSet.locate().stream()
                .map(file -> DynamicTest.dynamicTest("dev set " + file, () -> scoreThroughTheEndpoint(file)));
    }

    private static void scoreThroughTheEndpoint(Path devSet) {
        Set<String> courts = new HashSet<>();
        Scorer scorer = new Scorer();
        for (DevSet.LabelledEntry entry : DevSet.read(devSet)) {
            if (courts.add(entry.court())) {
                api.post(
                                "/api/v1/courts",
                                editor,
                                Map.of(
                                        "id",
                                        entry.court(),
                                        "name",
                                        entry.court(),
                                        "jurisdiction",
                                        "federal",
                                        "timezone",
                                        "America/New_York"))
                        .expect(201);
            }
            JsonNode data = api.post(
                            PATH,
                            editor,
                            Map.of(
                                    "court",
                                    entry.court(),
                                    "entry_date",
                                    entry.entryDate().toString(),
                                    "text",
                                    entry.text()))
                    .expect(200)
                    .json()
                    .get("data");
            List<Scorer.Item> predicted = new ArrayList<>();
            for (JsonNode d : data) {
                predicted.add(new Scorer.Item(
                        d.get("type").asText(),
                        d.get("action").asText(),
                        d.get("title").asText(),
                        d.get("date").isNull() ? null : d.get("date").asText(),
                        d.get("time").isNull() ? null : d.get("time").asText()));
            }
            scorer.add(entry.source(), entry.labels(), predicted);
        }
        System.out.println("dev set through POST " + PATH + "\n" + scorer.table());
        assertThat(scorer.hearings.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(scorer.hearings.recall()).isGreaterThanOrEqualTo(0.90);
        assertThat(scorer.deadlines.precision()).isGreaterThanOrEqualTo(0.90);
        assertThat(scorer.deadlines.recall()).isGreaterThanOrEqualTo(0.80);
    }
}
