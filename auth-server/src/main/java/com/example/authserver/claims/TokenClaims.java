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
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
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

    /** The {@code typ} header of JWT access tokens (RFC 9068 section 2.1). */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";

    private static final String CLIENT_ID = "client_id";

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
            asJwtAccessToken(context);
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
            asJwtAccessToken(context);
            metrics.tokenIssued(context.getAuthorizationGrantType().getValue());
        }
    }

    /**
     * The shape RFC 9068 gives JWT access tokens: header {@code typ: at+jwt} (so that no other JWT of this server, an
     * ID token above all, passes for one where {@code typ} is checked), {@code client_id}, and {@code scope} as one
     * space-separated string (the framework writes a JSON array). The framework already writes {@code iss},
     * {@code sub}, {@code iat}, {@code exp} and {@code jti}; {@code aud} is the API resources' (resources/), and
     * {@code auth_time}, {@code acr} and {@code amr} of user tokens come from the sign-in (prompts/).
     */
    private static void asJwtAccessToken(JwtEncodingContext context) {
        context.getJwsHeader().type(ACCESS_TOKEN_TYPE);
        context.getClaims().claim(CLIENT_ID, context.getRegisteredClient().getClientId());
        context.getClaims().claims(claims -> {
            if (context.getAuthorizedScopes().isEmpty()) {
                claims.remove(OAuth2ParameterNames.SCOPE);
            } else {
                claims.put(OAuth2ParameterNames.SCOPE, String.join(" ", context.getAuthorizedScopes()));
            }
        });
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
