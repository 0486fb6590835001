package com.docketwatch.alerts;

import com.docketwatch.alerts.delivery.Channels;
import com.docketwatch.alerts.delivery.DeliveryHealthCheck;
import com.docketwatch.alerts.delivery.DeliveryWorker;
import com.docketwatch.alerts.delivery.DigestJob;
import com.docketwatch.alerts.delivery.DigestSender;
import com.docketwatch.alerts.delivery.Messages;
import com.docketwatch.alerts.delivery.SlackMessages;
import com.docketwatch.alerts.delivery.WebhookChannel;
import com.docketwatch.platform.crypto.SecretBox;
import com.docketwatch.platform.net.AddressPolicy;
import com.docketwatch.reminders.ReminderService;
import com.docketwatch.reminders.ReminderSweepJob;
import com.docketwatch.scheduling.Jobs;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * Subscriptions and their delivery: the webhook and email channels, the delivery workers draining the
 * outbox, hourly-checked daily digests, and {@code /subscriptions}.
 */
public final class AlertsFeature {
    private AlertsFeature() {}

    /**
     * Installs alerts, and the reminder sweep that hands due reminders to their delivery; returns the
     * delivery worker, to be nudged when new events are written.
     */
    public static DeliveryWorker install(
            Environment env,
            Jdbi jdbi,
            Clock clock,
            ObjectMapper json,
            SecretBox secrets,
            ReminderService reminders,
            Jobs jobs,
            AlertsConfig config) {
        AddressPolicy addresses = config.webhookAddresses();
        WebhookChannel webhooks = new WebhookChannel(
                addresses, config.getWebhookTimeout(), config.getConnectionsPerReceiver(), config.getMaxPerReceiver());
        env.lifecycle().manage(webhooks);
        Channels channels = new Channels(
                webhooks,
                config.emailChannel(),
                secrets,
                new Messages(json, config.getPublicBaseUrl()),
                new SlackMessages(json, config.getPublicBaseUrl()));
        DeliveryWorker worker = new DeliveryWorker(
                jdbi,
                clock,
                channels,
                config.retryPolicy(),
                config.getWorkers(),
                config.getBatchSize(),
                config.getPollInterval(),
                channels.worstCase().plus(config.getLeaseMargin()),
                config.getDisableAfter(),
                config.getMaxInFlight(),
                config.getMaxPerReceiver(),
                env.metrics());
        env.lifecycle().manage(worker);
        env.healthChecks().register("deliveries", new DeliveryHealthCheck(worker, config.getMaxBacklogAge()));
        DigestSender digests = new DigestSender(jdbi, clock, channels, config.retryPolicy(), config.getDisableAfter());
        jobs.cron("daily-digests", config.getDigestCron(), DigestJob.class, () -> new DigestJob(digests));
        DeliveryOperations operations =
                new DeliveryOperations(jdbi, clock, config.getRetryWindow(), config.getMaxReplayEvents(), worker);
        env.jersey()
                .register(new SubscriptionResource(
                        new SubscriptionService(
                                jdbi,
                                clock,
                                addresses,
                                channels,
                                config.emailEnabled(),
                                reminders,
                                config.getMaxSubscriptionsPerKey(),
                                operations),
                        operations));
        jobs.every(
                "reminder-sweep",
                reminders.sweepInterval(),
                ReminderSweepJob.class,
                () -> new ReminderSweepJob(reminders, worker));
        return worker;
    }
}
