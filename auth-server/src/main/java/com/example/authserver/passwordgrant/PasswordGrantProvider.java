package com.example.authserver.passwordgrant;

import com.example.authserver.passkeys.Passkeys;
import com.example.authserver.security.PasswordChangeGate;
import com.example.authserver.security.PasswordSignInProvider;
import com.example.authserver.security.SecondFactorRequired;
import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Issues tokens for a user's name and password. The password is checked by the sign-in page's own provider
 * ({@link PasswordSignInProvider}: lockout, confirmed email, disabled users, one generic error), and a user who signs in
 * with a second factor (an authenticator app or a passkey) is refused, since this grant cannot ask for it. Then, as
 * the authorization code grant does: an access token, a refresh token if the client has that grant, an ID token with
 * {@code openid}; the user's claims and the active check come from claims/TokenClaims, {@code amr} from
 * {@link PasswordGrantClaims}.
 */
final class PasswordGrantProvider implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = "Invalid user name or password.";

    static final String SECOND_FACTOR = "This user signs in with a second factor (an authenticator app or a passkey),"
            + " which the password grant cannot ask for: sign in through the authorization code flow.";

    static final String PASSWORD_CHANGE_REQUIRED =
            "This user must choose a new password first: sign in through the authorization code flow.";

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final PasswordSignInProvider passwords;

    private final Passkeys passkeys;

    private final OAuth2AuthorizationService authorizations;

    private final Supplier<OAuth2TokenGenerator<? extends OAuth2Token>> tokenGenerator;

    PasswordGrantProvider(
            PasswordSignInProvider passwords,
            Passkeys passkeys,
            OAuth2AuthorizationService authorizations,
            Supplier<OAuth2TokenGenerator<? extends OAuth2Token>> tokenGenerator) {
        this.passwords = passwords;
        this.passkeys = passkeys;
        this.authorizations = authorizations;
        this.tokenGenerator = tokenGenerator;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        PasswordGrantRequest request = (PasswordGrantRequest) authentication;
        if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken caller) || !caller.isAuthenticated()) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        RegisteredClient client = caller.getRegisteredClient();
        if (!client.getAuthorizationGrantTypes().contains(PasswordGrant.GRANT_TYPE)) {
            throw error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "This client may not use the password grant.");
        }
        Set<String> scopes = scopes(client, request.scopes());
        Authentication user = signIn(request);

        OAuth2Authorization.Builder authorization = OAuth2Authorization.withRegisteredClient(client)
                .principalName(user.getName())
                .authorizationGrantType(PasswordGrant.GRANT_TYPE)
                .authorizedScopes(scopes)
                .attribute(Principal.class.getName(), user);
        DefaultOAuth2TokenContext.Builder context = DefaultOAuth2TokenContext.builder()
                .registeredClient(client)
                .principal(user)
                .authorizationServerContext(AuthorizationServerContextHolder.getContext())
                .authorizedScopes(scopes)
                .authorizationGrantType(PasswordGrant.GRANT_TYPE)
                .authorizationGrant(request);

        OAuth2TokenContext accessContext = context.tokenType(OAuth2TokenType.ACCESS_TOKEN)
                .authorization(authorization.build())
                .build();
        OAuth2AccessToken accessToken = accessToken(authorization, generate(accessContext), client, scopes);

        OAuth2RefreshToken refreshToken = null;
        if (client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
            OAuth2Token generated = generate(context.tokenType(OAuth2TokenType.REFRESH_TOKEN)
                    .authorization(authorization.build())
                    .build());
            if (generated instanceof OAuth2RefreshToken refresh) {
                refreshToken = refresh;
                authorization.refreshToken(refresh);
            }
        }

        Map<String, Object> parameters = new HashMap<>();
        if (scopes.contains(OidcScopes.OPENID)) {
            Jwt jwt = (Jwt) generate(context.tokenType(ID_TOKEN)
                    .authorization(authorization.build())
                    .build());
            OidcIdToken idToken =
                    new OidcIdToken(jwt.getTokenValue(), jwt.getIssuedAt(), jwt.getExpiresAt(), jwt.getClaims());
            authorization.token(
                    idToken,
                    metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, idToken.getClaims()));
            parameters.put(OidcParameterNames.ID_TOKEN, idToken.getTokenValue());
        }
        authorizations.save(authorization.build());
        return new OAuth2AccessTokenAuthenticationToken(client, caller, accessToken, refreshToken, parameters);
    }

    /** The scopes asked for, each one of the client's; all of the client's when none are named. */
    private static Set<String> scopes(RegisteredClient client, Set<String> requested) {
        if (requested.isEmpty()) {
            return new LinkedHashSet<>(client.getScopes());
        }
        if (!client.getScopes().containsAll(requested)) {
            throw error(OAuth2ErrorCodes.INVALID_SCOPE, "A requested scope is not one of this client's scopes.");
        }
        return new LinkedHashSet<>(requested);
    }

    /** The sign-in page's password check; every failure the page reports as one generic error is one here too. */
    private Authentication signIn(PasswordGrantRequest request) {
        Authentication user;
        try {
            user = passwords.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
        } catch (SecondFactorRequired ex) {
            throw error(OAuth2ErrorCodes.INVALID_GRANT, SECOND_FACTOR);
        } catch (AuthenticationException ex) {
            throw error(OAuth2ErrorCodes.INVALID_GRANT, BAD_CREDENTIALS);
        }
        // the sign-in page lets a user with passkeys but no authenticator app in with the password alone; a client
        // that never shows the user a page should not be the way around a factor the user set up
        if (passkeys.has(user.getName())) {
            throw error(OAuth2ErrorCodes.INVALID_GRANT, SECOND_FACTOR);
        }
        // an administrator required a new password: only the sign-in page lets the user choose it
        if (PasswordChangeGate.holds(user)) {
            throw error(OAuth2ErrorCodes.INVALID_GRANT, PASSWORD_CHANGE_REQUIRED);
        }
        return user;
    }

    private OAuth2Token generate(OAuth2TokenContext context) {
        OAuth2Token token = tokenGenerator.get().generate(context);
        if (token == null) {
            throw error(
                    OAuth2ErrorCodes.SERVER_ERROR,
                    "The token generator could not make the "
                            + context.getTokenType().getValue() + ".");
        }
        return token;
    }

    /** The access token as the framework's own providers store it (claims, format); a bearer token (no DPoP here). */
    private static OAuth2AccessToken accessToken(
            OAuth2Authorization.Builder authorization, OAuth2Token token, RegisteredClient client, Set<String> scopes) {
        OAuth2AccessToken accessToken = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                token.getTokenValue(),
                token.getIssuedAt(),
                token.getExpiresAt(),
                scopes);
        authorization.token(accessToken, metadata -> {
            if (token instanceof ClaimAccessor claims) {
                metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims.getClaims());
            }
            metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, false);
            metadata.put(
                    OAuth2TokenFormat.class.getName(),
                    client.getTokenSettings().getAccessTokenFormat().getValue());
        });
        return accessToken;
    }

    private static OAuth2AuthenticationException error(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PasswordGrantRequest.class.isAssignableFrom(authentication);
    }
}
