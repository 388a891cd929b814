package com.example.authserver.imports;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What earlier runs of an import brought over ({@code import_records}, migration V1_10): for each source row, the
 * source's version of it and this server's version of what it became. An import asks {@link #decide} before writing
 * a row and {@link #save}s after, so a second run only carries over what changed in the source, and never overwrites
 * a row that was changed here since. Every import kind can use it (the kind is part of the key).
 */
@Component
public class ImportRecords {

    /** What a run should do with a source row. */
    public enum Decision {
        /** Never imported: import it. */
        NEW,
        /** The source has not changed since the last import: skip it. */
        UNCHANGED,
        /** The source changed and the row here did not: update it. */
        UPDATE,
        /** The row here changed since the last import: leave it. */
        CHANGED_HERE,
        /** The row that was imported was deleted here since: leave it deleted. */
        DELETED_HERE
    }

    /** The last import of one source row. */
    public record Record(String sourceStamp, String sourceDigest, String targetId, long targetStamp) {}

    private final JdbcClient jdbc;

    private final Clock clock;

    // the server's DataSource, not a JdbcClient bean: the import context defines no beans of framework types
    public ImportRecords(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    public Optional<Record> find(String kind, String entity, String sourceId) {
        return jdbc.sql("select source_stamp, source_digest, target_id, target_stamp from import_records"
                        + " where source_kind = ? and entity = ? and source_id = ?")
                .params(kind, entity, sourceId)
                .query((rs, row) -> new Record(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .optional();
    }

    /**
     * What to do with a source row, given its last import (if any), its current source version and digest, and the
     * version of its row here now (empty if it is not here).
     */
    public static Decision decide(
            Optional<Record> last, String sourceStamp, String sourceDigest, Optional<Long> targetStamp) {
        if (last.isEmpty()) {
            return Decision.NEW;
        }
        Record record = last.get();
        if (Objects.equals(record.sourceStamp(), sourceStamp)
                && record.sourceDigest().equals(sourceDigest)) {
            return Decision.UNCHANGED;
        }
        if (targetStamp.isEmpty()) {
            return Decision.DELETED_HERE;
        }
        return targetStamp.get() == record.targetStamp() ? Decision.UPDATE : Decision.CHANGED_HERE;
    }

    /** Records the import of a source row (in the transaction that wrote it). */
    public void save(
            String kind,
            String entity,
            String sourceId,
            String sourceStamp,
            String sourceDigest,
            String targetId,
            long targetStamp) {
        // delete and insert: one statement pair that H2, PostgreSQL and MySQL all run alike
        jdbc.sql("delete from import_records where source_kind = ? and entity = ? and source_id = ?")
                .params(kind, entity, sourceId)
                .update();
        jdbc.sql("insert into import_records (source_kind, entity, source_id, source_stamp, source_digest,"
                        + " target_id, target_stamp, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        kind,
                        entity,
                        sourceId,
                        sourceStamp,
                        sourceDigest,
                        targetId,
                        targetStamp,
                        Timestamp.from(clock.instant()))
                .update();
    }
}
