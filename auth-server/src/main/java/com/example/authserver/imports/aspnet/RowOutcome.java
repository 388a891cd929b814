package com.example.authserver.imports.aspnet;

import com.example.authserver.imports.ImportReport;

/**
 * What happened to one source row, told to the report only once its batch is committed: a batch that the database
 * refuses is rolled back and written again row by row, and its first try must not count.
 */
record RowOutcome(Kind kind, String row, String text) {

    enum Kind {
        IMPORTED,
        UPDATED,
        SKIPPED,
        FAILED,
        WARNING
    }

    static RowOutcome imported(String row) {
        return new RowOutcome(Kind.IMPORTED, row, "");
    }

    static RowOutcome updated(String row) {
        return new RowOutcome(Kind.UPDATED, row, "");
    }

    static RowOutcome skipped(String row, String reason) {
        return new RowOutcome(Kind.SKIPPED, row, reason);
    }

    static RowOutcome failed(String row, String reason) {
        return new RowOutcome(Kind.FAILED, row, reason);
    }

    static RowOutcome warning(String row, String text) {
        return new RowOutcome(Kind.WARNING, row, text);
    }

    boolean isCounted() {
        return kind != Kind.WARNING;
    }

    void tell(ImportReport report) {
        switch (kind) {
            case IMPORTED -> report.imported();
            case UPDATED -> report.updated();
            case SKIPPED -> report.skipped(row, text);
            case FAILED -> report.failed(row, text);
            case WARNING -> report.warning(row, text);
        }
    }
}
