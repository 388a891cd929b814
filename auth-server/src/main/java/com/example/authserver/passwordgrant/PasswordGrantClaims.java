package com.example.authserver.passwordgrant;

import com.example.authserver.claims.TokenClaimsContribution;
import java.util.List;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.stereotype.Component;

/**
 * {@code amr: ["pwd"]} (RFC 8176) in the ID and access tokens of a password grant, those of its refreshes included:
 * the password is all the user gave. Other sign-ins get their {@code amr} elsewhere; this touches only authorizations
 * that began with this grant (none exist unless the grant is switched on).
 */
@Component
class PasswordGrantClaims implements TokenClaimsContribution {

    static final String AMR = "amr";

    @Override
    public void customize(JwtEncodingContext context) {
        boolean passwordGrant = context.getAuthorization() != null
                ? PasswordGrant.GRANT_TYPE.equals(context.getAuthorization().getAuthorizationGrantType())
                : PasswordGrant.GRANT_TYPE.equals(context.getAuthorizationGrantType());
        if (passwordGrant) {
            context.getClaims().claim(AMR, List.of("pwd"));
        }
    }
}
