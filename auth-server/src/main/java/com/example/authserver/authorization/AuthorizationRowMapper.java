package com.example.authserver.authorization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Builds an authorization from its row. The database has no token values: the token the caller looked the
 * authorization up with gets the value the caller presented, every other token a placeholder (see
 * {@link TokenHashes}). The authorization carries the row's version ({@link LoadedRow}), which saving it checks.
 */
final class AuthorizationRowMapper implements RowMapper<OAuth2Authorization> {

    private final RegisteredClientRepository clients;

    private final AuthorizationJson json;

    private final String presentedValue;

    private final TokenDigests digests;

    /** @param presentedValue the token or state the authorization is looked up by, or null */
    AuthorizationRowMapper(
            RegisteredClientRepository clients, AuthorizationJson json, TokenDigests digests, String presentedValue) {
        this.clients = clients;
        this.json = json;
        this.digests = digests;
        this.presentedValue = presentedValue;
    }

    @Override
    public OAuth2Authorization mapRow(ResultSet row, int rowNumber) throws SQLException {
        String clientId = row.getString("registered_client_id");
        RegisteredClient client = clients.findById(clientId);
        if (client == null) {
            throw new DataRetrievalFailureException(
                    "The registered client with id '" + clientId + "' of an authorization no longer exists.");
        }
        Map<String, Object> attributes = json.readAttributes(row.getString("attributes"));
        OAuth2Authorization.Builder authorization = OAuth2Authorization.withRegisteredClient(client)
                .id(row.getString("id"))
                .principalName(row.getString("principal_name"))
                .authorizationGrantType(new AuthorizationGrantType(row.getString("authorization_grant_type")))
                .authorizedScopes(scopes(row.getString("authorized_scopes")))
                .attributes(all -> all.putAll(attributes));
        String stateHash = row.getString("state_hash");
        if (stateHash != null) {
            authorization.attribute(
                    OAuth2ParameterNames.STATE,
                    presentedValue != null && stateHash.equals(TokenHashes.hash(presentedValue))
                            ? presentedValue
                            : TokenHashes.placeholder(stateHash));
        }
        Set<String> tokenHashes = new HashSet<>();
        for (TokenKind kind : TokenKind.values()) {
            String hash = row.getString(kind.hashColumn());
            if (hash != null) {
                Map<String, Object> metadata = json.readMetadata(row.getString(kind.metadataColumn()));
                OAuth2Token token = token(kind, valueFor(kind, hash), row, metadata);
                authorization.token(token, all -> all.putAll(metadata));
                tokenHashes.add(hash);
            }
        }
        authorization.attribute(LoadedRow.ATTRIBUTE, new LoadedRow(row.getLong("version"), Set.copyOf(tokenHashes)));
        return authorization.build();
    }

    private String valueFor(TokenKind kind, String hash) {
        return presentedValue != null && hash.equals(digests.hash(kind, presentedValue))
                ? presentedValue
                : TokenHashes.placeholder(hash);
    }

    private static OAuth2Token token(TokenKind kind, String value, ResultSet row, Map<String, Object> metadata)
            throws SQLException {
        Instant issuedAt = instant(row, kind.issuedAtColumn());
        Instant expiresAt = instant(row, kind.expiresAtColumn());
        return switch (kind) {
            case ACCESS_TOKEN ->
                new OAuth2AccessToken(
                        accessTokenType(row.getString("access_token_type")),
                        value,
                        issuedAt,
                        expiresAt,
                        scopes(row.getString("access_token_scopes")));
            case REFRESH_TOKEN -> new OAuth2RefreshToken(value, issuedAt, expiresAt);
            case AUTHORIZATION_CODE -> new OAuth2AuthorizationCode(value, issuedAt, expiresAt);
            case OIDC_ID_TOKEN -> new OidcIdToken(value, issuedAt, expiresAt, claims(metadata));
            case DEVICE_CODE -> new OAuth2DeviceCode(value, issuedAt, expiresAt);
            case USER_CODE -> new OAuth2UserCode(value, issuedAt, expiresAt);
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(Map<String, Object> metadata) {
        return (Map<String, Object>) metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME);
    }

    private static OAuth2AccessToken.TokenType accessTokenType(String type) {
        return OAuth2AccessToken.TokenType.DPOP.getValue().equalsIgnoreCase(type)
                ? OAuth2AccessToken.TokenType.DPOP
                : OAuth2AccessToken.TokenType.BEARER;
    }

    private static Set<String> scopes(String spaceSeparated) {
        return spaceSeparated == null ? Set.of() : new LinkedHashSet<>(List.of(spaceSeparated.split(" ")));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
