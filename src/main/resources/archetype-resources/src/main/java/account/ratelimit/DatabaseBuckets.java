package ${package}.account.ratelimit;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

import ${package}.authorization.JobLock;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * Buckets in table {@code rate_limit_buckets} (db/migration/&lt;vendor&gt;/identity), shared by every instance on the
 * database, so N instances do not give an attacker N times the attempts. Bucket4j's JDBC module reads and writes a
 * bucket in one transaction that locks its row ({@code select ... for update}), with the application clock's time,
 * so tests can move it. Each row records in {@code expires_at} (epoch milliseconds, the
 * same clock) when the bucket is full again; {@link #purgeExpired()} deletes those rows in batches, on one instance at
 * a time. Deleting a full bucket changes nothing: a new one starts full.
 */
final class DatabaseBuckets implements BucketStore {

    static final String TABLE = "rate_limit_buckets";

    private static final int BATCH_SIZE = 1000;

    private final ProxyManager<Long> buckets;

    private final JdbcOperations jdbc;

    private final JobLock lock;

    private final Duration cleanupInterval;

    private final Clock clock;

    DatabaseBuckets(BucketTable table, DataSource dataSource, JdbcOperations jdbc, Duration cleanupInterval,
            Clock clock) {
        this.buckets = table.proxyManagerBuilder(dataSource).table(TABLE).idColumn("id").stateColumn("state")
                .expiresAtColumn("expires_at").clientClock(new ClockTimeMeter(clock))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        this.jdbc = jdbc;
        this.lock = new JobLock(jdbc, "rate-limit-cleanup");
        this.cleanupInterval = cleanupInterval;
        this.clock = clock;
    }

    @Override
    public ConsumptionProbe tryConsume(String group, long key, RateLimitProperties.Limit limit) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.getAttempts())
                        .refillGreedy(limit.getAttempts(), limit.getPeriod()))
                .build();
        return buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
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
            int total = 0;
            int deleted;
            do {
                deleted = deleteBatch(now.toEpochMilli());
                total += deleted;
            }
            while (deleted == BATCH_SIZE && clock.instant().isBefore(leaseEnd));
            return total;
        }
        finally {
            lock.release();
        }
    }

    /**
     * The ids of one batch through the {@code expires_at} index, then a delete by id that checks {@code expires_at}
     * again (a bucket used since the select stays): the same statements on every vendor.
     */
    private int deleteBatch(long cutoff) {
        List<Long> ids = jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "select id from " + TABLE + " where expires_at < ? order by expires_at");
            statement.setLong(1, cutoff);
            statement.setMaxRows(BATCH_SIZE);
            return statement;
        }, (row, rowNumber) -> row.getLong(1));
        if (ids.isEmpty()) {
            return 0;
        }
        List<Object> parameters = new ArrayList<>(ids);
        parameters.add(cutoff);
        return jdbc.update("delete from " + TABLE + " where id in ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") and expires_at < ?",
                parameters.toArray());
    }
}
