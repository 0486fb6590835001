package com.docketwatch.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A subscription; {@code secret} ({@code whsec_...}) appears only in the answer that created it. {@code
 * status} is {@code active}, {@code paused}, or {@code disabled} (a webhook or Slack receiver that kept
 * failing, with when and why).
 */
public record SubscriptionView(
        String id,
        String caseId,
        boolean includeRelated,
        String court,
        String party,
        String query,
        List<String> events,
        ChannelView channel,
        List<String> reminderLeadTimes,
        List<String> filingKinds,
        String delivery,
        String digestDay,
        String digestAt,
        String timezone,
        boolean paused,
        String status,
        Instant disabledAt,
        String disabledReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
        Instant createdAt,
        Instant updatedAt) {
    public SubscriptionView withSecret(String s) {
        return new SubscriptionView(
                id,
                caseId,
                includeRelated,
                court,
                party,
                query,
                events,
                channel,
                reminderLeadTimes,
                filingKinds,
                delivery,
                digestDay,
                digestAt,
                timezone,
                paused,
                status,
                disabledAt,
                disabledReason,
                s,
                createdAt,
                updatedAt);
    }
}
