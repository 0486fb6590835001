package com.docketwatch.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A subscription's channel; the webhook secret is never shown again after creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelView(String type, String url, String address) {}
