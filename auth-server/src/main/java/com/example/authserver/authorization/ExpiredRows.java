package com.example.authserver.authorization;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Deletes rows whose {@code expires_at} has passed, a limited number at a time: the ids of one batch are selected
 * through the {@code expires_at} index, then deleted by primary key (the same statements on every vendor, where
 * {@code delete ... limit} is not). Used by the authorization clean-up here and by the rate-limit bucket clean-up
 * (ratelimit), whose {@code expires_at} holds epoch milliseconds.
 */
public final class ExpiredRows {

    /** Rows deleted, and in how many delete statements. */
    public record Purged(int rows, int batches) {}

    private final JdbcOperations jdbc;

    private final String table;

    private final String key;

    /** The JDBC value {@code expires_at} is compared with. */
    private final Function<Instant, Object> expiresAtValue;

    /** For a table whose {@code expires_at} is a timestamp. */
    ExpiredRows(JdbcOperations jdbc, String table, String key) {
        this(jdbc, table, key, Timestamp::from);
    }

    private ExpiredRows(JdbcOperations jdbc, String table, String key, Function<Instant, Object> expiresAtValue) {
        this.jdbc = jdbc;
        this.table = table;
        this.key = key;
        this.expiresAtValue = expiresAtValue;
    }

    /** For a table whose {@code expires_at} holds epoch milliseconds. */
    public static ExpiredRows inEpochMillis(JdbcOperations jdbc, String table, String key) {
        return new ExpiredRows(jdbc, table, key, Instant::toEpochMilli);
    }

    /**
     * Deletes batch after batch of at most {@code batchSize} rows that expired before {@code cutoff}, until one comes
     * back short or the clock passes {@code stopAt} (the next run goes on).
     */
    public Purged deleteAll(Instant cutoff, int batchSize, Instant stopAt, Clock clock) {
        int total = 0;
        int batches = 0;
        int deleted;
        do {
            deleted = deleteBatch(cutoff, batchSize);
            total += deleted;
            batches++;
        } while (deleted == batchSize && clock.instant().isBefore(stopAt));
        return new Purged(total, batches);
    }

    /** Deletes at most {@code limit} rows that expired before {@code cutoff}; returns how many it deleted. */
    int deleteBatch(Instant cutoff, int limit) {
        Object before = expiresAtValue.apply(cutoff);
        List<Object> keys = jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(
                            "select " + key + " from " + table + " where expires_at < ? order by expires_at");
                    statement.setObject(1, before);
                    statement.setMaxRows(limit);
                    return statement;
                },
                (row, rowNumber) -> row.getObject(1));
        if (keys.isEmpty()) {
            return 0;
        }
        List<Object> parameters = new ArrayList<>(keys);
        parameters.add(before);
        // expires_at is checked again: a row renewed since the select stays
        return jdbc.update(
                "delete from " + table + " where " + key + " in ("
                        + String.join(", ", Collections.nCopies(keys.size(), "?")) + ") and expires_at < ?",
                parameters.toArray());
    }
}
