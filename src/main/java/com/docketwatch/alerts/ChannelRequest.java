package com.docketwatch.alerts;

/** Where alerts go: {@code {"type": "webhook", "url"}} or {@code {"type": "email", "address"}}. */
public record ChannelRequest(String type, String url, String address) {}
