package com.docketwatch.ingest.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.docketwatch.platform.net.AddressPolicy;
import com.docketwatch.support.RssServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One fetch: its total deadline, its size cap, and the address policy applied to the address connected to. */
class RssFetcherTest {
    static final RssServer SERVER = new RssServer();
    static final String FEED = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>";

    @BeforeAll
    static void quietJetty() {
        // No logging configuration outside the service: Logback would print Jetty's debug lines.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.eclipse.jetty"))
                .setLevel(ch.qos.logback.classic.Level.INFO);
    }

    @AfterAll
    static void tearDown() {
        SERVER.close();
    }

    static RssFetcher fetcher(AddressPolicy policy, Duration deadline, long maxBytes) throws Exception {
        RssFetcher f = new RssFetcher(policy, deadline, maxBytes);
        f.start();
        return f;
    }

    static AddressPolicy localhostAllowed() {
        return new AddressPolicy(List.of("localhost"));
    }

    @Test
    void aBodyTrickledPastTheDeadlineEndsTheFetchAtTheDeadline() throws Exception {
        SERVER.trickle("/slow.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>", Duration.ofMillis(50));
        RssFetcher f = fetcher(localhostAllowed(), Duration.ofSeconds(1), 1 << 20);
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> f.fetch(SERVER.url("/slow.xml"), null, null))
                    .isInstanceOf(RssFetcher.FetchFailed.class)
                    .hasMessageContaining("no complete answer within PT1S");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (SERVER.trickles("/slow.xml").isEmpty() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(SERVER.trickles("/slow.xml"))
                    .as("the connection was closed at the deadline")
                    .singleElement()
                    .satisfies(t -> assertThat(t.lasted()).isLessThan(Duration.ofMillis(2500)));
        } finally {
            f.stop();
        }
    }

    @Test
    void aBodyOverTheCapIsRefusedWithOrWithoutContentLength() throws Exception {
        byte[] big = (FEED + " ".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        SERVER.serve("/big.xml", big, "application/rss+xml");
        SERVER.serveChunked("/big-chunked.xml", big, "application/rss+xml");
        byte[] exact = (FEED + " ".repeat(4000 - FEED.length())).getBytes(StandardCharsets.UTF_8);
        SERVER.serveChunked("/exact.xml", exact, "application/rss+xml");
        RssFetcher f = fetcher(localhostAllowed(), Duration.ofSeconds(5), 4000);
        try {
            for (String path : List.of("/big.xml", "/big-chunked.xml")) {
                assertThatThrownBy(() -> f.fetch(SERVER.url(path), null, null))
                        .as(path)
                        .isInstanceOf(RssFetcher.FetchFailed.class)
                        .hasMessage("the feed is larger than 4000 bytes");
            }
            RssFetcher.Fetched ok = f.fetch(SERVER.url("/exact.xml"), null, null);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo(exact);
            assertThat(ok.etag()).isNotNull();
        } finally {
            f.stop();
        }
    }

    @Test
    void theFetchConnectsToTheAddressThePolicyResolved() throws Exception {
        SERVER.serve("/named.xml", FEED);
        AtomicInteger lookups = new AtomicInteger();
        AddressPolicy policy = new AddressPolicy(List.of("feeds.court.test"), host -> {
            lookups.incrementAndGet();
            return host.equals("feeds.court.test")
                    ? new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})}
                    : InetAddress.getAllByName(host);
        });
        RssFetcher f = fetcher(policy, Duration.ofSeconds(5), 1 << 20);
        try {
            String url = SERVER.url("/named.xml").replace("localhost", "feeds.court.test");
            RssFetcher.Fetched answer = f.fetch(url, null, null);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
            assertThat(lookups.get())
                    .as("resolved by the policy at connect time")
                    .isGreaterThanOrEqualTo(1);
        } finally {
            f.stop();
        }
    }

    @Test
    void aHostThatRebindsToLoopbackAfterTheCheckIsRefusedAtConnect() throws Exception {
        int before = SERVER.requests("/x.xml");
        AtomicInteger lookups = new AtomicInteger();
        // Public when the URL is checked, loopback when the client connects: DNS rebinding.
        AddressPolicy policy = new AddressPolicy(List.of(), host -> {
            if (!host.equals("rebind.court.test")) {
                throw new UnknownHostException(host);
            }
            byte[] address = lookups.incrementAndGet() == 1
                    ? new byte[] {93, (byte) 184, (byte) 215, 14}
                    : new byte[] {127, 0, 0, 1};
            return new InetAddress[] {InetAddress.getByAddress(host, address)};
        });
        String url = SERVER.url("/x.xml").replace("http://localhost", "https://rebind.court.test");
        assertThat(policy.refuse(url)).isEmpty();
        lookups.set(0);
        RssFetcher f = fetcher(policy, Duration.ofSeconds(5), 1 << 20);
        try {
            assertThatThrownBy(() -> f.fetch(url, null, null))
                    .isInstanceOf(RssFetcher.FetchFailed.class)
                    .hasMessage("refused " + url + ": resolves to a private, loopback or link-local address");
            assertThat(lookups.get())
                    .as("checked, then resolved again at connect")
                    .isEqualTo(2);
            assertThat(SERVER.requests("/x.xml")).isEqualTo(before);
        } finally {
            f.stop();
        }
    }
}
