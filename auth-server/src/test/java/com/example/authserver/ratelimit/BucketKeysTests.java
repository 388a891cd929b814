package com.example.authserver.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bucket ids: the same for the same group, limit and key on every instance; different when any of them differs. */
class BucketKeysTests {

    static final RateLimitProperties.Limit LIMIT = new RateLimitProperties.Limit(5, Duration.ofMinutes(10));

    @Test
    void theSameGroupLimitAndKeyGiveTheSameIdEveryTime() {
        long id = BucketKeys.id("SIGN_IN/per-account", LIMIT, "ALICE");

        assertThat(BucketKeys.id(
                        "SIGN_IN/per-account", new RateLimitProperties.Limit(5, Duration.ofMinutes(10)), "ALICE"))
                .isEqualTo(id);
    }

    @Test
    void eachPartMakesADifferentBucket() {
        Set<Long> ids = new HashSet<>();
        ids.add(BucketKeys.id("SIGN_IN/per-account", LIMIT, "ALICE"));
        ids.add(BucketKeys.id("SIGN_IN/per-ip", LIMIT, "ALICE"));
        ids.add(BucketKeys.id("SIGN_IN/per-account", LIMIT, "BOB"));
        ids.add(BucketKeys.id("SIGN_IN/per-account", LIMIT, "alice"));
        ids.add(BucketKeys.id(
                "SIGN_IN/per-account", new RateLimitProperties.Limit(6, Duration.ofMinutes(10)), "ALICE"));
        ids.add(BucketKeys.id(
                "SIGN_IN/per-account", new RateLimitProperties.Limit(5, Duration.ofMinutes(11)), "ALICE"));

        assertThat(ids).hasSize(6);
    }
}
