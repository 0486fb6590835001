package com.docketwatch.operations;

import com.docketwatch.scheduling.QuartzScheduler;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.listeners.TriggerListenerSupport;

/**
 * This instance's share of the clustered scheduler: each job run (reminder sweep, court-feed poll,
 * digests, maintenance) by job and result, with its duration, and each misfire this instance handled.
 * Listeners only: they change nothing of how jobs run.
 */
final class QuartzMetrics extends TriggerListenerSupport implements JobListener {
    private final Counter misfires;
    private final Histogram runs;

    QuartzMetrics(PrometheusRegistry registry) {
        misfires = Counter.builder()
                .name("docketwatch_quartz_misfires")
                .help("Quartz triggers this instance found misfired (fired too late, e.g. after downtime or overload)")
                .labelNames("trigger")
                .register(registry);
        runs = Histogram.builder()
                .name("docketwatch_job_runs_seconds")
                .help("scheduled job runs on this instance by job and result, and their duration in seconds")
                .labelNames("job", "result")
                .classicOnly()
                .classicUpperBounds(0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300)
                .register(registry);
    }

    /** Listens to the service's scheduler, which {@code Jobs.install} has built (QuartzScheduler.NAME). */
    void listenTo(Scheduler scheduler) {
        try {
            for (TriggerKey trigger : scheduler.getTriggerKeys(GroupMatcher.anyTriggerGroup())) {
                misfires.initLabelValues(trigger.getName());
            }
            scheduler.getListenerManager().addTriggerListener(this);
            scheduler.getListenerManager().addJobListener(this);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not listen to the " + QuartzScheduler.NAME + " scheduler", e);
        }
    }

    @Override
    public String getName() {
        return "docketwatch-metrics";
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        misfires.labelValues(trigger.getKey().getName()).inc();
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
        // timed from the context's fire time when it ends
    }

    @Override
    public void jobExecutionVetoed(JobExecutionContext context) {
        // no trigger listener vetoes
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
        runs.labelValues(context.getJobDetail().getKey().getName(), failure == null ? "ok" : "error")
                .observe(context.getJobRunTime() / 1000.0);
    }
}
