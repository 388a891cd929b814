package ${package}.authorization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.Assert;

/**
 * Stores authorizations (codes, tokens, consents in progress) in {@code oauth2_authorization}, keeping only the
 * SHA-256 of each token value and finding them by an indexed lookup of that hash (see {@link TokenHashes}).
 * <p>
 * Refresh tokens rotate: when an authorization is saved with a new refresh token, the old one's hash is
 * remembered, and presenting the old token again revokes the whole grant (refresh token replay detection).
 * Because no value is kept, a client registered with {@code TokenSettings.reuseRefreshTokens(true)} cannot be
 * served (the server would have to send back a refresh token it no longer knows): saving an authorization for
 * such a client fails with an {@link IllegalStateException} naming it.
 * <p>
 * The self-contained access tokens of the client_credentials grant get no row at all, unless revoked: see
 * {@link SelfContainedClientTokens}.
 */
final class HashedAuthorizationService implements OAuth2AuthorizationService {

    private static final String SELECT = "select " + String.join(", ", AuthorizationColumns.NAMES)
            + " from oauth2_authorization where ";

    private static final String INSERT = "insert into oauth2_authorization ("
            + String.join(", ", AuthorizationColumns.NAMES) + ") values ("
            + String.join(", ", Collections.nCopies(AuthorizationColumns.NAMES.size(), "?")) + ")";

    private static final String UPDATE = "update oauth2_authorization set "
            + String.join(" = ?, ", AuthorizationColumns.NAMES.subList(1, AuthorizationColumns.NAMES.size()))
            + " = ? where id = ?";

    private final JdbcOperations jdbc;

    private final TransactionOperations transactions;

    private final RegisteredClientRepository clients;

    private final AuthorizationJson json;

    private final AuthorizationColumns columns;

    private final RotatedRefreshTokens rotatedRefreshTokens;

    private final SelfContainedClientTokens clientTokens;

    private final Clock clock;

    HashedAuthorizationService(JdbcOperations jdbc, TransactionOperations transactions,
            RegisteredClientRepository clients, AuthorizationJson json, AuthorizationColumns columns,
            SelfContainedClientTokens clientTokens, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clients = clients;
        this.json = json;
        this.columns = columns;
        this.rotatedRefreshTokens = new RotatedRefreshTokens(jdbc);
        this.clientTokens = clientTokens;
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Assert.notNull(authorization, "authorization cannot be null");
        if (SelfContainedClientTokens.needsNoRow(authorization)) {
            return;
        }
        refuseReusedRefreshTokens(authorization.getRegisteredClientId());
        Instant now = clock.instant();
        List<SqlParameterValue> values = columns.values(authorization, now);
        transactions.executeWithoutResult(transaction -> {
            List<StoredRefreshToken> stored = jdbc.query("select refresh_token_hash, refresh_token_expires_at"
                    + " from oauth2_authorization where id = ? for update", StoredRefreshToken::read,
                    authorization.getId());
            if (stored.isEmpty()) {
                jdbc.update(INSERT, values.toArray());
                return;
            }
            List<SqlParameterValue> update = new ArrayList<>(values.subList(1, values.size()));
            update.add(values.get(0));
            jdbc.update(UPDATE, update.toArray());
            rememberIfRotated(stored.get(0), authorization, now);
        });
    }

    private void rememberIfRotated(StoredRefreshToken previous, OAuth2Authorization authorization, Instant now) {
        OAuth2Authorization.Token<OAuth2RefreshToken> current = authorization.getRefreshToken();
        if (previous.hash() == null || current == null) {
            return;
        }
        if (!previous.hash().equals(TokenHashes.hashToStore(current.getToken().getTokenValue()))) {
            rotatedRefreshTokens.remember(previous.hash(), authorization.getId(), now, previous.expiresAt());
        }
    }

    private void refuseReusedRefreshTokens(String registeredClientId) {
        RegisteredClient client = clients.findById(registeredClientId);
        if (client != null && client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)
                && client.getTokenSettings().isReuseRefreshTokens()) {
            throw new IllegalStateException("Client '" + client.getClientId() + "' is registered with"
                    + " TokenSettings.reuseRefreshTokens(true), which this server does not support: it stores refresh"
                    + " tokens only as hashes and cannot send one back. Register the client with"
                    + " reuseRefreshTokens(false) (every refresh returns a new refresh token).");
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        Assert.notNull(authorization, "authorization cannot be null");
        jdbc.update("delete from oauth2_authorization where id = ?", authorization.getId());
    }

    @Override
    public OAuth2Authorization findById(String id) {
        Assert.hasText(id, "id cannot be empty");
        return findBy("id = ?", id, null);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        Assert.hasText(token, "token cannot be empty");
        String hash = TokenHashes.hash(token);
        if ((tokenType == null || OAuth2TokenType.ACCESS_TOKEN.equals(tokenType))
                && SelfContainedClientTokens.looksLikeJwt(token)) {
            // a JWT can only be an access token (or an ID token, which is never looked up): its row if it has one
            // (always, but for unrevoked client_credentials tokens), else the token's own word
            OAuth2Authorization found = findBy(TokenKind.ACCESS_TOKEN, hash, token);
            return found != null ? found : clientTokens.rebuild(token);
        }
        if (tokenType == null) {
            for (TokenKind kind : TokenKind.values()) {
                OAuth2Authorization found = findBy(kind, hash, token);
                if (found != null) {
                    return found;
                }
            }
            OAuth2Authorization found = findBy("state_hash = ?", hash, token);
            return found != null ? found : rotatedRefreshTokens.revokeGrantIfRotated(hash);
        }
        if (OAuth2ParameterNames.STATE.equals(tokenType.getValue())) {
            return findBy("state_hash = ?", hash, token);
        }
        TokenKind kind = TokenKind.of(tokenType);
        if (kind == null) {
            return null;
        }
        OAuth2Authorization found = findBy(kind, hash, token);
        return (found == null && kind == TokenKind.REFRESH_TOKEN) ? rotatedRefreshTokens.revokeGrantIfRotated(hash)
                : found;
    }

    /** User codes are short and may repeat across grants: the newest wins. */
    private OAuth2Authorization findBy(TokenKind kind, String hash, String presentedValue) {
        return findBy(kind.hashColumn() + " = ? order by " + kind.issuedAtColumn() + " desc", hash, presentedValue);
    }

    private OAuth2Authorization findBy(String filter, String parameter, String presentedValue) {
        AuthorizationRowMapper mapper = new AuthorizationRowMapper(clients, json, presentedValue);
        // one transaction, so the registered-client lookup inside mapRow reuses this connection: holding one
        // connection while waiting for a second would starve the pool under concurrent lookups
        return transactions.execute(transaction -> jdbc.query(SELECT + filter,
                rows -> rows.next() ? mapper.mapRow(rows, 0) : null, parameter));
    }

    private record StoredRefreshToken(String hash, Instant expiresAt) {

        static StoredRefreshToken read(ResultSet row, int rowNumber) throws SQLException {
            Timestamp expiresAt = row.getTimestamp(2);
            return new StoredRefreshToken(row.getString(1), expiresAt == null ? null : expiresAt.toInstant());
        }
    }
}
