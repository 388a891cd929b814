package ${package}.authorization;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * Deletes rows whose {@code expires_at} has passed, a limited number at a time: the ids of one batch are selected
 * through the {@code expires_at} index, then deleted by primary key (the same statements on every vendor, where
 * {@code delete ... limit} is not).
 */
final class ExpiredRows {

    private final JdbcOperations jdbc;

    private final String table;

    private final String key;

    ExpiredRows(JdbcOperations jdbc, String table, String key) {
        this.jdbc = jdbc;
        this.table = table;
        this.key = key;
    }

    /** Deletes at most {@code limit} rows that expired before {@code cutoff}; returns how many it deleted. */
    int deleteBatch(Instant cutoff, int limit) {
        Timestamp before = Timestamp.from(cutoff);
        List<String> keys = jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    "select " + key + " from " + table + " where expires_at < ? order by expires_at");
            statement.setTimestamp(1, before);
            statement.setMaxRows(limit);
            return statement;
        }, (row, rowNumber) -> row.getString(1));
        if (keys.isEmpty()) {
            return 0;
        }
        List<Object> parameters = new ArrayList<>(keys);
        parameters.add(before);
        // expires_at is checked again: a grant refreshed since the select stays
        return jdbc.update("delete from " + table + " where " + key + " in ("
                + String.join(", ", Collections.nCopies(keys.size(), "?")) + ") and expires_at < ?",
                parameters.toArray());
    }
}
