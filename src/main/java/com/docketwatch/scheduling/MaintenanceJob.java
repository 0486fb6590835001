package com.docketwatch.scheduling;

import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.web.IdempotencyDao;
import com.docketwatch.retention.Retention;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hourly housekeeping: forgets idempotency keys older than a day, and removes history older than its
 * retention period ({@link Retention}). One run at a time in the whole cluster.
 */
@DisallowConcurrentExecution
public final class MaintenanceJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceJob.class);
    private final Jdbi jdbi;
    private final Retention retention;

    public MaintenanceJob(Jdbi jdbi, Retention retention) {
        this.jdbi = jdbi;
        this.retention = retention;
    }

    @Override
    public void execute(JobExecutionContext context) {
        int expired = jdbi.inTransaction(h -> Daos.on(h, IdempotencyDao.class).expire());
        if (expired > 0) {
            LOG.info("Forgot {} idempotency keys older than 24 hours", expired);
        }
        retention.prune();
    }
}
