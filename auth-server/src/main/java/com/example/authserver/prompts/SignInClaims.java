package com.example.authserver.prompts;

import com.example.authserver.claims.TokenClaimsContribution;
import java.util.Date;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.stereotype.Component;

/**
 * {@code amr}, {@code acr} and {@code auth_time} in ID tokens and users' access tokens. They describe the sign-in that authorized the client: the
 * principal here is the one the authorization stored when the code was issued (authorization/StoredPrincipal keeps
 * each factor with its time), not whatever the user's session holds today, so a refreshed ID token says the same.
 * The framework writes {@code auth_time} only when it knows the session; it is added here where it is missing.
 */
@Component
class SignInClaims implements TokenClaimsContribution {

    @Override
    public void customize(JwtEncodingContext context) {
        // access tokens too: RFC 9068 section 2.2.1 gives a user's access token the sign-in's auth_time, acr and amr
        if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
                && !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        SignInFactors factors = SignInFactors.of(context.getPrincipal());
        if (factors.isEmpty()) {
            return;
        }
        context.getClaims().claims(claims -> {
            claims.put("amr", factors.amr());
            claims.put(IdTokenClaimNames.ACR, factors.acr());
            // a Date, as the framework writes it: the JWT encoder turns Dates into seconds, an Instant it cannot write
            factors.authTime().ifPresent(time -> claims.putIfAbsent(IdTokenClaimNames.AUTH_TIME, Date.from(time)));
        });
    }
}
