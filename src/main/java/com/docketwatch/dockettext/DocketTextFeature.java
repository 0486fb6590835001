package com.docketwatch.dockettext;

import com.docketwatch.courtdates.CourtDateReader;
import com.docketwatch.hearings.HearingService;
import io.dropwizard.core.setup.Environment;
import org.jdbi.v3.core.Jdbi;

/** Court dates from docket text: the preview endpoint, and the calendar that new entries update. */
public final class DocketTextFeature {
    private DocketTextFeature() {}

    /** Installs the preview; the returned calendar is what filings and imports tell of new entries. */
    public static DocketCalendar install(Environment env, Jdbi jdbi, HearingService hearings) {
        CourtDateReader reader = new CourtDateReader();
        env.jersey().register(new DocketTextResource(jdbi, reader));
        return new DocketCalendar(reader, hearings);
    }
}
