package com.example.authserver.authorization;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * A lease in the {@code job_lock} table, so that a job runs on one server instance at a time even when several
 * share the database: the instance that moves {@code locked_until} into the future holds it until it releases it
 * or the lease runs out (if the instance died). Plain updates and inserts: the same on every database vendor.
 * Used by the authorization clean-up here and by the rate-limit bucket clean-up (ratelimit).
 */
public final class JobLock {

    private static final Timestamp RELEASED = Timestamp.from(Instant.EPOCH);

    private final JdbcOperations jdbc;

    private final String name;

    private final String owner = "instance-" + UUID.randomUUID();

    public JobLock(JdbcOperations jdbc, String name) {
        this.jdbc = jdbc;
        this.name = name;
    }

    /** Takes the lock until {@code until} if nobody holds it at {@code now}. */
    public boolean tryAcquire(Instant now, Instant until) {
        int taken = jdbc.update(
                "update job_lock set locked_until = ?, locked_by = ?" + " where name = ? and locked_until < ?",
                Timestamp.from(until),
                owner,
                name,
                Timestamp.from(now));
        if (taken == 1) {
            return true;
        }
        try {
            jdbc.update(
                    "insert into job_lock (name, locked_until, locked_by) values (?, ?, ?)",
                    name,
                    Timestamp.from(until),
                    owner);
            return true;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    public void release() {
        jdbc.update(
                "update job_lock set locked_until = ?, locked_by = null where name = ? and locked_by = ?",
                RELEASED,
                name,
                owner);
    }
}
