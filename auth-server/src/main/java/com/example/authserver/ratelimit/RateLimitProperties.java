package com.example.authserver.ratelimit;

import io.github.bucket4j.Bandwidth;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often a client address ({@code per-ip}) and an account ({@code per-account}: the user name or
 * email address typed in) may try each rate-limited action, under {@code authforge.account.rate-limits}.
 * Each limit allows {@code attempts} in any {@code period}, refilled gradually.
 */
@ConfigurationProperties("authforge.account.rate-limits")
public class RateLimitProperties {

    /** Off: no limits at all (lockout still counts failed passwords). */
    private boolean enabled = true;

    /**
     * Where the attempts are counted: {@code database} (table rate_limit_buckets, shared by every instance; PostgreSQL
     * and MySQL projects) or {@code memory} (each instance counts on its own; H2 projects).
     */
    private Store store = Store.MEMORY;

    /** How often buckets that are full again are forgotten (deleted from the table, or from memory). */
    private Duration cleanupInterval = Duration.ofHours(1);

    /**
     * Keys tracked per limit in memory before idle ones are forgotten (bounds the memory an attacker can make us
     * use).
     */
    private int maxTrackedKeys = 100_000;

    /** POST /login, keyed by the user name typed. */
    private final Action signIn =
            new Action(new Limit(100, Duration.ofMinutes(10)), new Limit(20, Duration.ofMinutes(10)));

    /** POST /account/register, keyed by the email address typed. */
    private final Action registration =
            new Action(new Limit(10, Duration.ofHours(1)), new Limit(3, Duration.ofHours(1)));

    /** POST /account/forgot-password, keyed by the email address typed. */
    private final Action passwordReset =
            new Action(new Limit(10, Duration.ofHours(1)), new Limit(3, Duration.ofHours(1)));

    /** POST /account/resend-confirmation, keyed by the email address typed. */
    private final Action confirmationResend =
            new Action(new Limit(10, Duration.ofHours(1)), new Limit(3, Duration.ofHours(1)));

    /**
     * POST of a second-factor code (sign-in and enabling two-factor), keyed by the user the code is for.
     * Wrong codes also count towards lockout.
     */
    private final Action codeVerification =
            new Action(new Limit(50, Duration.ofMinutes(10)), new Limit(10, Duration.ofMinutes(10)));

    /**
     * POST /activate (device flow), keyed by the user code typed: a device's code lives minutes, so few guesses get
     * anywhere near one of the 20^8 codes.
     */
    private final Action userCode =
            new Action(new Limit(30, Duration.ofMinutes(10)), new Limit(10, Duration.ofMinutes(10)));

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Store getStore() {
        return store;
    }

    public void setStore(Store store) {
        this.store = store;
    }

    public Duration getCleanupInterval() {
        return cleanupInterval;
    }

    public void setCleanupInterval(Duration cleanupInterval) {
        this.cleanupInterval = cleanupInterval;
    }

    public int getMaxTrackedKeys() {
        return maxTrackedKeys;
    }

    public void setMaxTrackedKeys(int maxTrackedKeys) {
        this.maxTrackedKeys = maxTrackedKeys;
    }

    public Action getSignIn() {
        return signIn;
    }

    public Action getRegistration() {
        return registration;
    }

    public Action getPasswordReset() {
        return passwordReset;
    }

    public Action getConfirmationResend() {
        return confirmationResend;
    }

    public Action getCodeVerification() {
        return codeVerification;
    }

    public Action getUserCode() {
        return userCode;
    }

    /** Where the buckets live (see {@link RateLimitStores}). */
    public enum Store {
        MEMORY,
        DATABASE
    }

    /** The two limits of one action. */
    public static class Action {

        /** Attempts per client address (behind a proxy: see authforge.trusted-proxies). */
        private final Limit perIp;

        /** Attempts per user name or email address typed (for codes: per user the code is for). */
        private final Limit perAccount;

        Action(Limit perIp, Limit perAccount) {
            this.perIp = perIp;
            this.perAccount = perAccount;
        }

        public Limit getPerIp() {
            return perIp;
        }

        public Limit getPerAccount() {
            return perAccount;
        }
    }

    /** At most {@code attempts} in any {@code period}. */
    public static class Limit {

        /** How many attempts, at once or spread over the period. */
        private int attempts;

        /** The period over which the attempts come back, evenly. */
        private Duration period;

        public Limit(int attempts, Duration period) {
            this.attempts = attempts;
            this.period = period;
        }

        public int getAttempts() {
            return attempts;
        }

        public void setAttempts(int attempts) {
            this.attempts = attempts;
        }

        public Duration getPeriod() {
            return period;
        }

        public void setPeriod(Duration period) {
            this.period = period;
        }

        /** The limit as a token bucket: {@code attempts} at once, refilled evenly over {@code period}. */
        Bandwidth bandwidth() {
            return Bandwidth.builder()
                    .capacity(attempts)
                    .refillGreedy(attempts, period)
                    .build();
        }
    }
}
