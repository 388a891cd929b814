package com.example.authserver.imports;

/**
 * An import that cannot run at all (source unreachable, schema not recognised, target not migrated, a missing
 * option): the command prints the message, without a stack trace, and exits with a non-zero status.
 */
public class ImportFailure extends RuntimeException {

    public ImportFailure(String message) {
        super(message);
    }

    public ImportFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
