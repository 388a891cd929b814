package com.example.authserver.ratelimit;

import com.example.authserver.identity.LookupNormalizer;
import com.example.authserver.security.ApplicationChainContribution;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) per client address and per account for sign-in, registration, password reset
 * requests and confirmation resends, limits from {@code authforge.account.rate-limits}. The buckets live in a
 * {@link BucketStore}: in the database, shared by every instance (PostgreSQL and MySQL projects), or in this
 * instance's memory (H2 projects); see {@link RateLimitStores}. The client address is the one Tomcat settled on
 * after the trusted proxies ({@code system/ForwardedHeaders}). {@link #filter()} is the servlet filter that
 * {@code security/ApplicationSecurity} puts in front of the form login.
 */
@Component
public class RateLimits implements ApplicationChainContribution {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private final RateLimitProperties properties;

    private final BucketStore buckets;

    RateLimits(RateLimitProperties properties, BucketStore buckets) {
        this.properties = properties;
        this.buckets = buckets;
    }

    /** The filter that answers 429 once a limit is reached, in front of the form login. */
    public Filter filter() {
        return new RateLimitFilter(this);
    }

    @Override
    public void configure(HttpSecurity http) {
        http.addFilterBefore(filter(), UsernamePasswordAuthenticationFilter.class);
    }

    /**
     * Counts a password check made elsewhere than the sign-in form (the password grant at the token endpoint) as a
     * sign-in attempt, in the sign-in form's buckets; empty if allowed, otherwise how long until the next is allowed.
     */
    public Optional<Duration> trySignInAttempt(String clientAddress, String login) {
        return tryAttempt(RateLimitedAction.SIGN_IN, clientAddress, login);
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
        ConsumptionProbe ip = tryConsume(action + "/per-ip", limits.getPerIp(), clientAddress);
        if (!ip.isConsumed()) { // an address past its limit makes no more account buckets, nor drains any
            log.info("Rate limit reached for {} (per address)", action);
            return Optional.of(Duration.ofNanos(ip.getNanosToWaitForRefill()));
        }
        ConsumptionProbe user = tryConsume(action + "/per-account", limits.getPerAccount(), accountKey);
        if (user.isConsumed()) {
            return Optional.empty();
        }
        log.info("Rate limit reached for {} (per account)", action);
        return Optional.of(Duration.ofNanos(user.getNanosToWaitForRefill()));
    }

    /**
     * Counts one request of a protocol feature against a limit of its own (a client's CIBA requests, say), keyed by
     * {@code key} within {@code group}; empty if allowed, otherwise how long until the next request is. Off with the
     * other limits ({@code authforge.account.rate-limits.enabled}).
     */
    public Optional<Duration> tryRequest(String group, RateLimitProperties.Limit limit, String key) {
        if (!properties.isEnabled()) {
            return Optional.empty();
        }
        ConsumptionProbe probe = tryConsume(group, limit, key);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        log.info("Rate limit reached for {}", group);
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private ConsumptionProbe tryConsume(String group, RateLimitProperties.Limit limit, String key) {
        return buckets.tryConsume(group, BucketKeys.id(group, limit, key), limit);
    }
}
