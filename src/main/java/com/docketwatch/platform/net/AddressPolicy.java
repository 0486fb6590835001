package com.docketwatch.platform.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Where webhooks may go (the SSRF guard): https anywhere public; plain http, loopback, private,
 * link-local (169.254.169.254 included), multicast and unspecified addresses, IPv4 or IPv6, only for
 * hosts the operator allow-listed. Checked when a subscription is made and again at every connection
 * (as the resolver of the HTTP client), so a host that later resolves elsewhere (DNS rebinding) is
 * refused too. Used by webhooks and by court feeds.
 */
public final class AddressPolicy {
    /** How a host name becomes addresses: the system resolver, or a test's own (to simulate DNS rebinding). */
    @FunctionalInterface
    public interface Lookup {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    private final Set<String> allowHosts;
    private final Lookup lookup;

    public AddressPolicy(List<String> allowHosts) {
        this(allowHosts, InetAddress::getAllByName);
    }

    /** A policy that resolves host names with {@code lookup}, both when checking a URL and at connect time. */
    public AddressPolicy(List<String> allowHosts, Lookup lookup) {
        this.allowHosts = Set.copyOf(allowHosts);
        this.lookup = lookup;
    }

    /** The policy for a configured comma-separated list of allowed hosts (blank entries ignored, any case). */
    public static AddressPolicy allowing(String commaSeparatedHosts) {
        return new AddressPolicy(
                Arrays.stream(commaSeparatedHosts == null ? new String[0] : commaSeparatedHosts.split(","))
                        .map(String::trim)
                        .filter(h -> !h.isEmpty())
                        .map(h -> h.toLowerCase(Locale.ROOT))
                        .toList());
    }

    public boolean allowListed(String host) {
        return host != null && allowHosts.contains(stripBrackets(host).toLowerCase(Locale.ROOT));
    }

    /** Why {@code url} may not be a webhook URL, or empty when it may. */
    public Optional<String> refuse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an absolute https URL");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (allowListed(host)) {
            return Optional.empty();
        }
        if (scheme.equals("http")) {
            return Optional.of("must use https (plain http only to hosts the operator allow-listed)");
        }
        try {
            for (InetAddress a : lookup.addresses(stripBrackets(host))) {
                if (forbidden(a)) {
                    return Optional.of(
                            // Not which address: that would make the API an oracle of internal DNS.
                            "resolves to a private, loopback or link-local address");
                }
            }
        } catch (UnknownHostException e) {
            // Not resolvable now: it cannot be shown private, and every connection is checked again.
        }
        return Optional.empty();
    }

    /** Addresses no webhook may reach unless its host is allow-listed. */
    public static boolean forbidden(InetAddress a) {
        if (a.isAnyLocalAddress()
                || a.isLoopbackAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && (second & 0xc0) == 64) // carrier-grade NAT 100.64/10
                    || (first == 198 && (second & 0xfe) == 18) // benchmarking 198.18/15
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || first >= 240; // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            if (isEmbeddingIpv4(b)) {
                try {
                    return forbidden(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /** IPv4-compatible (::a.b.c.d), IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) addresses. */
    private static boolean isEmbeddingIpv4(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= b[i] == 0;
        }
        boolean compatOrMapped =
                zeros && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff));
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
        return compatOrMapped || nat64;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The HTTP client's resolver: resolves, then refuses forbidden addresses of hosts not allow-listed. */
    public SocketAddressResolver resolver(Executor executor) {
        return new SocketAddressResolver() {
            @Override
            public void resolve(
                    String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
                executor.execute(() -> {
                    try {
                        List<InetSocketAddress> out = new ArrayList<>();
                        for (InetAddress a : lookup.addresses(stripBrackets(host))) {
                            if (forbidden(a) && !allowListed(host)) {
                                promise.failed(new UnknownHostException("Refused: " + host + " resolves to a private, "
                                        + "loopback or link-local address (" + a.getHostAddress() + ")"));
                                return;
                            }
                            out.add(new InetSocketAddress(a, port));
                        }
                        promise.succeeded(out);
                    } catch (Exception e) {
                        promise.failed(e);
                    }
                });
            }
        };
    }
}
