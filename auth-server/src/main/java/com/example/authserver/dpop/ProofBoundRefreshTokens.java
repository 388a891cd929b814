package com.example.authserver.dpop;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Around the authorization code grant: a public client allowed refresh tokens gets one when its access token is
 * bound to a DPoP key. The framework gives public clients none (a bearer refresh token in a browser or app is too
 * easily stolen); one bound to the key is what RFC 9449 section 5 offers instead, redeemable only with a proof of
 * that key ({@link PublicClientRefreshRequests}). It rotates at each use like every refresh token here.
 */
final class ProofBoundRefreshTokens implements AuthenticationProvider {

    /** As long as the framework's own refresh tokens. */
    private static final StringKeyGenerator VALUES =
            new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);

    private final AuthenticationProvider codeGrant;

    private final OAuth2AuthorizationService authorizations;

    private final Clock clock;

    ProofBoundRefreshTokens(AuthenticationProvider codeGrant, OAuth2AuthorizationService authorizations, Clock clock) {
        this.codeGrant = codeGrant;
        this.authorizations = authorizations;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Authentication result = codeGrant.authenticate(authentication);
        if (!(result instanceof OAuth2AccessTokenAuthenticationToken tokens)
                || tokens.getRefreshToken() != null
                || !publicClient(authentication)
                || !OAuth2AccessToken.TokenType.DPOP.equals(
                        tokens.getAccessToken().getTokenType())) {
            return result;
        }
        RegisteredClient client = tokens.getRegisteredClient();
        if (!client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
            return result;
        }
        OAuth2Authorization authorization =
                authorizations.findByToken(tokens.getAccessToken().getTokenValue(), OAuth2TokenType.ACCESS_TOKEN);
        if (authorization == null) {
            return result;
        }
        Instant now = clock.instant();
        OAuth2RefreshToken refreshToken = new OAuth2RefreshToken(
                VALUES.generateKey(), now, now.plus(client.getTokenSettings().getRefreshTokenTimeToLive()));
        authorizations.save(OAuth2Authorization.from(authorization)
                .refreshToken(refreshToken)
                .build());
        return new OAuth2AccessTokenAuthenticationToken(
                client,
                (Authentication) tokens.getPrincipal(),
                tokens.getAccessToken(),
                refreshToken,
                tokens.getAdditionalParameters());
    }

    private static boolean publicClient(Authentication grant) {
        return grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                && ClientAuthenticationMethod.NONE.equals(client.getClientAuthenticationMethod());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return codeGrant.supports(authentication);
    }
}
