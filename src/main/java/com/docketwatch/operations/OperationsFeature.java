package com.docketwatch.operations;

import com.codahale.metrics.MetricFilter;
import com.docketwatch.scheduling.QuartzScheduler;
import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import org.jdbi.v3.core.Jdbi;
import org.quartz.Scheduler;
import org.quartz.impl.SchedulerRepository;

/**
 * Running the service in production: Prometheus metrics ({@code /metrics/prometheus}) and the
 * liveness and readiness probes ({@code /health/live}, {@code /health/ready}) on the admin port, and a
 * request id on every API request (its logs, its answer). Installed after the scheduler (it listens to
 * its jobs). See docs/deploy.md.
 */
public final class OperationsFeature {
    public static final String PROMETHEUS_PATH = "/metrics/prometheus";

    private OperationsFeature() {}

    public static void install(Environment env, Jdbi jdbi, Clock clock) {
        PrometheusRegistry registry = new PrometheusRegistry();
        JvmMetrics.builder().register(registry);
        // Dropwizard's registry: Jetty's request and response meters, the connection pool, the SQL
        // timers, the delivery outcomes. Its JVM gauges are left to the Prometheus client's (the names
        // dashboards expect), its delivery-backlog gauge (a query per read) to the cached domain gauges.
        DropwizardExports.builder()
                .dropwizardRegistry(env.metrics())
                .metricFilter(bridged())
                .register(registry);
        RouteMetrics routes = new RouteMetrics(registry);
        env.jersey().register(routes);
        registry.register(new DomainMetrics(jdbi, clock, routes::longPolls));
        new QuartzMetrics(registry).listenTo(scheduler());
        env.admin()
                .addServlet("prometheus", new PrometheusMetricsServlet(registry))
                .addMapping(PROMETHEUS_PATH);

        Probes probes = new Probes(env.healthChecks(), jdbi);
        env.lifecycle().addEventListener(probes.lifecycle());
        env.admin().addServlet("live", probes.live()).addMapping("/health/live");
        env.admin().addServlet("ready", probes.ready()).addMapping("/health/ready");

        env.servlets()
                .addFilter("request-id", new RequestIds())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }

    static MetricFilter bridged() {
        return (name, metric) -> !name.startsWith("jvm.") && !name.equals("alerts.backlog.age-seconds");
    }

    private static Scheduler scheduler() {
        Scheduler scheduler = SchedulerRepository.getInstance().lookup(QuartzScheduler.NAME);
        if (scheduler == null) {
            throw new IllegalStateException("install operations after the scheduler (Jobs.install)");
        }
        return scheduler;
    }
}
