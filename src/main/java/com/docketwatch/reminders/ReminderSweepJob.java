package com.docketwatch.reminders;

import com.docketwatch.alerts.delivery.DeliveryWorker;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every second, on one instance of the cluster: turns due reminders into events and deliveries,
 * then wakes the delivery workers so they go out at once.
 */
@DisallowConcurrentExecution
public final class ReminderSweepJob implements Job {
    private final ReminderService reminders;
    private final DeliveryWorker worker;

    public ReminderSweepJob(ReminderService reminders, DeliveryWorker worker) {
        this.reminders = reminders;
        this.worker = worker;
    }

    @Override
    public void execute(JobExecutionContext context) {
        if (reminders.sweep() > 0) {
            worker.nudge();
        }
    }
}
