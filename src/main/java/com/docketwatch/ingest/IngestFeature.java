package com.docketwatch.ingest;

import com.docketwatch.cases.StatusService;
import com.docketwatch.events.Events;
import com.docketwatch.filings.EntryListener;
import com.docketwatch.ingest.rss.CourtFeedPollJob;
import com.docketwatch.ingest.rss.CourtFeedPoller;
import com.docketwatch.ingest.rss.CourtFeedResource;
import com.docketwatch.ingest.rss.CourtFeedService;
import com.docketwatch.ingest.rss.CourtFeedsConfig;
import com.docketwatch.ingest.rss.RssFetcher;
import com.docketwatch.platform.net.AddressPolicy;
import com.docketwatch.scheduling.Jobs;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Real dockets in: {@code POST /imports} of juriscraper JSON, and the court RSS feeds polled by a clustered job. */
public final class IngestFeature {
    private IngestFeature() {}

    public static void install(
            Environment env,
            Jdbi jdbi,
            Clock clock,
            Events events,
            StatusService statuses,
            EntryListener entries,
            Jobs jobs,
            CourtFeedsConfig config) {
        ImportService imports = new ImportService(jdbi, clock, events, statuses, entries);
        env.jersey().register(new ImportResource(imports));
        AddressPolicy addresses = config.addressPolicy();
        RssFetcher fetcher = new RssFetcher(
                addresses, config.getTimeout(), config.getMaxBodySize().toBytes());
        env.lifecycle().manage(fetcher);
        CourtFeedService feeds = new CourtFeedService(
                jdbi,
                clock,
                imports,
                fetcher,
                addresses,
                config.getPollInterval(),
                config.getMaxBackoff(),
                config.getTimeout());
        env.jersey().register(new CourtFeedResource(feeds));
        CourtFeedPoller poller = new CourtFeedPoller(feeds, config.getWorkers());
        env.lifecycle().manage(poller);
        jobs.every("feed-poll", config.sweepInterval(), CourtFeedPollJob.class, () -> new CourtFeedPollJob(poller));
    }
}
