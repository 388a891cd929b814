package com.example.authserver.authorization;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2TokenIntrospectionClaimNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The access tokens of the {@code client_credentials} grant, in the self-contained (JWT) format, are not stored:
 * a machine client may ask for thousands of them an hour, and a stored row per token would make the table (and the
 * cost of every insert) grow with traffic alone. Such a token carries {@value #GRANT_TYPE_CLAIM}{@code
 * =client-credentials}; when it is presented to introspection or revocation and no row is found for it, the
 * authorization is rebuilt from the token itself, once its signature (by one of this server's published keys) and
 * times check out and its client is still registered with the grant. Revoking it stores its row, marked revoked,
 * until the token itself expires (only then may the clean-up job delete it: see {@link #isMarked}), so a revoked
 * token introspects as inactive on every instance for as long as it could be used. Deleting a client ends its tokens too. Reference (opaque) tokens are always stored: only the row knows
 * them.
 */
public final class SelfContainedClientTokens {

    /** The claim (as Auth0 names it) that marks the access tokens kept by nobody but their holder. */
    private static final String GRANT_TYPE_CLAIM = "gty";

    private static final String CLIENT_CREDENTIALS = "client-credentials";

    private final JwtDecoder decoder;

    private final RegisteredClientRepository clients;

    SelfContainedClientTokens(JwtDecoder decoder, RegisteredClientRepository clients) {
        this.decoder = decoder;
        this.clients = clients;
    }

    /** Marks a client_credentials access token as one that is not stored (see {@code claims/TokenClaims}). */
    public static void mark(JwtClaimsSet.Builder claims) {
        claims.claim(GRANT_TYPE_CLAIM, CLIENT_CREDENTIALS);
    }

    /** Whether the authorization needs no row: a client_credentials grant whose only token is a valid marked JWT. */
    static boolean needsNoRow(OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OAuth2AccessToken> token = authorization.getAccessToken();
        return AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())
                && token != null
                && !token.isInvalidated()
                && authorization.getRefreshToken() == null
                && isMarked(token);
    }

    /**
     * Whether the token is one that {@link #rebuild} would bring back from its own signature: once revoked, its row
     * must outlive it (until its own expiry), or the token would come back to life when the row is purged.
     */
    static boolean isMarked(OAuth2Authorization.Token<?> token) {
        return token.getClaims() != null
                && CLIENT_CREDENTIALS.equals(token.getClaims().get(GRANT_TYPE_CLAIM));
    }

    /** Whether the value has the shape of a JWT (three parts): only those are worth decoding. */
    static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    /**
     * The authorization of a valid, marked, unexpired token this server signed for a registered client; else null.
     * The caller has checked {@link #looksLikeJwt}.
     */
    OAuth2Authorization rebuild(String token) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException ex) { // not ours, tampered with, or expired
            return null;
        }
        if (!CLIENT_CREDENTIALS.equals(jwt.getClaimAsString(GRANT_TYPE_CLAIM))
                || jwt.getSubject() == null
                || jwt.getId() == null
                || jwt.getIssuedAt() == null
                || jwt.getExpiresAt() == null) {
            return null;
        }
        RegisteredClient client = clients.findByClientId(jwt.getSubject());
        if (client == null
                || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.CLIENT_CREDENTIALS)) {
            return null;
        }
        Set<String> scopes = new HashSet<>(scopesOf(jwt));
        OAuth2AccessToken accessToken = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER, token, jwt.getIssuedAt(), jwt.getExpiresAt(), scopes);
        return OAuth2Authorization.withRegisteredClient(client)
                .id(jwt.getId())
                .principalName(client.getClientId())
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .authorizedScopes(scopes)
                .token(
                        accessToken,
                        metadata -> metadata.put(
                                OAuth2Authorization.Token.CLAIMS_METADATA_NAME, Map.copyOf(jwt.getClaims())))
                .build();
    }

    /** The scopes of the token: one space-separated string (RFC 9068), or a list in tokens issued before it. */
    private static List<String> scopesOf(Jwt jwt) {
        Object scopes = jwt.getClaims().get(OAuth2TokenIntrospectionClaimNames.SCOPE);
        if (scopes instanceof String list) {
            return list.isBlank() ? List.of() : List.of(list.strip().split("\\s+"));
        }
        List<String> listed = jwt.getClaimAsStringList(OAuth2TokenIntrospectionClaimNames.SCOPE);
        return listed == null ? List.of() : listed;
    }
}
