package com.docketwatch.alerts;

/** The result of {@code POST /subscriptions/{id}/test}. */
public record PingView(boolean delivered, Integer statusCode, String error, long durationMs) {}
