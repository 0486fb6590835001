package com.docketwatch.alerts;

import com.docketwatch.platform.request.Required;

/**
 * Where alerts go: {@code {"type": "webhook", "url"}}, {@code {"type": "email", "address"}} or {@code
 * {"type": "slack", "url"}} (a Slack incoming webhook).
 */
public record ChannelRequest(@Required ChannelType type, String url, String address) {}
