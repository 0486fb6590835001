package com.docketwatch;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Alert delivery settings: webhook allow-list, retry back-off and the SMTP server for email alerts. */
public class AlertsConfig {
    private String webhookAllowHosts = "";
    private Duration retryInitialDelay = Duration.ofSeconds(30);
    private String smtpHost;
    private Integer smtpPort;
    private String mailFrom;

    /** Hosts webhooks may reach over plain http or on private addresses. */
    public List<String> webhookAllowHostList() {
        return Arrays.stream(webhookAllowHosts == null ? new String[0] : webhookAllowHosts.split(","))
                .map(String::trim)
                .filter(h -> !h.isEmpty())
                .map(String::toLowerCase)
                .toList();
    }

    @JsonProperty
    public String getWebhookAllowHosts() {
        return webhookAllowHosts;
    }

    @JsonProperty
    public void setWebhookAllowHosts(String webhookAllowHosts) {
        this.webhookAllowHosts = webhookAllowHosts;
    }

    @JsonProperty
    public Duration getRetryInitialDelay() {
        return retryInitialDelay;
    }

    @JsonProperty
    public void setRetryInitialDelay(String retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay == null || retryInitialDelay.isBlank()
                ? Duration.ofSeconds(30)
                : Duration.parse(retryInitialDelay);
    }

    @JsonProperty
    public String getSmtpHost() {
        return blankToNull(smtpHost);
    }

    @JsonProperty
    public void setSmtpHost(String smtpHost) {
        this.smtpHost = smtpHost;
    }

    @JsonProperty
    public Integer getSmtpPort() {
        return smtpPort;
    }

    @JsonProperty
    public void setSmtpPort(String smtpPort) {
        this.smtpPort = smtpPort == null || smtpPort.isBlank() ? null : Integer.valueOf(smtpPort.trim());
    }

    @JsonProperty
    public String getMailFrom() {
        return blankToNull(mailFrom);
    }

    @JsonProperty
    public void setMailFrom(String mailFrom) {
        this.mailFrom = mailFrom;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
