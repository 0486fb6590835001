package com.docketwatch.alerts.delivery;

import com.docketwatch.alerts.delivery.DeliveryDao.Due;
import com.docketwatch.platform.crypto.SecretBox;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Routes a delivery to its channel: a signed webhook, a Slack message (an unsigned POST to the incoming
 * webhook), or an email when SMTP is configured.
 */
public final class Channels {
    private final WebhookChannel webhooks;
    private final EmailChannel email;
    private final SecretBox secrets;
    private final Messages messages;
    private final SlackMessages slack;
    /**
     * Webhook secrets as opened for signing, by their sealed bytes: a fan-out to thousands of
     * subscribers opened one AES-GCM box per delivery. Held in memory only, like any secret in use.
     */
    private final Cache<ByteBuffer, String> opened =
            Caffeine.newBuilder().maximumSize(100_000).build();

    public Channels(
            WebhookChannel webhooks, EmailChannel email, SecretBox secrets, Messages messages, SlackMessages slack) {
        this.webhooks = webhooks;
        this.email = email;
        this.secrets = secrets;
        this.messages = messages;
        this.slack = slack;
    }

    /**
     * Sends one delivery; webhook and Slack bodies are built once per event and shared through {@code
     * bodies}. An email uses a sender reserved with {@link #reserveEmailSenders} (whatever happens, the
     * send ends that reservation).
     */
    public CompletableFuture<Outcome> send(Due d, Map<String, String> bodies) {
        boolean mail = "email".equals(d.channelType());
        try {
            if ("slack".equals(d.channelType())) {
                String body = bodies.computeIfAbsent("slack " + d.eventId(), id -> slack.event(d));
                return webhooks.sendUnsigned(d.webhookUrl(), Long.toString(d.eventId()), body);
            }
            if (!mail) {
                String body = bodies.computeIfAbsent("webhook " + d.eventId(), id -> messages.webhookBody(d));
                return webhooks.send(d.webhookUrl(), Long.toString(d.eventId()), secret(d.secretEnc()), body);
            }
            if (email == null) {
                return CompletableFuture.completedFuture(
                        Outcome.failed(null, "email is not configured (DOCKETWATCH_SMTP_HOST)", 0));
            }
            String subject = messages.subject(d);
            String text = messages.emailBody(d);
            mail = false; // the send owns the reservation from here
            return email.sendReserved(d.email(), subject, text);
        } catch (RuntimeException e) {
            if (mail && email != null) {
                email.release(1);
            }
            return CompletableFuture.completedFuture(Outcome.failed(null, e.toString(), 0));
        }
    }

    /**
     * Reserves email senders for up to {@code wanted} emails about to be claimed, without waiting:
     * each claimed email then starts at once. Without SMTP, emails fail at once and need none.
     */
    public int reserveEmailSenders(int wanted) {
        return email == null ? wanted : email.reserve(wanted);
    }

    /** Gives back reserved senders no claimed email used. */
    public void releaseEmailSenders(int unused) {
        if (email != null) {
            email.release(unused);
        }
    }

    /**
     * The longest one delivery attempt can take on the slowest channel in use: a webhook's timeout, or
     * an email's when SMTP is configured. A delivery's lease must outlast it.
     */
    public Duration worstCase() {
        Duration webhook = webhooks.worstCase();
        return email == null || email.worstCase().compareTo(webhook) < 0 ? webhook : email.worstCase();
    }

    private String secret(byte[] sealed) {
        return opened.get(ByteBuffer.wrap(sealed), k -> new String(secrets.open(sealed), StandardCharsets.UTF_8));
    }

    /** A signed test ping to a webhook subscription, outside the delivery log. */
    public CompletableFuture<Outcome> ping(String url, byte[] secretEnc, String messageId, String body) {
        return webhooks.send(url, messageId, new String(secrets.open(secretEnc), StandardCharsets.UTF_8), body);
    }

    /** A test message to a Slack subscription's incoming webhook, outside the delivery log. */
    public CompletableFuture<Outcome> pingSlack(String url, long subscriptionId, String messageId) {
        return webhooks.sendUnsigned(url, messageId, slack.ping(subscriptionId));
    }

    public CompletableFuture<Outcome> pingEmail(String address, String subject, String body) {
        return email == null
                ? CompletableFuture.completedFuture(Outcome.failed(null, "email is not configured", 0))
                : email.send(address, subject, body);
    }

    /** One message listing {@code events} for a daily-digest subscription. */
    public CompletableFuture<Outcome> digest(
            com.docketwatch.alerts.delivery.DigestDao.DigestSubscription s, java.util.List<Due> events) {
        if ("slack".equals(s.channelType())) {
            return webhooks.sendUnsigned(
                    s.webhookUrl(),
                    "digest_" + s.id() + "_" + s.localDate(),
                    slack.digest("Digest for " + s.localDate(), events));
        }
        if ("webhook".equals(s.channelType())) {
            String id = "digest_" + s.id() + "_" + s.localDate();
            String secret = new String(secrets.open(s.secretEnc()), StandardCharsets.UTF_8);
            return webhooks.send(s.webhookUrl(), id, secret, messages.digestBody(id, s.id(), s.localDate(), events));
        }
        if (email == null) {
            return CompletableFuture.completedFuture(
                    Outcome.failed(null, "email is not configured (DOCKETWATCH_SMTP_HOST)", 0));
        }
        return email.send(s.email(), messages.digestSubject(s.localDate(), events), messages.digestText(events));
    }

    public SecretBox secrets() {
        return secrets;
    }
}
