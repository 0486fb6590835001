package com.docketwatch.operations;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import com.docketwatch.platform.db.Daos;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.component.LifeCycle;
import org.jdbi.v3.core.Jdbi;

/**
 * Liveness and readiness for orchestrators and load balancers, on the admin port:
 *
 * <ul>
 *   <li>{@code GET /health/live}: 200 unless the process is stuck (deadlocked threads). It never looks at
 *       the database: a database outage must not get every instance restarted.
 *   <li>{@code GET /health/ready}: 200 while this instance can serve the API: it has started (the schema
 *       migrations ran; before that the port is not even open), is not shutting down, and its
 *       database answers within two seconds. 503 otherwise.
 * </ul>
 *
 * {@code /healthcheck} stays what it was: every health check, including the scheduler's and the delivery
 * backlog's.
 */
final class Probes {
    private final HealthCheckRegistry checks;
    private final Jdbi jdbi;
    private final AtomicBoolean serving = new AtomicBoolean();

    Probes(HealthCheckRegistry checks, Jdbi jdbi) {
        this.checks = checks;
        this.jdbi = jdbi;
    }

    /** Ready from the server's start until its stop begins (then the load balancer drains it). */
    LifeCycle.Listener lifecycle() {
        return new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarted(LifeCycle event) {
                serving.set(true);
            }

            @Override
            public void lifeCycleStopping(LifeCycle event) {
                serving.set(false);
            }
        };
    }

    HttpServlet live() {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                HealthCheck.Result deadlocks = checks.runHealthCheck("deadlocks");
                answer(resp, deadlocks.isHealthy(), deadlocks.isHealthy() ? "live" : deadlocks.getMessage());
            }
        };
    }

    HttpServlet ready() {
        return new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                if (!serving.get()) {
                    answer(resp, false, "not serving (starting or shutting down)");
                    return;
                }
                String database = database();
                answer(resp, database == null, database == null ? "ready" : database);
            }
        };
    }

    /** Null when the database answers; otherwise why not. */
    private String database() {
        try {
            jdbi.useHandle(h -> Daos.on(h, OperationsDao.class).ping());
            return null;
        } catch (RuntimeException e) {
            return "database unreachable";
        }
    }

    private static void answer(HttpServletResponse resp, boolean ok, String status) throws IOException {
        resp.setStatus(ok ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream()
                .write(("{\"status\":\"" + status.replace("\"", "'") + "\"}\n").getBytes(StandardCharsets.UTF_8));
    }
}
