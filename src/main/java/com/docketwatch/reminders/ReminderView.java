package com.docketwatch.reminders;

import java.time.Instant;

/** A planned or settled hearing reminder of a subscription. */
public record ReminderView(
        String id, String hearingId, String leadTime, Instant dueAt, String status, Boolean late, String eventId) {}
