package com.docketwatch.outputs;

/** Body of {@code POST /feed-tokens}: a label, so its owner knows which calendar or reader uses it. */
public record FeedTokenRequest(String name) {}
