package com.docketwatch.scheduling;

import com.docketwatch.filings.FilingPartitions;
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
 * Hourly housekeeping: forgets idempotency keys older than a day, makes the docket's monthly partitions
 * ahead of time ({@link FilingPartitions#makeMonthsAhead}), and removes history older than its retention
 * period ({@link Retention}). One run at a time in the whole cluster.
 */
@DisallowConcurrentExecution
public final class MaintenanceJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceJob.class);
    private final Jdbi jdbi;
    private final FilingPartitions partitions;
    private final Retention retention;

    public MaintenanceJob(Jdbi jdbi, FilingPartitions partitions, Retention retention) {
        this.jdbi = jdbi;
        this.partitions = partitions;
        this.retention = retention;
    }

    @Override
    public void execute(JobExecutionContext context) {
        int expired = jdbi.inTransaction(h -> Daos.on(h, IdempotencyDao.class).expire());
        if (expired > 0) {
            LOG.info("Forgot {} idempotency keys older than 24 hours", expired);
        }
        try {
            int made = partitions.makeMonthsAhead();
            if (made > 0) {
                LOG.info("Made {} monthly partitions of the docket entries", made);
            }
        } catch (RuntimeException e) {
            // Months are made three ahead and entries of a month without one wait in the default partition:
            // the next run tries again, and retention goes on meanwhile.
            LOG.warn("Could not make the docket's monthly partitions ahead; next run tries again", e);
        }
        retention.prune();
    }
}
