package com.example.authserver.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.ManualClock;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Token buckets in memory, on a clock that moves only when told: 3 attempts per minute, one back every 20 seconds. */
class MemoryBucketsTests {

    static final RateLimitProperties.Limit LIMIT = new RateLimitProperties.Limit(3, Duration.ofMinutes(1));

    final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T10:00:00Z"));

    final MemoryBuckets buckets = new MemoryBuckets(100, clock);

    @Test
    void aNewBucketAllowsItsAttemptsAtOnceThenRefusesAndSaysHowLongToWait() {
        assertThat(take(1).getRemainingTokens()).isEqualTo(2);
        assertThat(take(1).getRemainingTokens()).isEqualTo(1);
        assertThat(take(1).getRemainingTokens()).isZero();

        ConsumptionProbe refused = take(1);

        assertThat(refused.isConsumed()).isFalse();
        assertThat(Duration.ofNanos(refused.getNanosToWaitForRefill())).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void attemptsComeBackGraduallyOverThePeriod() {
        drain(1);

        clock.advance(Duration.ofSeconds(20).minusNanos(1));
        assertThat(take(1).isConsumed()).isFalse();
        clock.advance(Duration.ofNanos(1));
        assertThat(take(1).isConsumed()).isTrue();
        assertThat(take(1).isConsumed()).isFalse();

        clock.advance(Duration.ofMinutes(5));
        assertThat(take(1).getRemainingTokens())
                .as("never more than the limit, however long the wait")
                .isEqualTo(2);
    }

    @Test
    void eachKeyAndEachGroupHasItsOwnBucket() {
        drain(1);

        assertThat(take(2).isConsumed()).isTrue();
        assertThat(buckets.tryConsume("other-group", 1, LIMIT).isConsumed()).isTrue();
        assertThat(take(1).isConsumed()).isFalse();
    }

    @Test
    void pastTheMostKeysTrackedBucketsFullAgainAreForgottenAndBusyOnesKept() {
        MemoryBuckets small = new MemoryBuckets(2, clock);
        small.tryConsume("group", 1, LIMIT);
        clock.advance(Duration.ofSeconds(20)); // bucket 1 full again
        for (int attempt = 0; attempt < 3; attempt++) {
            small.tryConsume("group", 2, LIMIT);
        }

        small.tryConsume("group", 3, LIMIT);

        assertThat(small.tryConsume("group", 2, LIMIT).isConsumed())
                .as("still counting")
                .isFalse();
        assertThat(small.purgeExpired()).as("1 was forgotten, 2 and 3 are busy").isZero();
    }

    @Test
    void aFloodOfBusyKeysMakesTheGroupForgetAllItsBucketsButNotOtherGroups() {
        MemoryBuckets small = new MemoryBuckets(2, clock);
        for (int attempt = 0; attempt < 3; attempt++) {
            small.tryConsume("group", 1, LIMIT);
            small.tryConsume("group", 2, LIMIT);
            small.tryConsume("other-group", 1, LIMIT);
        }

        small.tryConsume("group", 3, LIMIT);

        assertThat(small.tryConsume("group", 1, LIMIT).isConsumed())
                .as("forgotten: a new, full bucket")
                .isTrue();
        assertThat(small.tryConsume("other-group", 1, LIMIT).isConsumed()).isFalse();
    }

    @Test
    void thePurgeForgetsOnlyBucketsThatAreFullAgain() {
        take(1);
        drain(2);

        assertThat(buckets.purgeExpired()).isZero();
        clock.advance(Duration.ofSeconds(20));
        assertThat(buckets.purgeExpired()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(40));
        assertThat(buckets.purgeExpired()).isEqualTo(1);
        assertThat(buckets.purgeExpired()).isZero();
    }

    private ConsumptionProbe take(long key) {
        return buckets.tryConsume("group", key, LIMIT);
    }

    private void drain(long key) {
        while (take(key).isConsumed()) {
            // until refused
        }
    }
}
