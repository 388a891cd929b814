package com.example.authserver.dpop;

import com.example.authserver.authorization.ExpiredRows;
import com.example.authserver.authorization.JobLock;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Every {@code authforge.dpop.cleanup-interval}, deletes the remembered proofs that are too old to be accepted again
 * anyway, in batches, on one instance at a time (a {@link JobLock}), as the authorization clean-up does.
 */
class UsedProofsCleanup implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(UsedProofsCleanup.class);

    private static final int BATCH_SIZE = 1000;

    private final JobLock lock;

    private final ExpiredRows usedProofs;

    private final DPoPProperties properties;

    private final Clock clock;

    UsedProofsCleanup(JdbcOperations jdbc, DPoPProperties properties, Clock clock) {
        this.lock = new JobLock(jdbc, "dpop-proof-cleanup");
        this.usedProofs = ExpiredRows.inEpochMillis(jdbc, UsedProofs.TABLE, "jti_hash");
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(
                new FixedDelayTask(this::purge, properties.getCleanupInterval(), properties.getCleanupInterval()));
    }

    /** Rows deleted, or -1 when another instance held the lock. */
    int purge() {
        Instant now = clock.instant();
        Instant leaseEnd = now.plus(properties.getCleanupInterval());
        if (!lock.tryAcquire(now, leaseEnd)) {
            return -1;
        }
        try {
            int purged = usedProofs.deleteAll(now, BATCH_SIZE, leaseEnd, clock).rows();
            if (purged > 0) {
                log.debug("DPoP clean-up: forgot {} used proofs", purged);
            }
            return purged;
        } finally {
            lock.release();
        }
    }
}
