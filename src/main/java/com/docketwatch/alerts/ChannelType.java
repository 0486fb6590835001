package com.docketwatch.alerts;

import com.docketwatch.platform.request.Wire;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * Where alerts go: a signed webhook, email when the server has SMTP configured, or a Slack incoming
 * webhook.
 */
public enum ChannelType {
    WEBHOOK,
    EMAIL,
    SLACK;

    /** The wire names, in the order the contract lists them. */
    public static final List<String> ALL = Wire.names(values());

    @JsonValue
    public String wire() {
        return Wire.name(this);
    }

    @JsonCreator
    public static ChannelType of(String wire) {
        return Wire.parse(values(), wire);
    }
}
