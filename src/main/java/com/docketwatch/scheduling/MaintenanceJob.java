package com.docketwatch.scheduling;

import com.docketwatch.platform.db.Daos;
import com.docketwatch.platform.web.IdempotencyDao;
import org.jdbi.v3.core.Jdbi;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hourly housekeeping: forgets idempotency keys older than a day. */
@DisallowConcurrentExecution
public final class MaintenanceJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceJob.class);
    private final Jdbi jdbi;

    public MaintenanceJob(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void execute(JobExecutionContext context) {
        int expired = jdbi.inTransaction(h -> Daos.on(h, IdempotencyDao.class).expire());
        if (expired > 0) {
            LOG.info("Forgot {} idempotency keys older than 24 hours", expired);
        }
    }
}
