package com.example.authserver.authorization;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Purges authorizations whose every token has expired or been revoked (their {@code expires_at} has passed), and
 * the records of rotated refresh tokens past their own expiry, in batches of {@code batch-size} rows, every
 * {@code interval} ({@code authforge.authorizations.cleanup} in application.yml). Consents are not touched.
 * With several server instances on one database, one purges at a time (a {@link JobLock}).
 * <p>
 * The schedule is registered from {@link CleanupProperties} rather than with {@code @Scheduled} and a property
 * placeholder, so the interval has one default, in one place.
 */
class AuthorizationCleanup implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationCleanup.class);

    private final JobLock lock;

    private final ExpiredRows authorizations;

    private final ExpiredRows rotatedRefreshTokens;

    private final CleanupProperties properties;

    private final Clock clock;

    AuthorizationCleanup(JdbcOperations jdbc, CleanupProperties properties, Clock clock) {
        this.lock = new JobLock(jdbc, "authorization-cleanup");
        this.authorizations = new ExpiredRows(jdbc, "oauth2_authorization", "id");
        this.rotatedRefreshTokens = new ExpiredRows(jdbc, "oauth2_rotated_refresh_token", "token_hash");
        this.properties = properties;
        this.clock = clock;
    }

    /** What one run did: nothing if another instance held the lock. */
    record Result(boolean ran, ExpiredRows.Purged authorizations, ExpiredRows.Purged rotatedRefreshTokens) {}

    /** Every {@code interval}, the first time one interval after start-up. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::purge, properties.interval(), properties.interval()));
    }

    Result purge() {
        Instant now = clock.instant();
        Instant leaseEnd = now.plus(properties.interval());
        if (!lock.tryAcquire(now, leaseEnd)) {
            log.debug("Authorization clean-up skipped: another instance is running it");
            return new Result(false, new ExpiredRows.Purged(0, 0), new ExpiredRows.Purged(0, 0));
        }
        try {
            ExpiredRows.Purged purgedAuthorizations =
                    authorizations.deleteAll(now, properties.batchSize(), leaseEnd, clock);
            ExpiredRows.Purged purgedRotated =
                    rotatedRefreshTokens.deleteAll(now, properties.batchSize(), leaseEnd, clock);
            if (purgedAuthorizations.rows() + purgedRotated.rows() > 0) {
                log.info(
                        "Authorization clean-up: purged {} authorizations and {} rotated refresh tokens",
                        purgedAuthorizations.rows(),
                        purgedRotated.rows());
            }
            return new Result(true, purgedAuthorizations, purgedRotated);
        } finally {
            lock.release();
        }
    }
}
