package com.example.authserver.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/**
 * Where the token buckets live ({@code authforge.account.rate-limits.store}, chosen in {@link RateLimitStores}): this
 * instance's memory ({@link MemoryBuckets}) or a table every instance shares ({@link DatabaseBuckets}).
 */
interface BucketStore {

    /**
     * Takes one token from the bucket {@code key} of {@code group} (one action and dimension, such as sign-in per
     * address), a new bucket starting full with {@code limit}.
     */
    ConsumptionProbe tryConsume(String group, long key, RateLimitProperties.Limit limit);

    /** Forgets the buckets that are full again (as good as new); returns how many. Run by {@link BucketCleanup}. */
    int purgeExpired();
}
