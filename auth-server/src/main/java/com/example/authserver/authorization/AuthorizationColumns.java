package com.example.authserver.authorization;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * The columns of {@code oauth2_authorization} and the values an authorization is saved with: hashes instead of
 * token values, JSON for attributes and metadata, times as UTC instants, and {@code expires_at}, the moment from
 * which the clean-up job may delete the row.
 */
final class AuthorizationColumns {

    static final List<String> NAMES = names();

    private final AuthorizationJson json;

    private final Duration pendingLifetime;

    private final TokenDigests digests;

    /**
     * @param pendingLifetime how long an authorization without any token (a request waiting for the user's
     * consent) is kept
     */
    AuthorizationColumns(AuthorizationJson json, Duration pendingLifetime, TokenDigests digests) {
        this.json = json;
        this.pendingLifetime = pendingLifetime;
        this.digests = digests;
    }

    /** The values in the order of {@link #NAMES}. */
    List<SqlParameterValue> values(OAuth2Authorization authorization, Instant now) {
        Map<String, Object> attributes = new LinkedHashMap<>(authorization.getAttributes());
        Object state = attributes.remove(OAuth2ParameterNames.STATE);
        attributes.remove(LoadedRow.ATTRIBUTE);
        List<SqlParameterValue> values = new ArrayList<>();
        values.add(text(authorization.getId()));
        values.add(text(authorization.getRegisteredClientId()));
        values.add(text(authorization.getPrincipalName()));
        values.add(text(authorization.getAuthorizationGrantType().getValue()));
        values.add(text(spaceSeparated(authorization.getAuthorizedScopes())));
        values.add(text(json.writeAttributes(attributes)));
        values.add(text(state == null ? null : TokenHashes.hashToStore(state.toString())));
        values.add(time(expiresAt(authorization, now)));
        for (TokenKind kind : TokenKind.values()) {
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind.tokenClass());
            values.add(text(
                    token == null
                            ? null
                            : digests.hashToStore(kind, token.getToken().getTokenValue())));
            values.add(time(token == null ? null : token.getToken().getIssuedAt()));
            values.add(time(token == null ? null : token.getToken().getExpiresAt()));
            values.add(text(token == null ? null : json.writeMetadata(token.getMetadata())));
            if (kind == TokenKind.ACCESS_TOKEN) {
                OAuth2AccessToken accessToken = token == null ? null : (OAuth2AccessToken) token.getToken();
                values.add(text(
                        accessToken == null ? null : accessToken.getTokenType().getValue()));
                values.add(text(accessToken == null ? null : spaceSeparated(accessToken.getScopes())));
            }
        }
        return values;
    }

    /**
     * The latest expiry among the tokens still valid, and of revoked tokens that only their row keeps revoked
     * ({@link SelfContainedClientTokens#isMarked}); now if every token was invalidated (used or revoked); a while
     * from now if there is no token yet; null (never purged) if a valid token has no expiry.
     */
    private Instant expiresAt(OAuth2Authorization authorization, Instant now) {
        boolean anyToken = false;
        Instant latest = null;
        for (TokenKind kind : TokenKind.values()) {
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind.tokenClass());
            if (token == null) {
                continue;
            }
            anyToken = true;
            if (token.isInvalidated() && !SelfContainedClientTokens.isMarked(token)) {
                continue;
            }
            Instant expiry = token.getToken().getExpiresAt();
            if (expiry == null) {
                return null;
            }
            latest = (latest == null || expiry.isAfter(latest)) ? expiry : latest;
        }
        if (latest != null) {
            return latest;
        }
        return anyToken ? now : now.plus(pendingLifetime);
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(List.of(
                "id",
                "registered_client_id",
                "principal_name",
                "authorization_grant_type",
                "authorized_scopes",
                "attributes",
                "state_hash",
                "expires_at"));
        for (TokenKind kind : TokenKind.values()) {
            names.addAll(
                    List.of(kind.hashColumn(), kind.issuedAtColumn(), kind.expiresAtColumn(), kind.metadataColumn()));
            if (kind == TokenKind.ACCESS_TOKEN) {
                names.addAll(List.of("access_token_type", "access_token_scopes"));
            }
        }
        return List.copyOf(names);
    }

    private static String spaceSeparated(Collection<String> scopes) {
        return (scopes == null || scopes.isEmpty()) ? null : String.join(" ", scopes);
    }

    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    private static SqlParameterValue time(Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP, instant == null ? null : Timestamp.from(instant));
    }
}
