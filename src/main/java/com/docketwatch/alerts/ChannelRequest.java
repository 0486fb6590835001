package com.docketwatch.alerts;

import com.docketwatch.platform.request.Required;

/** Where alerts go: {@code {"type": "webhook", "url"}} or {@code {"type": "email", "address"}}. */
public record ChannelRequest(@Required ChannelType type, String url, String address) {}
