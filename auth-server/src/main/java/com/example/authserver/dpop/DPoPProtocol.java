package com.example.authserver.dpop;

import com.example.authserver.security.ProtocolContribution;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.web.OAuth2ClientAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * DPoP's part of the protocol chain: the {@link ProofFilter} right after client authentication, and what discovery
 * says. Ordered last, so that it sees the providers every other feature added.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
class DPoPProtocol implements ProtocolContribution {

    private static final String SIGNING_ALGORITHMS = "dpop_signing_alg_values_supported";

    private final ProofChecks checks;

    private final ProofNonces nonces;

    private final AuthorizationServerSettings settings;

    DPoPProtocol(ProofChecks checks, ProofNonces nonces, AuthorizationServerSettings settings) {
        this.checks = checks;
        this.nonces = nonces;
        this.settings = settings;
    }

    @Override
    public void configure(OAuth2AuthorizationServerConfigurer server, HttpSecurity http) {
        try {
            http.with(new ProofFilterPlacement(), Customizer.withDefaults());
        } catch (Exception unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    /** Exactly what {@link ProofChecks} accepts, in both discovery documents. */
    @Override
    public void advertise(Map<String, Object> metadata) {
        metadata.put(SIGNING_ALGORITHMS, ProofChecks.ALGORITHMS);
    }

    /**
     * Adds the filter when the chain is configured, after the authorization server's own configuration has placed
     * the client authentication filter it goes behind.
     */
    private final class ProofFilterPlacement extends AbstractHttpConfigurer<ProofFilterPlacement, HttpSecurity> {

        @Override
        public void configure(HttpSecurity http) {
            ProofFilter filter = new ProofFilter(
                    PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, settings.getTokenEndpoint()),
                    checks,
                    nonces);
            http.addFilterAfter(filter, OAuth2ClientAuthenticationFilter.class);
        }
    }
}
