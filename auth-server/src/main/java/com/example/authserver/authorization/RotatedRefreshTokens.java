package com.example.authserver.authorization;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Refresh token replay detection: the refresh tokens that were replaced by a newer one (hashes only), in
 * {@code oauth2_rotated_refresh_token}. They go when their grant is deleted, or when the clean-up job finds them
 * past their own expiry. Only the token endpoint's refresh grant acts on them ({@link RefreshTokenReplay}).
 */
final class RotatedRefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RotatedRefreshTokens.class);

    private final JdbcOperations jdbc;

    RotatedRefreshTokens(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void remember(String tokenHash, String authorizationId, Instant rotatedAt, Instant expiresAt) {
        jdbc.update(
                "insert into oauth2_rotated_refresh_token (token_hash, authorization_id, rotated_at, expires_at)"
                        + " values (?, ?, ?, ?)",
                tokenHash,
                authorizationId,
                Timestamp.from(rotatedAt),
                new SqlParameterValue(Types.TIMESTAMP, expiresAt == null ? null : Timestamp.from(expiresAt)));
    }

    /**
     * A rotated refresh token presented again by the client it was issued to means two parties hold it (one stole
     * it): the whole grant is deleted, its newest refresh and access tokens with it. True if it was such a token.
     */
    boolean revokeGrantIfRotated(String tokenHash, String registeredClientId) {
        List<String> ids = jdbc.queryForList(
                "select r.authorization_id from oauth2_rotated_refresh_token r"
                        + " join oauth2_authorization a on a.id = r.authorization_id"
                        + " where r.token_hash = ? and a.registered_client_id = ?",
                String.class,
                tokenHash,
                registeredClientId);
        if (ids.isEmpty()) {
            return false;
        }
        log.warn(
                "A rotated refresh token of authorization {} was presented again: revoking the whole grant",
                ids.get(0));
        jdbc.update("delete from oauth2_authorization where id = ?", ids.get(0));
        return true;
    }
}
