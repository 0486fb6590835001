package com.docketwatch.alerts;

import com.docketwatch.alerts.delivery.EmailChannel;
import com.docketwatch.alerts.delivery.RetryPolicy;
import com.docketwatch.platform.Text;
import com.docketwatch.platform.crypto.SecretBox;
import com.docketwatch.platform.net.AddressPolicy;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Alert delivery settings: webhook allow-list, retry back-off, the SMTP server for email alerts, delivery
 * leases, and how many subscriptions and feed tokens one API key may hold.
 */
public class AlertsConfig {
    private String webhookAllowHosts = "";
    private Duration retryInitialDelay = Duration.ofSeconds(30);
    private String smtpHost;
    private Integer smtpPort;
    private String mailFrom;
    private String secretKey;
    private String publicBaseUrl = "http://localhost:8080";
    private Duration retryWindow = Duration.ofDays(3);
    private Duration maxRetryDelay = Duration.ofHours(1);
    private Duration webhookTimeout = Duration.ofSeconds(10);
    private Duration pollInterval = Duration.ofMillis(200);
    private Duration maxBacklogAge = Duration.ofMinutes(5);
    private String digestCron = "0 * * * * ?";
    private int workers = 4;
    private int batchSize = 256;
    private Duration smtpTimeout = Duration.ofSeconds(20);
    private int emailSenders = 4;
    private Duration leaseMargin = Duration.ofSeconds(10);
    private int maxSubscriptionsPerKey = 500;
    private int maxFeedTokensPerKey = 100;
    private Duration disableAfter = Duration.ofDays(5);
    private int maxInFlight = 1024;
    private int maxPerReceiver = 256;
    private int connectionsPerReceiver = 64;
    private int maxReplayEvents = 10_000;

    /** Hosts webhooks may reach over plain http or on private addresses. */
    /** The policy this list of hosts describes (comma-separated; private addresses and http allowed for them). */
    public AddressPolicy webhookAddresses() {
        return AddressPolicy.allowing(webhookAllowHosts);
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
        return Text.blankToNull(smtpHost);
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
        return Text.blankToNull(mailFrom);
    }

    @JsonProperty
    public void setMailFrom(String mailFrom) {
        this.mailFrom = mailFrom;
    }

    /** AES key (base64, 32 bytes) for webhook secrets; empty: a key file in the data directory. */
    @JsonProperty
    public String getSecretKey() {
        return Text.blankToNull(secretKey);
    }

    @JsonProperty
    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    /** The service's public address, for links in email alerts. */
    @JsonProperty
    public String getPublicBaseUrl() {
        return publicBaseUrl;
    }

