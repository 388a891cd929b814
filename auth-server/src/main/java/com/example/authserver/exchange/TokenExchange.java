package com.example.authserver.exchange;

import com.example.authserver.security.ProtocolContribution;
import com.example.authserver.security.SignedInUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Token exchange at the token endpoint. The framework switches the grant on by itself, with only its own checks; this
 * puts {@link TokenExchangeChecks} in front of its provider, reads requests with {@link TokenExchangeRequests}, and
 * says in discovery that the grant is offered. The claims of the new token: {@link ExchangedTokenClaims}.
 */
@Component
class TokenExchange implements ProtocolContribution {

    private static final String GRANT_TYPES = "grant_types_supported";

    private final OAuth2AuthorizationService authorizations;

    private final RegisteredClientRepository clients;

    private final SignedInUsers signedInUsers;

    TokenExchange(
            OAuth2AuthorizationService authorizations,
            RegisteredClientRepository clients,
            SignedInUsers signedInUsers) {
        this.authorizations = authorizations;
        this.clients = clients;
        this.signedInUsers = signedInUsers;
    }

    @Override
    public void configure(OAuth2AuthorizationServerConfigurer server, HttpSecurity http) {
        server.tokenEndpoint(token -> token.accessTokenRequestConverter(new TokenExchangeRequests()));
    }

    @Override
    public void tokenProviders(List<AuthenticationProvider> providers) {
        providers.replaceAll(provider -> provider instanceof OAuth2TokenExchangeAuthenticationProvider
                ? new TokenExchangeChecks(provider, authorizations, clients, signedInUsers)
                : provider);
    }

    @Override
    public void advertise(Map<String, Object> metadata) {
        List<Object> grantTypes = new ArrayList<>();
        if (metadata.get(GRANT_TYPES) instanceof List<?> advertised) {
            grantTypes.addAll(advertised);
        }
        if (!grantTypes.contains(AuthorizationGrantType.TOKEN_EXCHANGE.getValue())) {
            grantTypes.add(AuthorizationGrantType.TOKEN_EXCHANGE.getValue());
        }
        metadata.put(GRANT_TYPES, grantTypes);
    }
}
