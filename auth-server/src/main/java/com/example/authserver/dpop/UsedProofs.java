package com.example.authserver.dpop;

import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * The proofs already presented, by the hash of their key and {@code jti}, in table {@code dpop_used_proof}: the
 * first insert of a hash wins, so of two requests with one proof, on one instance or two, exactly one gets through.
 */
class UsedProofs {

    static final String TABLE = "dpop_used_proof";

    private final JdbcOperations jdbc;

    UsedProofs(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers the proof until {@code expiresAt}; false if it was presented before. */
    boolean firstUse(String proofHash, Instant expiresAt) {
        try {
            jdbc.update(
                    "insert into " + TABLE + " (jti_hash, expires_at) values (?, ?)",
                    proofHash,
                    expiresAt.toEpochMilli());
            return true;
        } catch (DuplicateKeyException replayed) {
            return false;
        }
    }
}
