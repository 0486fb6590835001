package com.docketwatch.alerts.delivery;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Every minute: sends the daily and weekly digests whose local time has come. */
@DisallowConcurrentExecution
public final class DigestJob implements Job {
    private final DigestSender digests;

    public DigestJob(DigestSender digests) {
        this.digests = digests;
    }

    @Override
    public void execute(JobExecutionContext context) {
        digests.sendDue();
    }
}
