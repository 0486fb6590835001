package com.docketwatch.ingest.rss;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Polls the CM/ECF RSS feeds that are due (see {@link CourtFeedService}); in a cluster each fire runs on one instance. */
@DisallowConcurrentExecution
public final class CourtFeedPollJob implements Job {
    private final CourtFeedService feeds;

    public CourtFeedPollJob(CourtFeedService feeds) {
        this.feeds = feeds;
    }

    @Override
    public void execute(JobExecutionContext context) {
        feeds.pollDue();
    }
}
