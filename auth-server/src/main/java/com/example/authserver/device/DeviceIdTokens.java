package com.example.authserver.device;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;

/**
 * Sign-in on a device: the framework refuses {@code openid} in a device authorization request and issues no ID token
 * for the device code grant. {@link #requests} lets {@code openid} through (the framework sees the request without it,
 * and the scope is put back on the stored request, so the consent page and the grant carry it); {@link #tokens} adds
 * the ID token to the token response of a grant with {@code openid}, signed and filled like every other ID token
 * ({@code claims/TokenClaims}), and stores it with the grant. Refreshing then renews it, as for any grant.
 */
final class DeviceIdTokens {

    private static final OAuth2TokenType DEVICE_CODE = new OAuth2TokenType(OAuth2ParameterNames.DEVICE_CODE);

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final OAuth2AuthorizationService authorizations;

    private final JwtGenerator idTokens;

    DeviceIdTokens(OAuth2AuthorizationService authorizations, JwtGenerator idTokens) {
        this.authorizations = authorizations;
        this.idTokens = idTokens;
    }

    /** Wraps the device authorization endpoint's provider. */
    AuthenticationProvider requests(AuthenticationProvider framework) {
        return new Wrapper(framework) {
            @Override
            public Authentication authenticate(Authentication authentication) {
                OAuth2DeviceAuthorizationRequestAuthenticationToken request =
                        (OAuth2DeviceAuthorizationRequestAuthenticationToken) authentication;
                if (!request.getScopes().contains(OidcScopes.OPENID)) {
                    return framework.authenticate(authentication);
                }
                RegisteredClient client =
                        ((OAuth2ClientAuthenticationToken) request.getPrincipal()).getRegisteredClient();
                if (client == null || !client.getScopes().contains(OidcScopes.OPENID)) {
                    throw new OAuth2AuthenticationException(new OAuth2Error(
                            OAuth2ErrorCodes.INVALID_SCOPE,
                            "OAuth 2.0 Parameter: " + OAuth2ParameterNames.SCOPE,
                            null));
                }
                Set<String> others = new LinkedHashSet<>(request.getScopes());
                others.remove(OidcScopes.OPENID);
                OAuth2DeviceAuthorizationRequestAuthenticationToken result =
                        (OAuth2DeviceAuthorizationRequestAuthenticationToken)
                                framework.authenticate(new OAuth2DeviceAuthorizationRequestAuthenticationToken(
                                        (Authentication) request.getPrincipal(),
                                        request.getAuthorizationUri(),
                                        others,
                                        request.getAdditionalParameters()));
                OAuth2Authorization stored =
                        authorizations.findByToken(result.getDeviceCode().getTokenValue(), DEVICE_CODE);
                Set<String> scopes = new LinkedHashSet<>();
                scopes.add(OidcScopes.OPENID);
                Set<String> requested = stored.getAttribute(OAuth2ParameterNames.SCOPE);
                if (requested != null) {
                    scopes.addAll(requested);
                }
                authorizations.save(OAuth2Authorization.from(stored)
                        .attribute(OAuth2ParameterNames.SCOPE, scopes)
                        .build());
                return result;
            }
        };
    }

    /** Wraps the token endpoint's provider of the device code grant. */
    AuthenticationProvider tokens(AuthenticationProvider framework) {
        return new Wrapper(framework) {
            @Override
            public Authentication authenticate(Authentication authentication) {
                OAuth2AccessTokenAuthenticationToken issued =
                        (OAuth2AccessTokenAuthenticationToken) framework.authenticate(authentication);
                if (!issued.getAccessToken().getScopes().contains(OidcScopes.OPENID)) {
                    return issued;
                }
                OAuth2Authorization authorization = authorizations.findByToken(
                        issued.getAccessToken().getTokenValue(), OAuth2TokenType.ACCESS_TOKEN);
                Jwt idToken = idTokens.generate(DefaultOAuth2TokenContext.builder()
                        .registeredClient(issued.getRegisteredClient())
                        .principal(authorization.getAttribute(Principal.class.getName()))
                        .authorizationServerContext(AuthorizationServerContextHolder.getContext())
                        .authorization(authorization)
                        .authorizedScopes(authorization.getAuthorizedScopes())
                        .authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
                        .authorizationGrant(authentication)
                        .tokenType(ID_TOKEN)
                        .build());
                OidcIdToken oidcIdToken = new OidcIdToken(
                        idToken.getTokenValue(), idToken.getIssuedAt(), idToken.getExpiresAt(), idToken.getClaims());
                authorizations.save(OAuth2Authorization.from(authorization)
                        .token(
                                oidcIdToken,
                                metadata -> metadata.put(
                                        OAuth2Authorization.Token.CLAIMS_METADATA_NAME, idToken.getClaims()))
                        .build());
                return new OAuth2AccessTokenAuthenticationToken(
                        issued.getRegisteredClient(),
                        (Authentication) issued.getPrincipal(),
                        issued.getAccessToken(),
                        issued.getRefreshToken(),
                        Map.of(OidcParameterNames.ID_TOKEN, idToken.getTokenValue()));
            }
        };
    }

    private abstract static class Wrapper implements AuthenticationProvider {

        private final AuthenticationProvider framework;

        Wrapper(AuthenticationProvider framework) {
            this.framework = framework;
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return framework.supports(authentication);
        }
    }
}
