package com.docketwatch.outputs;

import com.docketwatch.filings.FilingPartitions;
import io.dropwizard.core.setup.Environment;
import org.jdbi.v3.core.Jdbi;

/** Calendars (.ics) and Atom feeds, and the feed tokens that open them for apps that cannot send a key. */
public final class OutputsFeature {
    private OutputsFeature() {}

    /** {@code maxFeedTokensPerKey}: the active feed tokens one API key may hold. */
    public static void install(Environment env, Jdbi jdbi, FilingPartitions partitions, int maxFeedTokensPerKey) {
        env.jersey().register(new FeedTokenAuthFilter(jdbi));
        env.jersey().register(new FeedTokenResource(new FeedTokenService(jdbi, maxFeedTokensPerKey)));
        env.jersey().register(new OutputResource(new OutputService(jdbi, partitions)));
    }
}
