package com.docketwatch.scheduling;

import io.dropwizard.lifecycle.Managed;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz 2.5 on the service's own PostgreSQL: JobStoreTX with the PostgreSQL delegate, clustered
 * ({@code instanceId=AUTO}, triggers acquired within the cluster lock), its tables created by a
 * Flyway migration from Quartz's own DDL. Started and stopped with the service.
 */
public final class QuartzScheduler implements Managed {
    public static final String NAME = "docketwatch";
    private final Scheduler scheduler;

    public QuartzScheduler(DataSource dataSource, int threads, Map<Class<? extends Job>, Supplier<Job>> jobs) {
        String dsName = "docketwatch-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dsName, new PooledConnections(dataSource));
        Properties p = new Properties();
        p.put("org.quartz.scheduler.instanceName", NAME);
        p.put("org.quartz.scheduler.instanceId", "AUTO");
        p.put("org.quartz.scheduler.skipUpdateCheck", "true");
        p.put("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.put("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.put("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.put("org.quartz.jobStore.dataSource", dsName);
        p.put("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.put("org.quartz.jobStore.isClustered", "true");
        p.put("org.quartz.jobStore.clusterCheckinInterval", "5000");
        p.put("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.put("org.quartz.jobStore.misfireThreshold", "5000");
        p.put("org.quartz.jobStore.useProperties", "true");
        try {
            StdSchedulerFactory factory = new StdSchedulerFactory(p);
            this.scheduler = factory.getScheduler();
            scheduler.setJobFactory(jobFactory(jobs));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not create the Quartz scheduler", e);
        }
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void start() throws SchedulerException {
        scheduler.start();
    }

    @Override
    public void stop() throws SchedulerException {
        scheduler.shutdown(true);
    }

    private static JobFactory jobFactory(Map<Class<? extends Job>, Supplier<Job>> jobs) {
        return (bundle, sched) -> {
            Supplier<Job> supplier = jobs.get(bundle.getJobDetail().getJobClass());
            if (supplier == null) {
                throw new SchedulerException(
                        "No factory for job class " + bundle.getJobDetail().getJobClass());
            }
            return supplier.get();
        };
    }

    /** Quartz borrows connections from the service's pool. */
    private record PooledConnections(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool is the service's; Dropwizard closes it
        }

        @Override
        public void initialize() {
            // nothing to set up
        }
    }
}
