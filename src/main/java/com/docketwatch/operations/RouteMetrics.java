package com.docketwatch.operations;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Request rates and latencies per resource: every request Jersey answers is timed under its method,
 * its route template ({@code /api/v1/cases/{id}}, never the ids themselves) and its status. Long polls
 * of the change feed in progress are counted as they start and end.
 */
@Provider
final class RouteMetrics implements ApplicationEventListener {
    static final String CHANGE_FEED = "/api/v1/events";
    /** Compiled once: {@code String.replaceAll} compiled it again for every request. */
    private static final Pattern SLASHES = Pattern.compile("/{2,}");

    private final Histogram requests;
    private final AtomicInteger longPolls = new AtomicInteger();

    RouteMetrics(PrometheusRegistry registry) {
        this.requests = Histogram.builder()
                .name("docketwatch_http_requests_seconds")
                .help("API requests by method, route template and status: count, and latency in seconds")
                .labelNames("method", "route", "status")
                .classicOnly()
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 90)
                .register(registry);
    }

    int longPolls() {
        return longPolls.get();
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // nothing to do at application level
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        return new Timing(System.nanoTime());
    }

    private final class Timing implements RequestEventListener {
        private final long started;
        private boolean longPoll;

        Timing(long started) {
            this.started = started;
        }

        @Override
        public void onEvent(RequestEvent event) {
            if (event.getType() == RequestEvent.Type.RESOURCE_METHOD_START && isLongPoll(event)) {
                longPoll = true;
                longPolls.incrementAndGet();
            } else if (event.getType() == RequestEvent.Type.FINISHED) {
                if (longPoll) {
                    longPolls.decrementAndGet();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                requests.labelValues(event.getContainerRequest().getMethod(), route(event.getUriInfo()), status(event))
                        .observe(seconds);
            }
        }
    }

    private static boolean isLongPoll(RequestEvent event) {
        String wait = event.getUriInfo().getQueryParameters().getFirst("wait");
        return wait != null && CHANGE_FEED.equals(route(event.getUriInfo()));
    }

    /** The matched templates joined outermost first; "unmatched" when no resource matched (a 404). */
    static String route(ExtendedUriInfo uri) {
        return route(uri.getMatchedTemplates());
    }

    static String route(List<UriTemplate> templates) {
        if (templates.isEmpty()) {
            return "unmatched";
        }
        StringBuilder path = new StringBuilder();
        for (int i = templates.size() - 1; i >= 0; i--) {
            String t = templates.get(i).getTemplate();
            if (!t.startsWith("/")) {
                path.append('/');
            }
            path.append(t);
        }
        String route = SLASHES.matcher(path).replaceAll("/");
        return route.length() > 1 && route.endsWith("/") ? route.substring(0, route.length() - 1) : route;
    }

    private static String status(RequestEvent event) {
        ContainerResponse response = event.getContainerResponse();
        if (response != null) {
            return Integer.toString(response.getStatus());
        }
        return Integer.toString(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode());
    }
}
