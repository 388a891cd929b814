package com.example.authserver.authorization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
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
 * SHA-256 of each token value (an HMAC for the short codes of the device flow: {@link TokenDigests}) and finding them
 * by an indexed lookup of that hash (see {@link TokenHashes}).
 * <p>
 * Refresh tokens rotate: when an authorization is saved with a new refresh token, the old one's hash is
 * remembered ({@link RotatedRefreshTokens}), and presenting the old token again at the token endpoint revokes the
 * whole grant ({@link RefreshTokenReplay}); looking a token up never changes anything.
 * <p>
 * Every save of an authorization that was read from the database is conditional on the row's version
 * ({@link LoadedRow}): nothing is written back to a grant that was changed or removed meanwhile.
 * Because no value is kept, a client registered with {@code TokenSettings.reuseRefreshTokens(true)} cannot be
 * served (the server would have to send back a refresh token it no longer knows): saving an authorization for
 * such a client fails with an {@link IllegalStateException} naming it.
 * <p>
 * The self-contained access tokens of the client_credentials grant get no row at all, unless revoked: see
 * {@link SelfContainedClientTokens}.
 */
final class HashedAuthorizationService implements OAuth2AuthorizationService {

    private static final String SELECT =
            "select " + String.join(", ", AuthorizationColumns.NAMES) + ", version from oauth2_authorization where ";

    private static final String INSERT = "insert into oauth2_authorization ("
            + String.join(", ", AuthorizationColumns.NAMES) + ") values ("
            + String.join(", ", Collections.nCopies(AuthorizationColumns.NAMES.size(), "?")) + ")";

    private static final String UPDATE = "update oauth2_authorization set "
            + String.join(" = ?, ", AuthorizationColumns.NAMES.subList(1, AuthorizationColumns.NAMES.size()))
            + " = ?, version = version + 1 where id = ? and version = ?";

    private final JdbcOperations jdbc;

    private final TransactionOperations transactions;

    private final RegisteredClientRepository clients;

    private final AuthorizationJson json;

    private final AuthorizationColumns columns;

    private final RotatedRefreshTokens rotatedRefreshTokens;

    private final SelfContainedClientTokens clientTokens;

    private final TokenDigests digests;

    private final Clock clock;

    HashedAuthorizationService(
            JdbcOperations jdbc,
            TransactionOperations transactions,
            RegisteredClientRepository clients,
            AuthorizationJson json,
            AuthorizationColumns columns,
            RotatedRefreshTokens rotatedRefreshTokens,
            SelfContainedClientTokens clientTokens,
            TokenDigests digests,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clients = clients;
        this.json = json;
        this.columns = columns;
        this.rotatedRefreshTokens = rotatedRefreshTokens;
        this.clientTokens = clientTokens;
        this.digests = digests;
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
        LoadedRow loaded = LoadedRow.of(authorization);
        if (loaded == null) {
            insert(authorization, values);
            return;
        }
        transactions.executeWithoutResult(transaction -> {
            List<StoredRow> stored = jdbc.query(
                    "select refresh_token_hash, refresh_token_expires_at, version"
                            + " from oauth2_authorization where id = ? for update",
                    StoredRow::read,
                    authorization.getId());
            if (stored.isEmpty() || stored.get(0).version() != loaded.version()) {
                resolveConflict(authorization, loaded, !stored.isEmpty());
                return;
            }
            List<SqlParameterValue> update = new ArrayList<>(values.subList(1, values.size()));
            update.add(values.get(0));
            update.add(new SqlParameterValue(Types.BIGINT, loaded.version()));
            jdbc.update(UPDATE, update.toArray());
            rememberIfRotated(stored.get(0), authorization, now);
        });
    }

    /** A new authorization (not read from the database). */
    private void insert(OAuth2Authorization authorization, List<SqlParameterValue> values) {
        try {
            jdbc.update(INSERT, values.toArray());
        } catch (DuplicateKeyException ex) {
            // stored a moment ago by a concurrent request: only a token without a row (a client_credentials JWT)
            // revoked twice at once gets here, and the first revocation stands
            if (LoadedRow.issuesTokens(authorization, null, digests)) {
                throw ex;
            }
        }
    }

    /**
     * The row changed or went away since the authorization was read (a concurrent refresh, a revocation by the user,
     * replay detection, account deletion). A save that would hand out new tokens loses: the client gets
     * {@code invalid_grant} and nothing is written, so a removed grant stays removed and one refresh token is
     * redeemed once. A save that only invalidates tokens (a revocation) wins instead: the whole grant goes.
     */
    private void resolveConflict(OAuth2Authorization authorization, LoadedRow loaded, boolean rowExists) {
        if (LoadedRow.issuesTokens(authorization, loaded, digests)) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, LoadedRow.CHANGED_MEANWHILE, null));
        }
        if (rowExists) {
            jdbc.update("delete from oauth2_authorization where id = ?", authorization.getId());
        }
    }

    private void rememberIfRotated(StoredRow previous, OAuth2Authorization authorization, Instant now) {
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
        if (client != null
                && client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)
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
        if ((tokenType == null || OAuth2TokenType.ACCESS_TOKEN.equals(tokenType))
                && SelfContainedClientTokens.looksLikeJwt(token)) {
            // a JWT can only be an access token (or an ID token, which is never looked up): its row if it has one
            // (always, but for unrevoked client_credentials tokens), else the token's own word
            OAuth2Authorization found = findBy(TokenKind.ACCESS_TOKEN, token);
            return found != null ? found : clientTokens.rebuild(token);
        }
        if (tokenType == null) {
            for (TokenKind kind : TokenKind.values()) {
                OAuth2Authorization found = findBy(kind, token);
                if (found != null) {
                    return found;
                }
            }
            return findBy("state_hash = ?", TokenHashes.hash(token), token);
        }
        if (OAuth2ParameterNames.STATE.equals(tokenType.getValue())) {
            return findBy("state_hash = ?", TokenHashes.hash(token), token);
        }
        TokenKind kind = TokenKind.of(tokenType);
        if (kind == null) {
            return null;
        }
        return findBy(kind, token);
    }

    /** User codes are short and may repeat across grants: the newest wins. */
    private OAuth2Authorization findBy(TokenKind kind, String presentedValue) {
        return findBy(
                kind.hashColumn() + " = ? order by " + kind.issuedAtColumn() + " desc",
                digests.hash(kind, presentedValue),
                presentedValue);
    }

    private OAuth2Authorization findBy(String filter, String parameter, String presentedValue) {
        AuthorizationRowMapper mapper = new AuthorizationRowMapper(clients, json, digests, presentedValue);
        // one transaction, so the registered-client lookup inside mapRow reuses this connection: holding one
        // connection while waiting for a second would starve the pool under concurrent lookups
        return transactions.execute(transaction ->
                jdbc.query(SELECT + filter, rows -> rows.next() ? mapper.mapRow(rows, 0) : null, parameter));
    }

    /** What saving needs of the stored row: its refresh token (to remember it once rotated) and its version. */
    private record StoredRow(String hash, Instant expiresAt, long version) {

        static StoredRow read(ResultSet row, int rowNumber) throws SQLException {
            Timestamp expiresAt = row.getTimestamp(2);
            return new StoredRow(row.getString(1), expiresAt == null ? null : expiresAt.toInstant(), row.getLong(3));
        }
    }
}
