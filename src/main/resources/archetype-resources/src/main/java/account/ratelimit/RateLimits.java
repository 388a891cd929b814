package ${package}.account.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.Filter;

import ${package}.identity.LookupNormalizer;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) per client address and per account for sign-in, registration, password reset
 * requests and confirmation resends, limits from {@code authforge.account.rate-limits}. The buckets live
 * in this instance's memory: with several instances each counts on its own (a shared store, such as
 * Bucket4j's JDBC or Redis back ends, would make the limits global). {@link #filter()} is the servlet
 * filter that {@code security/ApplicationSecurity} puts in front of the form login.
 */
@Component
public class RateLimits {

    /** The session attribute naming the user a sign-in in progress is about (set between password and code). */
    public static final String ACCOUNT_ATTRIBUTE = RateLimits.class.getName() + ".ACCOUNT";

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private final RateLimitProperties properties;

    private final TimeMeter time;

    private final Map<RateLimitedAction, Map<String, Bucket>> perIp = new EnumMap<>(RateLimitedAction.class);

    private final Map<RateLimitedAction, Map<String, Bucket>> perAccount = new EnumMap<>(RateLimitedAction.class);

    RateLimits(RateLimitProperties properties, Clock clock) {
        this.properties = properties;
        this.time = new ClockTimeMeter(clock);
        for (RateLimitedAction action : RateLimitedAction.values()) {
            perIp.put(action, new ConcurrentHashMap<>());
            perAccount.put(action, new ConcurrentHashMap<>());
        }
    }

    /** The filter that answers 429 once a limit is reached. */
    public Filter filter() {
        return new RateLimitFilter(this);
    }

    /**
     * Counts one attempt from the address for the account; empty if allowed, otherwise how long until the
     * next attempt is allowed.
     */
    Optional<Duration> tryAttempt(RateLimitedAction action, String clientAddress, String account) {
        if (!properties.isEnabled()) {
            return Optional.empty();
        }
        RateLimitProperties.Action limits = action.limits.apply(properties);
        String accountKey = account == null ? "" : LookupNormalizer.normalizeName(account);
        ConsumptionProbe ip = bucket(perIp.get(action), clientAddress, limits.getPerIp()).tryConsumeAndReturnRemaining(1);
        ConsumptionProbe user = bucket(perAccount.get(action), accountKey, limits.getPerAccount())
                .tryConsumeAndReturnRemaining(1);
        if (ip.isConsumed() && user.isConsumed()) {
            return Optional.empty();
        }
        long waitNanos = Math.max(ip.getNanosToWaitForRefill(), user.getNanosToWaitForRefill());
        log.info("Rate limit reached for {} ({})", action, ip.isConsumed() ? "per account" : "per address");
        return Optional.of(Duration.ofNanos(waitNanos));
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, RateLimitProperties.Limit limit) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            forgetIdleBuckets(buckets, limit);
            bucket = buckets.computeIfAbsent(key, newKey -> Bucket.builder().withCustomTimePrecision(time)
                    .addLimit(bandwidth -> bandwidth.capacity(limit.getAttempts())
                            .refillGreedy(limit.getAttempts(), limit.getPeriod()))
                    .build());
        }
        return bucket;
    }

    /** Past the limit of tracked keys, buckets that are full again are dropped; if that is not enough, all are. */
    private void forgetIdleBuckets(Map<String, Bucket> buckets, RateLimitProperties.Limit limit) {
        if (buckets.size() < properties.getMaxTrackedKeys()) {
            return;
        }
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= limit.getAttempts());
        if (buckets.size() >= properties.getMaxTrackedKeys()) {
            log.warn("More than {} rate-limit keys are busy: forgetting them all", properties.getMaxTrackedKeys());
            buckets.clear();
        }
    }

    /** Bucket4j's time from the application clock, so that tests can move it forward. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
