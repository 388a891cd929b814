package com.example.authserver.registration;

import com.example.authserver.ratelimit.RateLimitProperties;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Dynamic client registration ({@link ClientRegistrationProtocol}), under {@code authforge.registration}. */
@ConfigurationProperties("authforge.registration")
public class RegistrationProperties {

    /**
     * Whether clients may register themselves at /oauth2/register (RFC 7591) and manage their registration (RFC 7592).
     * Off, the endpoint is not there and discovery does not name it. On in development (application.yml).
     */
    private boolean enabled = false;

    /**
     * Whether public clients (token_endpoint_auth_method none, loopback or https redirect URIs, only the scopes open to
     * registered clients) may register without an initial access token: the native-app and AI-agent case. On in
     * development, off in the prod profile (application-prod.yml).
     */
    private boolean open = false;

    /** Open registrations per client address (behind a proxy: see authforge.trusted-proxies). */
    private final RateLimitProperties.Limit rateLimit = new RateLimitProperties.Limit(20, Duration.ofHours(1));

    /** How long an initial access token issued by an administrator can be used. */
    private Duration initialTokenLifetime = Duration.ofDays(1);

    /** How many clients one initial access token can register. */
    private int initialTokenUses = 1;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isOpen() {
        return open;
    }

    public void setOpen(boolean open) {
        this.open = open;
    }

    public RateLimitProperties.Limit getRateLimit() {
        return rateLimit;
    }

    public Duration getInitialTokenLifetime() {
        return initialTokenLifetime;
    }

    public void setInitialTokenLifetime(Duration initialTokenLifetime) {
        this.initialTokenLifetime = initialTokenLifetime;
    }

    public int getInitialTokenUses() {
        return initialTokenUses;
    }

    public void setInitialTokenUses(int initialTokenUses) {
        this.initialTokenUses = initialTokenUses;
    }
}
