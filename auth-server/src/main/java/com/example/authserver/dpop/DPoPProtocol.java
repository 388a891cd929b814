package com.example.authserver.dpop;

import com.example.authserver.security.ProtocolContribution;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.web.OAuth2ClientAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * DPoP's part of the protocol chain: the {@link ProofFilter} right after client authentication, refresh tokens for
 * public clients bound to their key, and what discovery says. Ordered last, so that it sees the providers every other feature added.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
class DPoPProtocol implements ProtocolContribution {

    private static final String SIGNING_ALGORITHMS = "dpop_signing_alg_values_supported";

    private final ProofChecks checks;

    private final ProofNonces nonces;

    private final AuthorizationServerSettings settings;

    private final RegisteredClientRepository clients;

    private final OAuth2AuthorizationService authorizations;

    private final Clock clock;

    DPoPProtocol(
            ProofChecks checks,
            ProofNonces nonces,
            AuthorizationServerSettings settings,
            RegisteredClientRepository clients,
            OAuth2AuthorizationService authorizations,
            Clock clock) {
        this.checks = checks;
        this.nonces = nonces;
        this.settings = settings;
        this.clients = clients;
        this.authorizations = authorizations;
        this.clock = clock;
    }

    @Override
    public void configure(OAuth2AuthorizationServerConfigurer server, HttpSecurity http) {
        server.clientAuthentication(authentication -> authentication
                .authenticationConverter(new PublicClientRefreshRequests.Converter())
                .authenticationProvider(new PublicClientRefreshRequests.Provider(clients)));
        try {
            http.with(new ProofFilterPlacement(), Customizer.withDefaults());
        } catch (Exception unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    /** Public clients get refresh tokens bound to their DPoP key ({@link ProofBoundRefreshTokens}). */
    @Override
    public void tokenProviders(List<AuthenticationProvider> providers) {
        providers.replaceAll(provider -> provider.supports(OAuth2AuthorizationCodeAuthenticationToken.class)
                ? new ProofBoundRefreshTokens(provider, authorizations, clock)
                : provider);
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
