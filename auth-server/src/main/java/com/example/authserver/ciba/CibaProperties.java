package com.example.authserver.ciba;

import com.example.authserver.ratelimit.RateLimitProperties;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** CIBA requests ({@code authforge.ciba}): how long they wait for the user, how often clients may poll and start them. */
@ConfigurationProperties("authforge.ciba")
public class CibaProperties {

    /** How long a request waits for the user when the client asks for no {@code requested_expiry}. */
    private Duration lifetime = Duration.ofMinutes(5);

    /** The longest {@code requested_expiry} a client may ask for; longer requests are refused. */
    private Duration maxLifetime = Duration.ofMinutes(30);

    /** How long a client must wait between two polls of the token endpoint ({@code interval}). */
    private Duration interval = Duration.ofSeconds(5);

    /**
     * Backchannel authentication requests per client (each asks about a user: the limit bounds how fast a client can
     * find out which accounts exist, and how many emails it can make the server send).
     */
    private final RateLimitProperties.Limit rateLimit = new RateLimitProperties.Limit(30, Duration.ofMinutes(1));

    public Duration getLifetime() {
        return lifetime;
    }

    public void setLifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    public Duration getMaxLifetime() {
        return maxLifetime;
    }

    public void setMaxLifetime(Duration maxLifetime) {
        this.maxLifetime = maxLifetime;
    }

    public Duration getInterval() {
        return interval;
    }

    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    public RateLimitProperties.Limit getRateLimit() {
        return rateLimit;
    }
}
