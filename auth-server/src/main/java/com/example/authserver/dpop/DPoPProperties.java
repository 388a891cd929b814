package com.example.authserver.dpop;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** DPoP (RFC 9449) settings, under {@code authforge.dpop}. */
@ConfigurationProperties("authforge.dpop")
public class DPoPProperties {

    /**
     * Proofs must carry a nonce this server provided (RFC 9449 section 8): a proof without one is answered with
     * {@code use_dpop_nonce} and a fresh {@code DPoP-Nonce} header, and the client retries. Limits how long a proof
     * made in advance stays usable; costs clients one extra round trip per nonce lifetime.
     */
    private boolean requireNonce = true;

    /** How long a nonce is handed out; it is accepted for up to twice as long (this window and the one before). */
    private Duration nonceLifetime = Duration.ofMinutes(5);

    /** How often the remembered proof identifiers ({@code jti}) that can no longer be replayed are deleted. */
    private Duration cleanupInterval = Duration.ofMinutes(10);

    public boolean isRequireNonce() {
        return requireNonce;
    }

    public void setRequireNonce(boolean requireNonce) {
        this.requireNonce = requireNonce;
    }

    public Duration getNonceLifetime() {
        return nonceLifetime;
    }

    public void setNonceLifetime(Duration nonceLifetime) {
        this.nonceLifetime = nonceLifetime;
    }

    public Duration getCleanupInterval() {
        return cleanupInterval;
    }

    public void setCleanupInterval(Duration cleanupInterval) {
        this.cleanupInterval = cleanupInterval;
    }
}
