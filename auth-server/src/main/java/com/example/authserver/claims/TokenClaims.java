package com.example.authserver.claims;

import com.example.authserver.authorization.SelfContainedClientTokens;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.SecurityStamp;
import com.example.authserver.identity.UserManager;
import com.example.authserver.system.SecurityMetrics;
import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts the claims of {@link ClaimsMapping} into ID tokens, access tokens and UserInfo responses,
 * and refuses all three for a user who is disabled, locked out or deleted, or whose security stamp changed since
 * the sign-in that granted them (the "active check").
 */
@Component
public class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final UserManager userManager;

    private final ClaimsMapping claimsMapping;

    private final SecurityMetrics metrics;

    private final List<TokenClaimsContribution> contributions;

    TokenClaims(
            UserManager userManager,
            ClaimsMapping claimsMapping,
            SecurityMetrics metrics,
            List<TokenClaimsContribution> contributions) {
        this.userManager = userManager;
        this.claimsMapping = claimsMapping;
        this.metrics = metrics;
        this.contributions = contributions;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            SelfContainedClientTokens.mark(context.getClaims());
            contributions.forEach(contribution -> contribution.customize(context));
            metrics.tokenIssued(context.getAuthorizationGrantType().getValue());
            return;
        }
        boolean idToken =
                OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!idToken && !accessToken) {
            return;
        }
        ApplicationUser user = activeUser(context.getPrincipal(), OAuth2ErrorCodes.INVALID_GRANT);
        Map<String, Object> claims = claimsFor(user, context.getAuthorizedScopes());
        context.getClaims().claims(existing -> claims.forEach(existing::putIfAbsent));
        contributions.forEach(contribution -> contribution.customize(context));
        if (accessToken) {
            metrics.tokenIssued(context.getAuthorizationGrantType().getValue());
        }
    }

    /** The UserInfo endpoint's answer: the same claims as the ID token, for the access token's scopes. */
    public Function<OidcUserInfoAuthenticationContext, OidcUserInfo> userInfoMapper() {
        return context -> {
            ApplicationUser user = activeUser(
                    context.getAuthorization().getAttribute(Principal.class.getName()), OAuth2ErrorCodes.INVALID_TOKEN);
            return new OidcUserInfo(claimsFor(user, context.getAccessToken().getScopes()));
        };
    }

    private Map<String, Object> claimsFor(ApplicationUser user, Collection<String> scopes) {
        return claimsMapping.claimsFor(user, scopes);
    }

    /**
     * The user of the authorization, if they may still have tokens: enabled, not locked out, and with the security
     * stamp of the sign-in that granted it (a password change, for one, ends every earlier grant).
     */
    private ApplicationUser activeUser(Authentication principal, String errorCode) {
        return userManager
                .findById(principal.getName())
                .filter(userManager::isActive)
                .filter(user -> SecurityStamp.isCurrent(principal.getAuthorities(), user))
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(
                        errorCode,
                        "The user is disabled, locked out or no longer exists, or changed their credentials.",
                        null)));
    }
}
