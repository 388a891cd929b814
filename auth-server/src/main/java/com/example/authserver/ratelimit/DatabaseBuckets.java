package com.example.authserver.ratelimit;

import com.example.authserver.authorization.ExpiredRows;
import com.example.authserver.authorization.JobLock;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Buckets in table {@code rate_limit_buckets} (db/migration/&lt;vendor&gt;/sessions), shared by every instance on the
 * database, so N instances do not give an attacker N times the attempts. Bucket4j's JDBC module reads and writes a
 * bucket in one transaction that locks its row ({@code select ... for update}), with the application clock's time,
 * so tests can move it. Each row records in {@code expires_at} (epoch milliseconds, the
 * same clock) when the bucket is full again; {@link #purgeExpired()} deletes those rows in batches
 * ({@link ExpiredRows}), on one instance at a time. Deleting a full bucket changes nothing: a new one starts full.
 */
final class DatabaseBuckets implements BucketStore {

    static final String TABLE = "rate_limit_buckets";

    private static final int BATCH_SIZE = 1000;

    private final ProxyManager<Long> buckets;

    private final ExpiredRows expired;

    private final JobLock lock;

    private final Duration cleanupInterval;

    private final Clock clock;

    DatabaseBuckets(
            BucketTable table, DataSource dataSource, JdbcOperations jdbc, Duration cleanupInterval, Clock clock) {
        this.buckets = table.proxyManagerBuilder(dataSource)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .clientClock(new ClockTimeMeter(clock))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        this.expired = ExpiredRows.inEpochMillis(jdbc, TABLE, "id");
        this.lock = new JobLock(jdbc, "rate-limit-cleanup");
        this.cleanupInterval = cleanupInterval;
        this.clock = clock;
    }

    @Override
    public ConsumptionProbe tryConsume(String group, long key, RateLimitProperties.Limit limit) {
        return buckets.builder()
                .build(
                        key,
                        () -> BucketConfiguration.builder()
                                .addLimit(limit.bandwidth())
                                .build())
                .tryConsumeAndReturnRemaining(1);
    }

    /** Deletes the expired rows, a batch at a time, unless another instance is at it; returns how many. */
    @Override
    public int purgeExpired() {
        Instant now = clock.instant();
        Instant leaseEnd = now.plus(cleanupInterval);
        if (!lock.tryAcquire(now, leaseEnd)) {
            return 0;
        }
        try {
            return expired.deleteAll(now, BATCH_SIZE, leaseEnd, clock).rows();
        } finally {
            lock.release();
        }
    }
}
