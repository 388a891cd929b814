package com.example.authserver.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in this instance's memory: with several instances each counts on its own (H2 projects, which run one
 * instance). At most {@code max-tracked-keys} per group: past that, buckets that are full again are dropped, and if
 * that is not enough, all of the group's (bounds the memory an attacker can make us use).
 */
final class MemoryBuckets implements BucketStore {

    private static final Logger log = LoggerFactory.getLogger(MemoryBuckets.class);

    private final Map<String, Map<Long, Tracked>> groups = new ConcurrentHashMap<>();

    private final int maxTrackedKeys;

    private final TimeMeter time;

    /** A bucket and its capacity, to tell when it is full again. */
    private record Tracked(Bucket bucket, long capacity) {

        boolean isFull() {
            return bucket.getAvailableTokens() >= capacity;
        }
    }

    MemoryBuckets(int maxTrackedKeys, Clock clock) {
        this.maxTrackedKeys = maxTrackedKeys;
        this.time = new ClockTimeMeter(clock);
    }

    @Override
    public ConsumptionProbe tryConsume(String group, long key, RateLimitProperties.Limit limit) {
        Map<Long, Tracked> buckets = groups.computeIfAbsent(group, name -> new ConcurrentHashMap<>());
        Tracked tracked = buckets.get(key);
        if (tracked == null) {
            forgetIdleBuckets(buckets);
            tracked = buckets.computeIfAbsent(
                    key,
                    newKey -> new Tracked(
                            Bucket.builder()
                                    .withCustomTimePrecision(time)
                                    .addLimit(limit.bandwidth())
                                    .build(),
                            limit.getAttempts()));
        }
        return tracked.bucket().tryConsumeAndReturnRemaining(1);
    }

    @Override
    public int purgeExpired() {
        int purged = 0;
        for (Map<Long, Tracked> buckets : groups.values()) {
            int before = buckets.size();
            buckets.values().removeIf(Tracked::isFull);
            purged += before - buckets.size();
        }
        return purged;
    }

    private void forgetIdleBuckets(Map<Long, Tracked> buckets) {
        if (buckets.size() < maxTrackedKeys) {
            return;
        }
        buckets.values().removeIf(Tracked::isFull);
        if (buckets.size() >= maxTrackedKeys) {
            log.warn("More than {} rate-limit keys are busy: forgetting them all", maxTrackedKeys);
            buckets.clear();
        }
    }
}
