package com.example.authserver.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Every {@code authforge.account.rate-limits.cleanup-interval}, forgets the buckets that are full again, so that
 * keys used once (an address, a mistyped user name) do not pile up in the table or in memory.
 */
class BucketCleanup implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(BucketCleanup.class);

    private final BucketStore store;

    private final RateLimitProperties properties;

    BucketCleanup(BucketStore store, RateLimitProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(
                new FixedDelayTask(this::purge, properties.getCleanupInterval(), properties.getCleanupInterval()));
    }

    int purge() {
        int purged = store.purgeExpired();
        if (purged > 0) {
            log.debug("Rate-limit clean-up: forgot {} idle buckets", purged);
        }
        return purged;
    }
}
