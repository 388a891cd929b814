package com.example.authserver.ciba;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.IdentityRole;
import com.example.authserver.identity.UserManager;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
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
import org.springframework.stereotype.Component;

/**
 * The tokens of an approved CIBA request, made as the framework makes those of the other grants: an
 * {@link OAuth2Authorization} for the user (grant type CIBA) in the authorization store, tokens from the framework's
 * token generator (so {@code claims/TokenClaims} adds the user's claims and refuses a user who is no longer active,
 * or whose credentials changed since the approval), an ID token for {@code openid} and a refresh token when the client
 * has that grant. Introspection, revocation, UserInfo and refresh then treat them like any other.
 */
@Component
class CibaTokens {

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final OAuth2AuthorizationService authorizations;

    private final UserManager userManager;

    CibaTokens(OAuth2AuthorizationService authorizations, UserManager userManager) {
        this.authorizations = authorizations;
        this.userManager = userManager;
    }

    OAuth2AccessTokenAuthenticationToken issue(
            CibaRequest request,
            OAuth2ClientAuthenticationToken clientPrincipal,
            CibaGrantToken grant,
            OAuth2TokenGenerator<? extends OAuth2Token> generator) {
        RegisteredClient client = clientPrincipal.getRegisteredClient();
        Authentication principal = principal(request);
        OAuth2Authorization.Builder authorization = OAuth2Authorization.withRegisteredClient(client)
                .id(UUID.randomUUID().toString())
                .principalName(request.userId())
                .authorizationGrantType(CibaProtocol.GRANT_TYPE)
                .authorizedScopes(request.scopes())
                .attribute(Principal.class.getName(), principal);
        DefaultOAuth2TokenContext.Builder context = DefaultOAuth2TokenContext.builder()
                .registeredClient(client)
                .principal(principal)
                .authorizationServerContext(AuthorizationServerContextHolder.getContext())
                .authorization(authorization.build())
                .authorizedScopes(request.scopes())
                .authorizationGrantType(CibaProtocol.GRANT_TYPE)
                .authorizationGrant(grant);

        OAuth2TokenContext accessContext =
                context.tokenType(OAuth2TokenType.ACCESS_TOKEN).build();
        OAuth2Token generated = generate(generator, accessContext, "access token");
        OAuth2AccessToken accessToken = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                generated.getTokenValue(),
                generated.getIssuedAt(),
                generated.getExpiresAt(),
                request.scopes());
        authorization.token(accessToken, metadata -> {
            if (generated instanceof ClaimAccessor claims) {
                metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims.getClaims());
            }
            metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, false);
            metadata.put(
                    OAuth2TokenFormat.class.getName(),
                    client.getTokenSettings().getAccessTokenFormat().getValue());
        });

        OAuth2RefreshToken refreshToken = null;
        if (client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
            OAuth2Token refresh = generate(
                    generator, context.tokenType(OAuth2TokenType.REFRESH_TOKEN).build(), "refresh token");
            refreshToken = (OAuth2RefreshToken) refresh;
            authorization.refreshToken(refreshToken);
        }

        Map<String, Object> parameters = Map.of();
        if (request.scopes().contains(OidcScopes.OPENID)) {
            // the ID token customizer may look at the tokens made so far, as in the framework's grants
            Jwt jwt = (Jwt) generate(
                    generator,
                    context.tokenType(ID_TOKEN)
                            .authorization(authorization.build())
                            .build(),
                    "ID token");
            OidcIdToken idToken =
                    new OidcIdToken(jwt.getTokenValue(), jwt.getIssuedAt(), jwt.getExpiresAt(), jwt.getClaims());
            authorization.token(
                    idToken,
                    metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, idToken.getClaims()));
            parameters = Map.of(OidcParameterNames.ID_TOKEN, idToken.getTokenValue());
        }
        authorizations.save(authorization.build());
        return new OAuth2AccessTokenAuthenticationToken(client, clientPrincipal, accessToken, refreshToken, parameters);
    }

    /**
     * The user as the approving sign-in was, the way stored authorizations keep users (authorization/StoredPrincipal):
     * named by the user id, with the user's roles and the security stamp of the approving sign-in.
     */
    private Authentication principal(CibaRequest request) {
        ApplicationUser user = userManager
                .findById(request.userId())
                .orElseThrow(() -> new OAuth2AuthenticationException(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The user no longer exists.", null)));
        List<GrantedAuthority> authorities = new ArrayList<>();
        userManager
                .getRoleNames(user)
                .forEach(role -> authorities.add(new SimpleGrantedAuthority(IdentityRole.authority(role))));
        if (request.userStamp() != null) {
            authorities.add(new SimpleGrantedAuthority(request.userStamp()));
        }
        User principal = new User(user.getId(), "", authorities);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    private static OAuth2Token generate(
            OAuth2TokenGenerator<? extends OAuth2Token> generator, OAuth2TokenContext context, String what) {
        OAuth2Token token = generator.generate(context);
        if (token == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.SERVER_ERROR, "The token generator failed to generate the " + what + ".", null));
        }
        return token;
    }
}
