package com.example.authserver.imports;

/**
 * One kind of import ({@code import <kind>}): reads a source and writes what it finds into this server's stores,
 * counting every row in the {@link ImportReport}. A row it cannot carry over is reported there and skipped; a
 * source it cannot read at all is an {@link ImportFailure}.
 */
public interface Importer {

    /** The word after {@code import} on the command line, for example {@code aspnet-identity}. */
    String kind();

    /** The options this import takes, one line each, for the usage message. */
    String usage();

    void run(ImportOptions options, ImportReport report);
}
