package com.docketwatch.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LeadTimeTest {
    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    @Test
    void calendarDaysKeepTheLocalTimeAcrossTheSpringChange() {
        // Clocks go forward at 02:00 on 2027-03-14: the day before the hearing has only 23 hours.
        Instant hearing = OffsetDateTime.parse("2027-03-14T09:00:00-07:00").toInstant();
        assertThat(LeadTime.parse("P1D").before(hearing, LA))
                .isEqualTo(OffsetDateTime.parse("2027-03-13T09:00:00-08:00").toInstant());
        assertThat(LeadTime.parse("PT24H").before(hearing, LA))
                .isEqualTo(OffsetDateTime.parse("2027-03-13T08:00:00-08:00").toInstant());
    }

    @Test
    void calendarDaysKeepTheLocalTimeAcrossTheAutumnChange() {
        Instant hearing = OffsetDateTime.parse("2027-11-07T09:00:00-08:00").toInstant();
        assertThat(LeadTime.parse("P1D").before(hearing, LA))
                .isEqualTo(OffsetDateTime.parse("2027-11-06T09:00:00-07:00").toInstant());
        assertThat(LeadTime.parse("PT24H").before(hearing, LA))
                .isEqualTo(OffsetDateTime.parse("2027-11-06T10:00:00-07:00").toInstant());
        assertThat(LeadTime.parse("P7D").before(hearing, LA))
                .isEqualTo(OffsetDateTime.parse("2027-10-31T09:00:00-07:00").toInstant());
        assertThat(LeadTime.parse("P1DT2H").before(hearing, LA))
                .isEqualTo(OffsetDateTime.parse("2027-11-06T07:00:00-07:00").toInstant());
    }

    @Test
    void weeksMonthsNegativesAndZeroAreRefused() {
        for (String bad : new String[] {"P1W", "P1M", "-P1D", "PT0S", "P", "7 days", "PT-1H"}) {
            assertThatThrownBy(() -> LeadTime.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void leadTimesBeyondAYearAreRefusedWithoutOverflowing() {
        for (String bad : new String[] {"PT9223372036854775807S", "P1DT9223372036854775807S", "P367D", "P366DT1S"}) {
            assertThatThrownBy(() -> LeadTime.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void newSubscriptionsAskForLeadTimesFromOneMinuteToSixtyDays() {
        for (String ok : new String[] {"PT1M", "PT60S", "P60D", "PT1440H", "P59DT24H", "P7D", "PT24H"}) {
            assertThat(LeadTime.requested(ok).text()).as(ok).isEqualTo(ok);
        }
        for (String bad : new String[] {"PT59S", "PT1S", "P61D", "P60DT1S", "PT1441H", "P366D"}) {
            assertThatThrownBy(() -> LeadTime.requested(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(bad + " must be at");
        }
        // Lead times stored before these limits still plan reminders.
        assertThat(LeadTime.parse("P366D").approximate()).isEqualTo(java.time.Duration.ofDays(366));
        assertThat(LeadTime.parse("PT30S").approximate()).isEqualTo(java.time.Duration.ofSeconds(30));
    }
}
