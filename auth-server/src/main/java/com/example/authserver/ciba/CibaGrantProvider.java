package com.example.authserver.ciba;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * The token endpoint's answer to a CIBA poll (CIBA Core section 11): {@code authorization_pending} until the user
 * decides, {@code slow_down} when the client polls faster than its interval (which then grows), {@code access_denied},
 * {@code expired_token}, and once approved the tokens ({@link CibaTokens}), once. An unknown {@code auth_req_id} and
 * another client's look the same: {@code invalid_grant}.
 */
class CibaGrantProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(CibaGrantProvider.class);

    private static final String ERROR_URI =
            "https://openid.net/specs/openid-client-initiated-backchannel-authentication-core-1_0.html#rfc.section.11";

    private final CibaRequests requests;

    private final CibaTokens tokens;

    private final Supplier<OAuth2TokenGenerator<? extends OAuth2Token>> tokenGenerator;

    private final Clock clock;

    CibaGrantProvider(
            CibaRequests requests,
            CibaTokens tokens,
            Supplier<OAuth2TokenGenerator<? extends OAuth2Token>> tokenGenerator,
            Clock clock) {
        this.requests = requests;
        this.tokens = tokens;
        this.tokenGenerator = tokenGenerator;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        CibaGrantToken grant = (CibaGrantToken) authentication;
        if (!(grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken clientPrincipal)
                || !clientPrincipal.isAuthenticated()
                || clientPrincipal.getRegisteredClient() == null) {
            throw error(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        RegisteredClient client = clientPrincipal.getRegisteredClient();
        if (!client.getAuthorizationGrantTypes().contains(CibaProtocol.GRANT_TYPE)) {
            throw error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT);
        }
        CibaRequest request = requests.findByAuthReqId(grant.getAuthReqId())
                .filter(found -> found.registeredClientId().equals(client.getId()))
                .orElseThrow(() -> error(OAuth2ErrorCodes.INVALID_GRANT));
        if (request.status() == CibaRequest.Status.ISSUED) {
            throw error(OAuth2ErrorCodes.INVALID_GRANT);
        }
        Instant now = clock.instant();
        if (request.isExpired(now)) {
            throw error("expired_token");
        }
        if (!requests.poll(request, now)) {
            throw error("slow_down");
        }
        switch (request.status()) {
            case PENDING -> throw error("authorization_pending");
            case DENIED -> throw error(OAuth2ErrorCodes.ACCESS_DENIED);
            default -> {}
        }
        if (!requests.redeem(request.id())) { // another poll got the tokens first
            log.info("A CIBA request was redeemed twice; the second poll was refused");
            throw error(OAuth2ErrorCodes.INVALID_GRANT);
        }
        return tokens.issue(request, clientPrincipal, grant, tokenGenerator.get());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return CibaGrantToken.class.isAssignableFrom(authentication);
    }

    private static OAuth2AuthenticationException error(String code) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, null, ERROR_URI));
    }
}
