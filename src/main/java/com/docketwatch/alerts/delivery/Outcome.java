package com.docketwatch.alerts.delivery;

/** What one delivery attempt came to. */
public record Outcome(boolean delivered, Integer statusCode, String error, long durationMs) {
    static Outcome ok(int status, long ms) {
        return new Outcome(true, status, null, ms);
    }

    static Outcome failed(Integer status, String error, long ms) {
        return new Outcome(false, status, error.length() > 500 ? error.substring(0, 500) : error, ms);
    }
}
