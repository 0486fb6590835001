package com.docketwatch.ingest.rss;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The sweep for due CM/ECF RSS feeds: starts this instance's feed workers ({@link CourtFeedPoller}) and
 * returns at once, never waiting on a fetch; in a cluster each fire runs on one instance.
 */
@DisallowConcurrentExecution
public final class CourtFeedPollJob implements Job {
    private final CourtFeedPoller poller;

    public CourtFeedPollJob(CourtFeedPoller poller) {
        this.poller = poller;
    }

    @Override
    public void execute(JobExecutionContext context) {
        poller.pollDue();
    }
}
