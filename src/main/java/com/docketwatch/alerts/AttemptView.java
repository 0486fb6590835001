package com.docketwatch.alerts;

import java.time.Instant;

/**
 * One attempt of a delivery: when, what the receiver answered (its status and the first KiB of its
 * body, as text), why it failed, and how long it took.
 */
public record AttemptView(Instant at, Integer statusCode, String error, long durationMs, String responseExcerpt) {}
