package com.docketwatch.alerts.delivery;

/**
 * What one delivery attempt came to; {@code responseExcerpt} is the start of the receiver's answer
 * ({@link ResponseExcerpt}), null when it sent none.
 */
public record Outcome(boolean delivered, Integer statusCode, String error, long durationMs, String responseExcerpt) {
    static Outcome ok(int status, long ms) {
        return ok(status, ms, null);
    }

    static Outcome ok(int status, long ms, String excerpt) {
        return new Outcome(true, status, null, ms, excerpt);
    }

    static Outcome failed(Integer status, String error, long ms) {
        return failed(status, error, ms, null);
    }

    static Outcome failed(Integer status, String error, long ms, String excerpt) {
        return new Outcome(false, status, error.length() > 500 ? error.substring(0, 500) : error, ms, excerpt);
    }
}
