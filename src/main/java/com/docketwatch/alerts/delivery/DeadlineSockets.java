package com.docketwatch.alerts.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;

/**
 * Sockets that close at their thread's deadline. SMTP's socket timeouts bound each read and write, not
 * a whole message: a server that answers each command just before the timeout (or trickles its
 * answers) could hold a send far longer. A send runs between {@link #start} and {@link Deadline#end} on
 * one thread; the sockets Jakarta Mail opens there are closed when the deadline passes, which ends any
 * blocked read or write.
 */
final class DeadlineSockets extends SocketFactory {
    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    /** The deadline of the send running on this thread. */
    static final class Deadline {
        private final ScheduledFuture<?> alarm;
        private Socket socket;
        private boolean expired;

        private Deadline(ScheduledExecutorService watchdog, Duration limit) {
            this.alarm = watchdog.schedule(this::expire, limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        private synchronized void expire() {
            expired = true;
            closeQuietly(socket);
        }

        private synchronized Socket watch(Socket s) {
            socket = s;
            if (expired) {
                closeQuietly(s);
            }
            return s;
        }

        /** Whether the deadline passed (the send's socket was closed). */
        synchronized boolean expired() {
            return expired;
        }

        /** The send is over: no alarm. */
        void end() {
            alarm.cancel(false);
            CURRENT.remove();
        }
    }

    /** Starts the deadline of a send on this thread. */
    static Deadline start(ScheduledExecutorService watchdog, Duration limit) {
        Deadline d = new Deadline(watchdog, limit);
        CURRENT.set(d);
        return d;
    }

    private static Socket watched(Socket s) {
        Deadline d = CURRENT.get();
        return d == null ? s : d.watch(s);
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }

    @Override
    public Socket createSocket() {
        return watched(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connect(new Socket(), new java.net.InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connect(new Socket(), new java.net.InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = new Socket();
        s.bind(new java.net.InetSocketAddress(localHost, localPort));
        return connect(s, new java.net.InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket s = new Socket();
        s.bind(new java.net.InetSocketAddress(localAddress, localPort));
        return connect(s, new java.net.InetSocketAddress(address, port));
    }

    /** Watched before connecting, so that a connect hanging past the deadline is closed too. */
    private static Socket connect(Socket s, java.net.SocketAddress to) throws IOException {
        watched(s).connect(to);
        return s;
    }
}
