package com.docketwatch.alerts;

import java.util.List;

/**
 * Body of {@code POST /subscriptions}: exactly one target (case_id, court, party, query), the events,
 * the channel; optionally reminder lead times, a filing-kind filter and a daily digest.
 */
public record SubscriptionRequest(String caseId, String court, String party, String query, List<String> events,
        ChannelRequest channel, List<String> reminderLeadTimes, List<String> filingKinds, String delivery,
        String digestAt, String timezone) {}
