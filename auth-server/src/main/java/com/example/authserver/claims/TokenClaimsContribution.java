package com.example.authserver.claims;

import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * Claims a feature adds to the tokens the server signs (an ID token's {@code sid} or {@code amr}, an access token's
 * {@code act}), as a bean of that feature. {@link TokenClaims} runs them after the user's claims, and only for a
 * token it issues (an inactive user gets none).
 */
public interface TokenClaimsContribution {

    void customize(JwtEncodingContext context);
}
