package com.docketwatch.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real SMTP server (GreenMail) behind a proxy that holds each connection for {@code delay} before
 * relaying it: every message then takes at least that long to send, as with an overloaded mail relay.
 * {@link #port()} is the slow way in; {@link #mail()} the server, to read what arrived.
 */
public final class SlowSmtp implements AutoCloseable {
    private final GreenMail mail;
    private final ServerSocket proxy;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "slow-smtp");
        t.setDaemon(true);
        return t;
    });
    private volatile long delayMillis;

    public SlowSmtp(Duration delay) {
        this.delayMillis = delay.toMillis();
        this.mail = startMail();
        try {
            this.proxy = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::accept);
    }

    /** A GreenMail SMTP server on a free port of 127.0.0.1. */
    public static GreenMail startMail() {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    public int port() {
        return proxy.getLocalPort();
    }

    public GreenMail mail() {
        return mail;
    }

    public void delay(Duration d) {
        delayMillis = d.toMillis();
    }

    private void accept() {
        while (!proxy.isClosed()) {
            try {
                Socket client = proxy.accept();
                threads.execute(() -> relay(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Holds the connection (the client waits for the server's greeting), then pipes both ways. */
    private void relay(Socket client) {
        try (client;
                Socket server = new Socket("127.0.0.1", mail.getSmtp().getPort())) {
            Thread.sleep(delayMillis);
            threads.execute(() -> pipe(server, client));
            pipe(client, server);
        } catch (IOException | InterruptedException e) {
            // the client or the test went away
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed
        }
    }

    @Override
    public void close() {
        try {
            proxy.close();
        } catch (IOException ignored) {
            // closing
        }
        threads.shutdownNow();
        mail.stop();
    }
}
