package com.docketwatch.alerts;

import com.docketwatch.filings.FilingKind;
import com.docketwatch.platform.request.Check;
import com.docketwatch.platform.request.Ids;
import com.docketwatch.platform.request.NoNul;
import com.docketwatch.platform.request.Required;
import com.docketwatch.platform.request.TimeZoneId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /subscriptions}: exactly one target (case_id, court, party, query), the events,
 * the channel; optionally reminder lead times, a filing-kind filter and a daily digest.
 *
 * <p>{@code include_related} (case_id only) also follows the cases linked to that case; {@code
 * digest_day} (monday to sunday) is the day of a weekly digest.
 */
public record SubscriptionRequest(
        @Pattern(regexp = Ids.PATTERN, message = "is not a case id")
        String caseId,

        Boolean includeRelated,

        @Size(max = 64, message = Check.AT_MOST) @NoNul String court,
        @Size(max = 200, message = Check.AT_MOST) @NoNul String party,
        @Size(max = 500, message = Check.AT_MOST) @NoNul String query,
        List<@NotNull(message = "must be an event name") @NoNul String> events,
        @Required(message = CHANNEL) @Valid ChannelRequest channel,
        List<@NotNull(message = "must be a lead time such as P7D") @NoNul String> reminderLeadTimes,
        List<@NotNull(message = "must be a filing kind") FilingKind> filingKinds,
        Delivery delivery,
        @NoNul String digestDay,
        @NoNul String digestAt,
        @TimeZoneId String timezone) {
    /** Braces escaped: they would be message parameters. */
    static final String CHANNEL =
            "is required: \\{\"type\": \"webhook\", \"url\"\\}, \\{\"type\": \"slack\", \"url\"\\} "
                    + "or \\{\"type\": \"email\", \"address\"\\}";
}
