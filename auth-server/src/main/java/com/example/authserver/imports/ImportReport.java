package com.example.authserver.imports;

import com.example.authserver.system.PrintableText;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * What an import did, row by row: every row ends up imported, updated, skipped or failed, and skipped and failed
 * rows are printed with their reason as they happen (never silently dropped). Progress lines give the rate and the
 * time left; the last line is always the summary {@code imported: N, updated: N, skipped: N, failed: N}.
 * <p>
 * Rows, reasons and warnings quote the source's values, which a hostile source chooses: every line is printed
 * through {@link #printable}, so no escape sequence reaches the operator's terminal, no bidi control reorders what
 * they read and no line break forges a report line.
 */
public final class ImportReport {

    private final PrintStream out;

    private final boolean dryRun;

    private final long started = System.nanoTime();

    private long imported;

    private long updated;

    private long skipped;

    private long failed;

    ImportReport(PrintStream out, boolean dryRun) {
        this.out = out;
        this.dryRun = dryRun;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public void imported() {
        imported++;
    }

    public void updated() {
        updated++;
    }

    /** A row left as it is here, for example unchanged since the last run. */
    public void skipped(String row, String reason) {
        skipped++;
        print("skipped " + row + ": " + reason);
    }

    /** A row that could not be carried over; the import goes on with the next one. */
    public void failed(String row, String reason) {
        failed++;
        print("failed  " + row + ": " + reason);
    }

    /** Something of a row that was carried over only in part (for example a setting this server has not). */
    public void warning(String row, String text) {
        print("warning " + row + ": " + text);
    }

    public void info(String text) {
        print(text);
    }

    /** A progress line: {@code users: 1000/52000 (810/s, about 63 s left)}. */
    public void progress(String what, long done, long total) {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        double rate = done / seconds;
        String left = rate <= 0 || total <= done
                ? ""
                : ", about "
                        + Duration.ofSeconds((long) Math.ceil((total - done) / rate))
                                .toSeconds() + " s left";
        print(String.format(Locale.ROOT, "%s: %d/%d (%.0f/s%s)", what, done, total, rate, left));
    }

    /** The summary line: {@code imported: N, updated: N, skipped: N, failed: N}. */
    public String summary() {
        return "imported: " + imported + ", updated: " + updated + ", skipped: " + skipped + ", failed: " + failed;
    }

    void printSummary() {
        if (dryRun) {
            out.println("dry run: nothing was written");
        }
        out.println(summary());
    }

    private void print(String line) {
        out.println(printable(line));
    }

    /** The text safe for a terminal: see {@link PrintableText#of}. */
    static String printable(String text) {
        return PrintableText.of(text);
    }
}
