package com.docketwatch.scheduling;

import com.codahale.metrics.health.HealthCheck;
import org.quartz.Scheduler;

/** Healthy while the Quartz scheduler is started and not in stand-by or shut down. */
public final class SchedulerHealthCheck extends HealthCheck {
    private final Scheduler scheduler;

    public SchedulerHealthCheck(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    protected Result check() throws Exception {
        if (!scheduler.isStarted() || scheduler.isInStandbyMode() || scheduler.isShutdown()) {
            return Result.unhealthy("the Quartz scheduler is not running");
        }
        return Result.healthy(
                "instance %s of clustered scheduler %s",
                scheduler.getSchedulerInstanceId(), scheduler.getSchedulerName());
    }
}
