package com.docketwatch.alerts.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Email alerts through the configured SMTP server (Jakarta Mail, Eclipse Angus).
 *
 * <p>Its worst case is bounded, so that a delivery's lease can cover it: each message has at most
 * {@code timeout} from the start of its connection to the server's last answer (its socket is closed
 * then, however slowly the server trickles its answers), and starts at once on one of {@code senders}
 * threads. A delivery worker reserves a sender ({@link #reserve}) before it claims an email, so a
 * claimed email never waits in a queue while its lease runs.
 */
public final class EmailChannel implements AutoCloseable {
    private final Session session;
    private final InternetAddress from;
    private final Duration timeout;
    private final int senders;
    private final Semaphore free;
    private final ExecutorService pool;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "email-deadline");
        t.setDaemon(true);
        return t;
    });

    public EmailChannel(String host, int port, String from, Duration timeout, int senders) {
        this.timeout = timeout;
        this.senders = senders;
        this.free = new Semaphore(senders);
        this.pool = Executors.newFixedThreadPool(senders, r -> {
            Thread t = new Thread(r, "email-sender");
            t.setDaemon(true);
            return t;
        });
        String ms = Long.toString(timeout.toMillis());
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        p.put("mail.smtp.localhost", "docketwatch"); // HELO name: no reverse DNS lookup of this host
        p.put("mail.smtp.socketFactory", new DeadlineSockets()); // an instance, hence put, not setProperty
        p.put("mail.smtp.socketFactory.fallback", "false");
        this.session = Session.getInstance(p);
        try {
            this.from = new InternetAddress(from == null ? "docketwatch@localhost" : from, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("DOCKETWATCH_MAIL_FROM is not an email address: " + from, e);
        }
    }

    /** The longest one message may take, all in: its socket is closed then. */
    public Duration worstCase() {
        return timeout;
    }

    /** Reserves up to {@code wanted} free senders without waiting; returns how many it got. */
    public int reserve(int wanted) {
        int got = 0;
        while (got < wanted && free.tryAcquire()) {
            got++;
        }
        return got;
    }

    /** Gives back senders reserved and not used. */
    public void release(int unused) {
        if (unused > 0) {
            free.release(unused);
        }
    }

    /**
     * Sends on a sender reserved with {@link #reserve}, starting now; the reservation ends with the send.
     * Completes with the outcome, never exceptionally.
     */
    public CompletableFuture<Outcome> sendReserved(String to, String subject, String text) {
        try {
            return CompletableFuture.supplyAsync(() -> sendNow(to, subject, text), pool)
                    .whenComplete((o, e) -> free.release());
        } catch (RejectedExecutionException e) { // shutting down
            free.release();
            return CompletableFuture.completedFuture(Outcome.failed(null, "SMTP: the email channel is closed", 0));
        }
    }

    /** Sends when a sender is free (a digest, a test ping): waits for one up to the channel's worst case. */
    public CompletableFuture<Outcome> send(String to, String subject, String text) {
        try {
            if (!free.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return CompletableFuture.completedFuture(
                        Outcome.failed(null, "SMTP: all " + senders + " email senders stayed busy for " + timeout, 0));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.completedFuture(Outcome.failed(null, "SMTP: interrupted", 0));
        }
        return sendReserved(to, subject, text);
    }

    private Outcome sendNow(String to, String subject, String text) {
        long started = System.nanoTime();
        DeadlineSockets.Deadline deadline = DeadlineSockets.start(watchdog, timeout);
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(from);
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            m.setSubject(subject, "UTF-8");
            m.setText(text, "UTF-8");
            m.setSentDate(new Date());
            Transport.send(m);
            return Outcome.ok(250, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (MessagingException | RuntimeException e) {
            return Outcome.failed(
                    null,
                    deadline.expired()
                            ? "SMTP: no complete answer within " + timeout + " (connection closed)"
                            : "SMTP: " + e.getMessage(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } finally {
            deadline.end();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        watchdog.shutdownNow();
    }
}
