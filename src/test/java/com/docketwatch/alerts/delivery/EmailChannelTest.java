package com.docketwatch.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The email channel's bounds, which a delivery's lease relies on. */
class EmailChannelTest {
    @Test
    void aServerTricklingItsGreetingIsCutOffAtTheTimeoutAllIn() throws Exception {
        // Each read gets a byte within the socket timeout, so only a deadline on the whole send ends it.
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                EmailChannel email =
                        new EmailChannel("127.0.0.1", server.getLocalPort(), null, Duration.ofMillis(1500), 2)) {
            Thread trickler = new Thread(() -> {
                try (Socket s = server.accept()) {
                    OutputStream out = s.getOutputStream();
                    for (int i = 0; i < 60; i++) {
                        out.write('2');
                        out.flush();
                        Thread.sleep(400);
                    }
                } catch (Exception e) {
                    // the client hung up: what the test wants
                }
            });
            trickler.setDaemon(true);
            trickler.start();

            long started = System.nanoTime();
            assertThat(email.reserve(1)).isOne();
            Outcome o =
                    email.sendReserved("desk@newsroom.test", "subject", "text").get(10, TimeUnit.SECONDS);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(o.delivered()).isFalse();
            assertThat(o.error()).contains("no complete answer within PT1.5S");
            assertThat(ms).isBetween(1400L, 4000L);
            assertThat(email.reserve(2)).as("the send gave its sender back").isEqualTo(2);
        }
    }

    @Test
    void reservesNoMoreSendersThanAreFree() {
        try (EmailChannel email = new EmailChannel("127.0.0.1", 25, null, Duration.ofSeconds(1), 4)) {
            assertThat(email.reserve(3)).isEqualTo(3);
            assertThat(email.reserve(3)).isOne();
            assertThat(email.reserve(3)).isZero();
            email.release(2);
            assertThat(email.reserve(5)).isEqualTo(2);
        }
    }
}
