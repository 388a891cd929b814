package com.example.authserver.imports;

import com.example.authserver.identity.Sha256;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What earlier runs of an import brought over ({@code imported_rows}), so that a second run can tell apart a row
 * unchanged in the source (skipped), changed in the source (updated) and changed here since it was imported (left as
 * it is: the import never overwrites a change made here). Each import names its own kinds of rows, and says what
 * stands for a row's state: a digest of its canonical form, or a version number the row carries here.
 */
@Component
public class ImportedRows {

    /**
     * The kind of the users {@code import aspnet-identity} brought over (source key: the user's id in ASP.NET
     * Identity; target id: the user's id here, the same). Other imports ask it whether a user here came from the
     * source (for example before writing a consent the source says that user gave).
     */
    public static final String ASPNET_IDENTITY_USERS = "aspnet-identity-user";

    /** One imported row: this server's id of it and its state in the source and here right after the import. */
    public record Record(String targetId, String sourceDigest, String targetDigest) {}

    /** What a run does with a source row. */
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

    private final JdbcClient jdbc;

    private final Clock clock;

    ImportedRows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Record> find(String kind, String sourceKey) {
        return jdbc.sql("select target_id, source_digest, target_digest from imported_rows"
                        + " where kind = ? and source_key = ?")
                .params(kind, sourceKey)
                .query((row, number) -> new Record(
                        row.getString("target_id"), row.getString("source_digest"), row.getString("target_digest")))
                .optional();
    }

    /** Whether a row of this kind and source key was imported as the row here with this id. */
    public boolean wasImportedAs(String kind, String sourceKey, String targetId) {
        return jdbc.sql("select count(*) from imported_rows where kind = ? and source_key = ? and target_id = ?")
                        .params(kind, sourceKey, targetId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Records the row as imported now (replacing an earlier record of it). */
    public void record(String kind, String sourceKey, Record record) {
        jdbc.sql("delete from imported_rows where kind = ? and source_key = ?")
                .params(kind, sourceKey)
                .update();
        jdbc.sql("insert into imported_rows (kind, source_key, target_id, source_digest, target_digest, imported_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(
                        kind,
                        sourceKey,
                        record.targetId(),
                        record.sourceDigest(),
                        record.targetDigest(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * What to do with a source row, given its last import (if any), its state in the source now, and the state of
     * its row here now (empty if it is not here any more).
     */
    public static Decision decide(Optional<Record> last, String sourceDigest, Optional<String> targetDigest) {
        if (last.isEmpty()) {
            return Decision.NEW;
        }
        if (last.get().sourceDigest().equals(sourceDigest)) {
            return Decision.UNCHANGED;
        }
        if (targetDigest.isEmpty()) {
            return Decision.DELETED_HERE;
        }
        return targetDigest.get().equals(last.get().targetDigest()) ? Decision.UPDATE : Decision.CHANGED_HERE;
    }

    /** The digest of a row's canonical text form (which the import defines, stable across runs). */
    public static String digest(String canonical) {
        return Sha256.base64Url(canonical);
    }
}
