package com.docketwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.docketwatch.scheduling.QuartzScheduler;
import com.docketwatch.support.Api;
import com.docketwatch.support.Client;
import com.docketwatch.support.Court;
import com.docketwatch.support.Db;
import com.docketwatch.support.DocketWatchIT;
import com.docketwatch.support.Key;
import com.docketwatch.support.MutableClock;
import com.docketwatch.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.matchers.KeyMatcher;
import org.quartz.listeners.JobListenerSupport;

/**
 * Docket entries partitioned by filing date (V15), through the API: any date from the year 1 to 9999 is
 * accepted, listed and found; an entry of a month without its partition waits in the default partition
 * and moves to its month when the maintenance job makes it; a new date moves the row and keeps the id.
 */
@DocketWatchIT
class PartitionsIT {
    static final MutableClock CLOCK = new MutableClock(Instant.now());
    static final DropwizardAppExtension<DocketWatchConfiguration> APP = TestApp.withClock(CLOCK);

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

    @Test
    void anEntryOfAMonthWithoutItsPartitionWaitsInTheDefaultOneAndMovesWhenTheJobMakesTheMonth() throws Exception {
        String caseId = api.newCase(editor, court);
        LocalDate far = LocalDate.now(ZoneOffset.UTC).plusYears(2).withDayOfMonth(15);
        String id = filing(caseId, far, "Stipulation about zebras");
        assertThat(partitionOf(id)).isEqualTo("filings_default");
        assertThat(searchIds("zebras", "")).containsExactly(id);

        CLOCK.set(far.atStartOfDay(ZoneOffset.UTC).toInstant());
        runMaintenance();
        String month = String.format("filings_%d_%02d", far.getYear(), far.getMonthValue());
        assertThat(partitionOf(id)).isEqualTo(month);
        LocalDate ahead = far.plusMonths(3);
        assertThat(db.count(
                        "select count(*) from pg_class where relname = ?",
                        String.format("filings_%d_%02d", ahead.getYear(), ahead.getMonthValue())))
                .as("three months ahead")
                .isEqualTo(1);
        JsonNode f = api.get("/api/v1/cases/" + caseId + "/filings/" + id, reporter)
                .expect(200)
                .json();
        assertThat(f.get("filed_on").asText()).isEqualTo(far.toString());
        assertThat(searchIds("zebras", "")).containsExactly(id);
        assertThat(listIds("/api/v1/cases/" + caseId + "/filings?limit=1")).containsExactly(id);

        runMaintenance();
        assertThat(partitionOf(id)).as("a second run makes nothing").isEqualTo(month);
    }

    @Test
    void anyDateFromTheYear1To9999IsAcceptedListedInDateOrderAndFound() {
        String caseId = api.newCase(editor, court);
        List<String> dates = List.of(
                "0001-01-01",
                "1850-06-30",
                "1999-12-31",
                "2000-01-01",
                LocalDate.now(ZoneOffset.UTC).toString(),
                "9999-12-31");
        List<String> ids = new ArrayList<>();
        for (String d : dates) {
            ids.add(filing(caseId, LocalDate.parse(d), "Affidavit of the walrus keeper"));
        }
        List<String> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        assertThat(listIds("/api/v1/cases/" + caseId + "/filings?limit=2")).isEqualTo(newestFirst);
        assertThat(listIds("/api/v1/filings?limit=2&case_id=" + caseId)).isEqualTo(newestFirst);
        assertThat(searchIds("walrus", "&limit=2")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(listIds("/api/v1/cases/" + caseId + "/filings?filed_after=1999-12-31&filed_before=9999-12-31"))
                .isEqualTo(newestFirst.subList(1, 3));
        assertThat(searchIds("walrus", "&filed_after=0001-01-01&filed_before=2000-01-01"))
                .containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        assertThat(partitionOf(ids.get(0))).isEqualTo("filings_old");
        assertThat(partitionOf(ids.get(5))).isEqualTo("filings_default");
    }

    @Test
    void aNewDateMovesTheRowToItsPartitionAndKeepsTheId() {
        String caseId = api.newCase(editor, court);
        String id = filing(caseId, LocalDate.parse("2024-05-10"), "Declaration of the otter");
        String before = partitionOf(id);
        // The date is the key's: the foreign key carries it to the row, which moves.
        db.update("update filing_keys set filed_on = '2011-02-03' where id = ?", Long.parseLong(id));
        assertThat(partitionOf(id)).isEqualTo("filings_2011").isNotEqualTo(before);
        assertThat(api.get("/api/v1/cases/" + caseId + "/filings/" + id, reporter)
                        .expect(200)
                        .json()
                        .get("filed_on")
                        .asText())
                .isEqualTo("2011-02-03");
        assertThat(searchIds("otter", "")).containsExactly(id);
        assertThatThrownBy(
                        () -> db.update("update filings set filed_on = '2012-01-01' where id = ?", Long.parseLong(id)))
                .as("a row may not contradict its key")
                .hasStackTraceContaining("filings_keys_fkey");
    }

    static String filing(String caseId, LocalDate filedOn, String title) {
        return api.post(
                        "/api/v1/cases/" + caseId + "/filings",
                        editor,
                        "{\"filed_on\": \"" + filedOn + "\", \"kind\": \"notice\", \"title\": \"" + title + " "
                                + UUID.randomUUID() + "\"}")
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    static String partitionOf(String id) {
        return (String) db.rows("select tableoid::regclass::text as p from filings where id = ?", Long.parseLong(id))
                .get(0)
                .get("p");
    }

    static List<String> searchIds(String q, String more) {
        return listIds("/api/v1/filings?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + more);
    }

    /** Every page of a list, following its cursors. */
    static List<String> listIds(String url) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String page = url + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode body = api.get(page, reporter).expect(200).json();
            body.get("data").forEach(f -> ids.add(f.get("id").asText()));
            cursor = body.get("next_cursor").isNull()
                    ? null
                    : body.get("next_cursor").asText();
        } while (cursor != null);
        return ids;
    }

    /** Fires the maintenance job in the service's own Quartz scheduler and waits for it to finish. */
    static void runMaintenance() throws Exception {
        Scheduler quartz = SchedulerRepository.getInstance().lookup(QuartzScheduler.NAME);
        JobKey job = JobKey.jobKey("maintenance");
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<JobExecutionException> failure = new AtomicReference<>();
        String listener = "partitions-it-" + UUID.randomUUID();
        quartz.getListenerManager()
                .addJobListener(
                        new JobListenerSupport() {
                            @Override
                            public String getName() {
                                return listener;
                            }

                            @Override
                            public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {
                                failure.set(e);
                                done.countDown();
                            }
                        },
                        KeyMatcher.keyEquals(job));
        try {
            quartz.triggerJob(job);
            assertThat(done.await(30, TimeUnit.SECONDS))
                    .as("the maintenance job ran")
                    .isTrue();
            assertThat(failure.get()).isNull();
        } finally {
            quartz.getListenerManager().removeJobListener(listener);
        }
    }
}
