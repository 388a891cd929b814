package com.example.authserver.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * The server's own metrics, under /actuator/metrics: {@code authforge.signins} (tag {@code outcome}:
 * success, failure, locked_out) and {@code authforge.tokens.issued} (tag {@code grant_type}).
 */
@Component
public class SecurityMetrics {

    private final MeterRegistry registry;

    SecurityMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts an access token handed to a client. */
    public void tokenIssued(String grantType) {
        Counter.builder("authforge.tokens.issued")
                .description("Access tokens issued")
                .tag("grant_type", grantType)
                .register(registry)
                .increment();
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            signIn("success");
        }
    }

    @EventListener
    void signInFailed(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            signIn(event.getException() instanceof LockedException ? "locked_out" : "failure");
        }
    }

    private void signIn(String outcome) {
        Counter.builder("authforge.signins")
                .description("Password sign-ins")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
