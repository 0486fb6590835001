package com.docketwatch.alerts;

/** The answer to a replay: how many events will be sent again. */
public record ReplayView(int events) {}
