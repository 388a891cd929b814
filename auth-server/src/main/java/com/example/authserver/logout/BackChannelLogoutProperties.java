package com.example.authserver.logout;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Delivery of logout tokens, {@code authforge.logout.back-channel}. */
@ConfigurationProperties("authforge.logout.back-channel")
public class BackChannelLogoutProperties {

    /** How often each instance looks for deliveries that are due (a new one starts at once on its own instance). */
    private Duration pollingInterval = Duration.ofSeconds(2);

    /** The wait before the first retry of a failed delivery; it doubles with each further failure. */
    private Duration firstRetry = Duration.ofSeconds(2);

    /** Attempts per delivery before it is given up (and logged as a warning). */
    private int maxAttempts = 8;

    /** How long the server waits for a client's answer. */
    private Duration timeout = Duration.ofSeconds(5);

    /** How long a logout token is valid (its exp); short, as the specification recommends. */
    private Duration tokenLifetime = Duration.ofMinutes(2);

    public Duration getPollingInterval() {
        return pollingInterval;
    }

    public void setPollingInterval(Duration pollingInterval) {
        this.pollingInterval = pollingInterval;
    }

    public Duration getFirstRetry() {
        return firstRetry;
    }

    public void setFirstRetry(Duration firstRetry) {
        this.firstRetry = firstRetry;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getTokenLifetime() {
        return tokenLifetime;
    }

    public void setTokenLifetime(Duration tokenLifetime) {
        this.tokenLifetime = tokenLifetime;
    }
}
