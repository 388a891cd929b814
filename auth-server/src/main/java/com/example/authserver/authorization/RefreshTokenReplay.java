package com.example.authserver.authorization;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;

/**
 * Refresh token replay detection, at the token endpoint only: when the refresh grant fails with {@code invalid_grant}
 * because the token was rotated already, and the client presenting it is the grant's own, the whole grant is revoked
 * ({@link RotatedRefreshTokens}). Other endpoints that look tokens up (introspection, revocation) never revoke, so no
 * other client can end a user's grant by introspecting an old token.
 */
public final class RefreshTokenReplay {

    private final RotatedRefreshTokens rotatedRefreshTokens;

    RefreshTokenReplay(RotatedRefreshTokens rotatedRefreshTokens) {
        this.rotatedRefreshTokens = rotatedRefreshTokens;
    }

    /** The framework's refresh-grant provider, with replay detection when it refuses a token. */
    public AuthenticationProvider detecting(AuthenticationProvider refreshGrant) {
        return new AuthenticationProvider() {

            @Override
            public Authentication authenticate(Authentication authentication) {
                try {
                    return refreshGrant.authenticate(authentication);
                } catch (OAuth2AuthenticationException ex) {
                    // a refresh that lost a race with another refresh of the same token (two tabs, a retry) is not a
                    // replay: the other one's new tokens stay good
                    if (OAuth2ErrorCodes.INVALID_GRANT.equals(ex.getError().getErrorCode())
                            && !LoadedRow.CHANGED_MEANWHILE.equals(ex.getError().getDescription())
                            && authentication instanceof OAuth2RefreshTokenAuthenticationToken refresh
                            && refresh.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                            && client.getRegisteredClient() != null
                            && refresh.getRefreshToken() != null) {
                        rotatedRefreshTokens.revokeGrantIfRotated(
                                TokenHashes.hash(refresh.getRefreshToken()),
                                client.getRegisteredClient().getId());
                    }
                    throw ex;
                }
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return refreshGrant.supports(authentication);
            }
        };
    }
}
