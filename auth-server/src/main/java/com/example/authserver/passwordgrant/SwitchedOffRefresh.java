package com.example.authserver.passwordgrant;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;

/**
 * With the password grant switched off, the refresh tokens it issued while it was on stop working too: switching it
 * off ends it. Only refreshes by clients still registered with the grant are looked at (one lookup more for them), so
 * every other refresh costs what it did.
 */
final class SwitchedOffRefresh implements AuthenticationProvider {

    static final String SWITCHED_OFF =
            "The password grant is switched off on this server: sign the user in through the authorization code flow.";

    private final AuthenticationProvider refresh;

    private final OAuth2AuthorizationService authorizations;

    SwitchedOffRefresh(AuthenticationProvider refresh, OAuth2AuthorizationService authorizations) {
        this.refresh = refresh;
        this.authorizations = authorizations;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (authentication instanceof OAuth2RefreshTokenAuthenticationToken request
                && request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                && client.getRegisteredClient() != null
                && client.getRegisteredClient().getAuthorizationGrantTypes().contains(PasswordGrant.GRANT_TYPE)) {
            OAuth2Authorization authorization =
                    authorizations.findByToken(request.getRefreshToken(), OAuth2TokenType.REFRESH_TOKEN);
            if (authorization != null && PasswordGrant.GRANT_TYPE.equals(authorization.getAuthorizationGrantType())) {
                throw new OAuth2AuthenticationException(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, SWITCHED_OFF, null));
            }
        }
        return refresh.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return refresh.supports(authentication);
    }
}
