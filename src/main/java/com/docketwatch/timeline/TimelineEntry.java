package com.docketwatch.timeline;

import com.docketwatch.cases.StatusChangeView;
import com.docketwatch.filings.FilingView;
import java.time.OffsetDateTime;

/**
 * One entry of a case's timeline: {@code type} (filing, status_change, claim_change,
 * hearing_scheduled, hearing_rescheduled, hearing_vacated, hearing_held), {@code at} in the court's
 * time zone, a one-line {@code summary} and {@code data}: the {@link FilingView}, the
 * {@link StatusChangeView}, a {@link TimelineClaimChange} or a {@link TimelineHearingEvent}.
 */
public record TimelineEntry(String type, OffsetDateTime at, String id, String summary, Object data) {}