    @JsonProperty
    public void setPublicBaseUrl(String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    /** How long a failing delivery is retried before it is marked failed. */
    @JsonProperty
    public Duration getRetryWindow() {
        return retryWindow;
    }

    @JsonProperty
    public void setRetryWindow(Duration retryWindow) {
        this.retryWindow = retryWindow;
    }

    @JsonProperty
    public Duration getMaxRetryDelay() {
        return maxRetryDelay;
    }

    @JsonProperty
    public void setMaxRetryDelay(Duration maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    @JsonProperty
    public Duration getWebhookTimeout() {
        return webhookTimeout;
    }

    @JsonProperty
    public void setWebhookTimeout(Duration webhookTimeout) {
        this.webhookTimeout = webhookTimeout;
    }

    @JsonProperty
    public Duration getPollInterval() {
        return pollInterval;
    }

    @JsonProperty
    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    /** The health check fails when a due delivery has waited longer than this. */
    @JsonProperty
    public Duration getMaxBacklogAge() {
        return maxBacklogAge;
    }

    @JsonProperty
    public void setMaxBacklogAge(Duration maxBacklogAge) {
        this.maxBacklogAge = maxBacklogAge;
    }

    /** When the daily-digest job looks for digests whose local time has come (a Quartz cron expression). */
    @JsonProperty
    public String getDigestCron() {
        return digestCron;
    }

    @JsonProperty
    public void setDigestCron(String digestCron) {
        this.digestCron = digestCron;
    }

    @JsonProperty
    public int getWorkers() {
        return workers;
    }

    @JsonProperty
    public void setWorkers(int workers) {
        this.workers = workers;
    }

    @JsonProperty
    public int getBatchSize() {
        return batchSize;
    }

    @JsonProperty
    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    /** The longest one email may take, connection to last answer (its connection is closed then). */
    @JsonProperty
    public Duration getSmtpTimeout() {
        return smtpTimeout;
    }

    @JsonProperty
    public void setSmtpTimeout(Duration smtpTimeout) {
        this.smtpTimeout = smtpTimeout;
    }

    /** Emails sent at once by this instance. */
    @JsonProperty
    public int getEmailSenders() {
        return emailSenders;
    }

    @JsonProperty
    public void setEmailSenders(int emailSenders) {
        this.emailSenders = emailSenders;
    }

    /**
     * What a delivery's lease adds to its channel's worst case (the webhook or SMTP timeout): time to
     * claim and record around the send.
     */
    @JsonProperty
    public Duration getLeaseMargin() {
        return leaseMargin;
    }

    @JsonProperty
    public void setLeaseMargin(Duration leaseMargin) {
        this.leaseMargin = leaseMargin;
    }

    /** Subscriptions one API key may hold; one more is 409. */
    @JsonProperty
    public int getMaxSubscriptionsPerKey() {
        return maxSubscriptionsPerKey;
    }

    @JsonProperty
    public void setMaxSubscriptionsPerKey(int maxSubscriptionsPerKey) {
        this.maxSubscriptionsPerKey = maxSubscriptionsPerKey;
    }

    /** Active (unrevoked) feed tokens one API key may hold; one more is 409. */
    @JsonProperty
    public int getMaxFeedTokensPerKey() {
        return maxFeedTokensPerKey;
    }

    @JsonProperty
    public void setMaxFeedTokensPerKey(int maxFeedTokensPerKey) {
        this.maxFeedTokensPerKey = maxFeedTokensPerKey;
    }

    /**
     * How long a webhook or Slack subscription may fail without a success before it is disabled
     * ({@code DOCKETWATCH_DISABLE_AFTER}, ISO-8601).
     */
    @JsonProperty
    public Duration getDisableAfter() {
        return disableAfter;
    }

    @JsonProperty
    public void setDisableAfter(String disableAfter) {
        this.disableAfter = disableAfter == null || disableAfter.isBlank()
                ? Duration.ofDays(5)
                : positive("disableAfter", Duration.parse(disableAfter.trim()));
    }

    /** Webhook and Slack sends under way at once on this instance. */
    @JsonProperty
    public int getMaxInFlight() {
        return maxInFlight;
    }

    @JsonProperty
    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = Math.max(1, maxInFlight);
    }

    /** Sends under way at once to one receiver (host and port) on this instance. */
    @JsonProperty
    public int getMaxPerReceiver() {
        return maxPerReceiver;
    }

    @JsonProperty
    public void setMaxPerReceiver(int maxPerReceiver) {
        this.maxPerReceiver = Math.max(1, maxPerReceiver);
    }

    /**
     * Keep-alive connections at most to one receiver on this instance; the sends under way to it beyond
     * them ({@link #getMaxPerReceiver}) wait for a free one.
     */
    @JsonProperty
    public int getConnectionsPerReceiver() {
        return connectionsPerReceiver;
    }

    @JsonProperty
    public void setConnectionsPerReceiver(int connectionsPerReceiver) {
        this.connectionsPerReceiver = Math.max(1, connectionsPerReceiver);
    }

    /** The most events one replay may send; more is 422. */
    @JsonProperty
    public int getMaxReplayEvents() {
        return maxReplayEvents;
    }

    @JsonProperty
    public void setMaxReplayEvents(int maxReplayEvents) {
        if (maxReplayEvents < 1 || maxReplayEvents >= com.docketwatch.alerts.delivery.DeliveryDao.REPLAY_BLOCK) {
            throw new IllegalArgumentException("alerts.maxReplayEvents must be from 1 to "
                    + (com.docketwatch.alerts.delivery.DeliveryDao.REPLAY_BLOCK - 1));
        }
        this.maxReplayEvents = maxReplayEvents;
    }

    private static Duration positive(String name, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("alerts." + name + " must be a positive duration, not " + d);
        }
        return d;
    }

    public boolean emailEnabled() {
        return getSmtpHost() != null;
    }

    /** The key sealing webhook secrets: {@code secretKey}, else a key file generated once in the data directory. */
    public SecretBox secretBox(Path dataDir) {
        return getSecretKey() != null
                ? SecretBox.fromBase64(getSecretKey())
                : SecretBox.fromKeyFile(dataDir.resolve("secret.key"));
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(retryInitialDelay, maxRetryDelay, retryWindow);
    }

    /** The SMTP channel (port 25 unless set), or null when no SMTP host is configured. */
    public EmailChannel emailChannel() {
        return emailEnabled()
                ? new EmailChannel(
                        getSmtpHost(), smtpPort == null ? 25 : smtpPort, getMailFrom(), smtpTimeout, emailSenders)
                : null;
    }
}
