package com.docketwatch.scheduling;

import io.dropwizard.core.setup.Environment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * The service's recurring jobs: each feature adds its own, then {@link #install} starts one clustered
 * Quartz scheduler for all of them. Triggers are (re)registered at every start; in a cluster each fire
 * runs on one instance.
 */
public final class Jobs {
    private final Map<Class<? extends Job>, Supplier<Job>> factories = new HashMap<>();
    private final List<Scheduled> scheduled = new ArrayList<>();

    private record Scheduled(String name, Class<? extends Job> type, Trigger trigger) {}

    /** Runs {@code job} every {@code period} (at least a second); a fire missed while down is skipped, not repeated. */
    public <J extends Job> Jobs every(String name, Duration period, Class<J> type, Supplier<J> job) {
        SimpleScheduleBuilder schedule = SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(Math.max(1000, period.toMillis()))
                .repeatForever()
                .withMisfireHandlingInstructionNextWithRemainingCount();
        return add(
                name,
                type,
                job,
                TriggerBuilder.newTrigger()
                        .withIdentity(name)
                        .withSchedule(schedule)
                        .startNow()
                        .build());
    }

    /** Runs {@code job} on a Quartz cron expression; a fire missed while down runs once at start-up. */
    public <J extends Job> Jobs cron(String name, String expression, Class<J> type, Supplier<J> job) {
        return add(
                name,
                type,
                job,
                TriggerBuilder.newTrigger()
                        .withIdentity(name)
                        .withSchedule(CronScheduleBuilder.cronSchedule(expression)
                                .withMisfireHandlingInstructionFireAndProceed())
                        .build());
    }

    private <J extends Job> Jobs add(String name, Class<J> type, Supplier<J> job, Trigger trigger) {
        factories.put(type, job::get);
        scheduled.add(new Scheduled(name, type, trigger));
        return this;
    }

    /** Builds the scheduler on {@code dataSource}, registers every trigger, and starts and stops it with the service. */
    public void install(Environment env, DataSource dataSource, SchedulingConfig config) {
        QuartzScheduler quartz = new QuartzScheduler(dataSource, config.getThreads(), Map.copyOf(factories));
        try {
            for (Scheduled s : scheduled) {
                quartz.scheduler()
                        .scheduleJob(
                                JobBuilder.newJob(s.type())
                                        .withIdentity(s.name())
                                        .storeDurably()
                                        .build(),
                                Set.of(s.trigger()),
                                true);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not register the scheduled jobs", e);
        }
        env.lifecycle().manage(quartz);
        env.healthChecks().register("scheduler", new SchedulerHealthCheck(quartz.scheduler()));
    }
}
