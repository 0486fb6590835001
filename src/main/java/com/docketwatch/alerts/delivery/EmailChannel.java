package com.docketwatch.alerts.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Email alerts through the configured SMTP server (Jakarta Mail, Eclipse Angus). */
public final class EmailChannel implements AutoCloseable {
    private final Session session;
    private final InternetAddress from;
    private final ExecutorService senders = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "email-sender");
        t.setDaemon(true);
        return t;
    });

    public EmailChannel(String host, int port, String from) {
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        p.put("mail.smtp.localhost", "docketwatch"); // HELO name: no reverse DNS lookup of this host
        this.session = Session.getInstance(p);
        try {
            this.from = new InternetAddress(from == null ? "docketwatch@localhost" : from, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("DOCKETWATCH_MAIL_FROM is not an email address: " + from, e);
        }
    }

    public CompletableFuture<Outcome> send(String to, String subject, String text) {
        return CompletableFuture.supplyAsync(
                () -> {
                    long started = System.nanoTime();
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
                                "SMTP: " + e.getMessage(),
                                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                    }
                },
                senders);
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
