package com.example.authserver.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestClock;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Buckets used once (an address, a mistyped name) do not pile up: the clean-up forgets those full again, by the
 * application clock, in the store the project uses (the table on PostgreSQL and MySQL, memory on H2).
 */
@ServerTest
class BucketCleanupTests {

    static final RateLimitProperties.Limit LIMIT = new RateLimitProperties.Limit(3, Duration.ofMinutes(1));

    @Autowired
    BucketStore store;

    @Autowired
    BucketCleanup cleanup;

    @Autowired
    RateLimitProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theTableKeepsBucketsInUseAndForgetsThoseFullAgain() {
        assumeTrue(
                properties.getStore() == RateLimitProperties.Store.DATABASE,
                "the buckets are in memory in this project (H2): see the test below");
        long used = BucketKeys.id("test/cleanup", LIMIT, UUID.randomUUID().toString());
        store.tryConsume("test/cleanup", used, LIMIT);

        cleanup.purge();
        assertThat(rows(used)).as("kept: still counting").isEqualTo(1);
        clock.advance(LIMIT.getPeriod().plusSeconds(1));
        cleanup.purge();

        assertThat(rows(used)).as("full again, forgotten").isZero();
        ConsumptionProbe afresh = store.tryConsume("test/cleanup", used, LIMIT);
        assertThat(afresh.getRemainingTokens())
                .as("a forgotten bucket starts full")
                .isEqualTo(LIMIT.getAttempts() - 1);
    }

    @Test
    void memoryKeepsBucketsInUseAndForgetsThoseFullAgain() {
        TestClock ownClock = new TestClock();
        MemoryBuckets memory = new MemoryBuckets(100, ownClock);
        memory.tryConsume("test/cleanup", 1, LIMIT);
        memory.tryConsume("test/cleanup", 2, LIMIT);
        memory.tryConsume("test/cleanup", 2, LIMIT);

        assertThat(memory.purgeExpired()).as("both in use").isZero();
        ownClock.advance(Duration.ofSeconds(25)); // one attempt back: bucket 1 full again, bucket 2 not yet
        assertThat(memory.purgeExpired()).isEqualTo(1);
        ownClock.advance(LIMIT.getPeriod());
        assertThat(memory.purgeExpired()).isEqualTo(1);
    }

    @Test
    void aBucketIdIsEightBytesWhateverTheKey() {
        String huge = "x".repeat(100_000);

        assertThat(BucketKeys.id("SIGN_IN/per-account", LIMIT, huge))
                .isEqualTo(BucketKeys.id("SIGN_IN/per-account", LIMIT, huge))
                .isNotEqualTo(BucketKeys.id("SIGN_IN/per-account", LIMIT, huge + "y"))
                .isNotEqualTo(BucketKeys.id("SIGN_IN/per-ip", LIMIT, huge))
                .as("a changed limit starts a new bucket")
                .isNotEqualTo(BucketKeys.id(
                        "SIGN_IN/per-account", new RateLimitProperties.Limit(4, LIMIT.getPeriod()), huge));
    }

    private int rows(long id) {
        return jdbc.queryForObject(
                "select count(*) from " + DatabaseBuckets.TABLE + " where id = ?", Integer.class, id);
    }
}
