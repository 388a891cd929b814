package com.example.authserver.authorization;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** Authorizations for the store's tests: every token value random and unique, so a test can search for it. */
final class TestAuthorizations {

    /** Digests under a fixed test key for the device flow's codes. */
    static final TokenDigests DIGESTS = new TokenDigests(() -> new SecretKeySpec(new byte[32], "HmacSHA256"));

    private TestAuthorizations() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A signed-in user as the sign-in provider makes them: a plain User with a role and the password factor. */
    static UsernamePasswordAuthenticationToken signedIn(String userId) {
        List<GrantedAuthority> authorities = List.of(
                new SimpleGrantedAuthority("ROLE_user"),
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                        .issuedAt(Instant.parse("2026-01-02T03:04:05.123456Z"))
                        .build());
        return UsernamePasswordAuthenticationToken.authenticated(new User(userId, "", authorities), null, authorities);
    }

    /** An authorization for the user and client, with no token yet. */
    static OAuth2Authorization.Builder pending(RegisteredClient client, String userId) {
        return OAuth2Authorization.withRegisteredClient(client)
                .id(UUID.randomUUID().toString())
                .principalName(userId)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizedScopes(Set.of("openid", "profile"))
                .attribute(StoredPrincipal.ATTRIBUTE, signedIn(userId));
    }

    /** An authorization holding one token of every kind, and a consent state, all issued at {@code issuedAt}. */
    static OAuth2Authorization.Builder withEveryToken(RegisteredClient client, String userId, Instant issuedAt) {
        Instant expiresAt = issuedAt.plus(Duration.ofMinutes(15));
        OidcIdToken idToken = OidcIdToken.withTokenValue(unique("id-token"))
                .subject(userId)
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .audience(List.of(client.getClientId()))
                .claim("auth_time", Date.from(issuedAt))
                .build();
        OAuth2AccessToken accessToken = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                unique("access-token"),
                issuedAt,
                expiresAt,
                Set.of("openid", "profile"));
        return pending(client, userId)
                .attribute(OAuth2ParameterNames.STATE, unique("state"))
                .token(new OAuth2AuthorizationCode(unique("code"), issuedAt, issuedAt.plus(Duration.ofMinutes(5))))
                .token(
                        accessToken,
                        metadata -> metadata.put(
                                OAuth2Authorization.Token.CLAIMS_METADATA_NAME,
                                Map.of("sub", userId, "scope", Set.of("openid", "profile"), "iat", issuedAt)))
                .token(
                        idToken,
                        metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, idToken.getClaims()))
                .refreshToken(
                        new OAuth2RefreshToken(unique("refresh-token"), issuedAt, issuedAt.plus(Duration.ofDays(30))))
                .token(new OAuth2UserCode(unique("USER-CODE"), issuedAt, expiresAt))
                .token(new OAuth2DeviceCode(unique("device-code"), issuedAt, expiresAt));
    }

    /** An authorization with a single access token, as a client credentials grant stores it. */
    static OAuth2Authorization withAccessToken(RegisteredClient client, Instant issuedAt, Duration timeToLive) {
        return OAuth2Authorization.withRegisteredClient(client)
                .id(UUID.randomUUID().toString())
                .principalName(client.getClientId())
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .accessToken(new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER,
                        unique("access-token"),
                        issuedAt,
                        issuedAt.plus(timeToLive)))
                .build();
    }
}
