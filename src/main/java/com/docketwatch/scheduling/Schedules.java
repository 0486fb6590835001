package com.docketwatch.scheduling;

import com.docketwatch.alerts.delivery.DigestJob;
import com.docketwatch.ingest.rss.CourtFeedPollJob;
import com.docketwatch.reminders.ReminderSweepJob;
import java.util.Set;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/** The service's recurring jobs, (re)registered at every start; in a cluster each fire runs on one instance. */
public final class Schedules {
    private Schedules() {}

    public static void register(Scheduler scheduler, String digestCron, java.time.Duration feedSweep) throws SchedulerException {
        every(scheduler, ReminderSweepJob.class, "reminder-sweep", SimpleScheduleBuilder.repeatSecondlyForever(1)
                .withMisfireHandlingInstructionNextWithRemainingCount());
        cron(scheduler, DigestJob.class, "daily-digests", digestCron);
        cron(scheduler, MaintenanceJob.class, "maintenance", "0 17 * * * ?");
        every(scheduler, CourtFeedPollJob.class, "feed-poll", SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(Math.max(1000, feedSweep.toMillis())).repeatForever()
                .withMisfireHandlingInstructionNextWithRemainingCount());
    }

    private static void every(Scheduler scheduler, Class<? extends Job> job, String name, SimpleScheduleBuilder schedule)
            throws SchedulerException {
        schedule(scheduler, job, name, TriggerBuilder.newTrigger().withIdentity(name).withSchedule(schedule).startNow().build());
    }

    private static void cron(Scheduler scheduler, Class<? extends Job> job, String name, String expression)
            throws SchedulerException {
        schedule(scheduler, job, name, TriggerBuilder.newTrigger().withIdentity(name)
                .withSchedule(CronScheduleBuilder.cronSchedule(expression).withMisfireHandlingInstructionFireAndProceed())
                .build());
    }

    private static void schedule(Scheduler scheduler, Class<? extends Job> job, String name, Trigger trigger)
            throws SchedulerException {
        JobDetail detail = JobBuilder.newJob(job).withIdentity(name).storeDurably().build();
        scheduler.scheduleJob(detail, Set.of(trigger), true);
    }
}
